/// What search reads of an article: the title, a line of who and where it is from (author,
/// site, source host, `#tags`; left out when there is none), then each body block, a line each (chrome, date lines and
/// references are left out; line breaks and table cells inside a block become spaces; an
/// image's `[image: alt]` is left out, since alt text is an attribute, not text).
public enum SearchableText {
    public static func of(_ article: Article) -> String {
        var out = article.title
        let meta = article.metadata
        let source = meta.source.flatMap(ArticleMetadata.host(of:))
        let about = ([meta.author, meta.site, source].compactMap { $0 } + meta.tags.map { "#" + $0 + " " }).joined(separator: " ")
        if !about.isEmpty { out += "\n" + about }
        for block in article.body {
            out += "\n"
            let text = block.text.contains("[image") ? withoutImages(block.text) : block.text
            out += text.contains(where: { $0 == "\n" || $0 == "\t" })
                ? String(text.map { $0 == "\n" || $0 == "\t" ? " " : $0 }) : text
        }
        return out
    }

    /// `text` without the `[image]` and `[image: alt]` placeholders HTML pages leave.
    static func withoutImages(_ text: String) -> String {
        var out = Substring(text)
        var result = ""
        while let start = out.range(of: "[image") {
            let after = out[start.upperBound...]
            guard after.first == "]" || after.hasPrefix(": "), let close = after.firstIndex(of: "]") else {
                result += out[..<start.upperBound]
                out = after
                continue
            }
            result += out[..<start.lowerBound]
            out = after[after.index(after: close)...]
        }
        return result + out
    }
}
