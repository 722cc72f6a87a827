/// Reads a Markdown clipping (front matter already removed) into blocks: cmark-gfm renders it to
/// HTML (`MarkdownRenderer`: tables, strikethrough, autolinks, task lists, footnotes, and the CJK
/// and Obsidian fixes), and the HTML pipeline lays that out, so a clipping and a saved page share
/// one set of structures: nested lists with their numbers, tables, quotes, code, highlights,
/// and `[label](url)` links kept as inline links for numbering.
public enum MarkdownParser {
    /// The blocks of a Markdown body, all in the body role until reader mode decides.
    public static func blocks(_ text: Substring) -> [Block] {
        let document = HTMLParser.parse(MarkdownRenderer.html(String(text)))
        let body = document.first("body") ?? document
        return HTMLBlockBuilder.blocks(of: body, role: .body, resolver: URLResolver(source: nil, baseHref: nil))
    }
}
