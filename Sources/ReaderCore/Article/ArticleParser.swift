/// Turns decoded text into an `Article`: sanitize, split into blocks by format, reader mode,
/// then links.
public enum ArticleParser {
    /// The article in `text` (decoded, not yet sanitized); `fallbackTitle` names it when the page has no title.
    public static func parse(_ text: String, format: ArticleFormat, fallbackTitle: String) -> Article {
        let clean = Sanitizer.clean(text)
        var blocks: [Block]
        var metadata: ArticleMetadata
        var title: String?
        switch format {
        case .text:
            blocks = PlainTextParser.blocks(clean)
            let mode = ReaderMode.classify(&blocks)
            title = mode.title
            metadata = mode.metadata
        case .markdown:
            let (matter, body) = FrontMatter.split(clean)
            blocks = MarkdownParser.blocks(body)
            var known = matter?.title
            if known == nil, let first = blocks.first(where: { $0.kind == .heading || $0.kind == .paragraph }), first.kind == .heading {
                known = first.text
            }
            let mode = ReaderMode.classify(&blocks, knownTitle: known)
            title = known ?? mode.title
            metadata = mode.metadata
            if let matter {
                metadata.source = matter.source ?? metadata.source
                metadata.date = matter.saved ?? metadata.date
                metadata.author = matter.author ?? metadata.author
                metadata.tags = matter.tags
            }
        }
        let links = LinkCollector.collect(page: &blocks, source: metadata.source)
        let finalTitle = Sanitizer.line(title ?? fallbackTitle)
        return Article(title: finalTitle.isEmpty ? fallbackTitle : finalTitle, metadata: metadata, format: format, page: blocks, links: links)
    }
}
