/// What search reads of an article, a line each: the title; who and where it is from (author,
/// site, source host; empty when there is none); its tags (`#ai #sailing`, or empty); then each
/// body block (chrome, date lines and references are left out; line breaks and table cells
/// inside a block become spaces; an image's `[image: alt]` is left out, since alt text is an
/// attribute, not text). The index keeps the first three lines as columns of their own.
public enum SearchableText {
    public static func of(_ article: Article) -> String {
        let meta = article.metadata
        let source = meta.source.flatMap(ArticleMetadata.host(of:))
        var out = oneLine(article.title)
        out += "\n" + oneLine([meta.author, meta.site, source].compactMap { $0 }.joined(separator: " "))
        out += "\n" + oneLine(meta.tags.map { "#" + $0 }.joined(separator: " "))
        for block in article.body {
            out += "\n"
            out += oneLine(block.text.contains("[image") ? withoutImages(block.text) : block.text)
        }
        return out
    }

    /// `text` with its line breaks and tabs as spaces.
    static func oneLine(_ text: String) -> String {
        text.contains(where: { $0 == "\n" || $0 == "\t" }) ? String(text.map { $0 == "\n" || $0 == "\t" ? " " : $0 }) : text
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
