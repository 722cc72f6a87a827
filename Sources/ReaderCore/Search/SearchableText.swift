/// What search reads of an article: the title, then each body block, a line each (chrome,
/// metadata and references are left out; newlines inside a block become spaces).
public enum SearchableText {
    public static func of(_ article: Article) -> String {
        var out = article.title
        for block in article.body {
            out += "\n"
            out += block.kind == .preformatted ? String(block.text.map { $0 == "\n" ? " " : $0 }) : block.text
        }
        return out
    }
}
