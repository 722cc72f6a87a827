/// Turns decoded text into an `Article`: sanitize, split into blocks by format, reader mode,
/// then links.
public enum ArticleParser {
    /// Only the title and metadata of `text`, read from its head as `parse` would read them,
    /// without the body, references or links: what the library list needs.
    public static func head(_ text: String, format: ArticleFormat,
                            fallbackTitle: String) -> (title: String, metadata: ArticleMetadata) {
        var result = ReaderMode.Result(title: nil, metadata: ArticleMetadata())
        switch format {
        case .html, .mhtml:
            return HTMLArticleParser.head(text, fallbackTitle: fallbackTitle)
        case .text:
            let clean = Sanitizer.clean(text.utf8Prefix(dumpHeadLength))
            if let export = TextExport.parse(clean) {
                result = export.result
            } else {
                var blocks = PlainTextParser.blocks(clean)
                result = DumpReaderMode.classify(&blocks, headOnly: true).result
                result.metadata.minutes = ReadingTime.minutes(blocks.filter { $0.role == .body }.map(\.text))
            }
        case .markdown:
            let clean = Sanitizer.clean(text.utf8Prefix(headLength))
            let (matter, body) = FrontMatter.split(clean)
            var known = matter?.title
            if known == nil || matter?.saved == nil {
                var blocks = MarkdownParser.blocks(body)
                if known == nil { known = firstHeading(blocks) }
                result.title = known
                _ = ReaderMode.lead(&blocks, knownTitle: known, into: &result)
            }
            result.title = known ?? result.title
            if let matter { apply(matter, to: &result.metadata) }
            result.metadata.minutes = ReadingTime.minutes([String(body)])
        }
        let title = Sanitizer.line(result.title ?? fallbackTitle)
        return (title.isEmpty ? fallbackTitle : title, result.metadata)
    }

    /// How much text `head` reads: enough for front matter and the lead's blocks.
    static let headLength = 8 << 10
    /// How much of a text dump `head` reads: its article is found among all of its blocks, and
    /// most dumps are shorter than this; a longer one is judged by its start.
    static let dumpHeadLength = 64 << 10

    /// The text of the first block if it is a heading: a Markdown clipping's title.
    private static func firstHeading(_ blocks: [Block]) -> String? {
        guard let first = blocks.first(where: { $0.kind == .heading || $0.kind == .paragraph }),
              first.kind == .heading else { return nil }
        return first.text
    }

    /// Front-matter fields win over what the page says.
    private static func apply(_ matter: FrontMatter, to metadata: inout ArticleMetadata) {
        metadata.source = matter.source ?? metadata.source
        metadata.date = matter.saved ?? metadata.date
        metadata.author = matter.author ?? metadata.author
        metadata.tags = matter.tags
    }

    /// The article in a file's `bytes`, decoded as its format says: HTML by its charset rules, an
    /// MHTML archive's HTML part by its own, text by `TextDecoder`.
    public static func parse(bytes: [UInt8], format: ArticleFormat, fallbackTitle: String) -> Article {
        guard let page = webPage(bytes, format: format) else {
            return parse(TextDecoder.decode(bytes).text, format: format, fallbackTitle: fallbackTitle)
        }
        return HTMLArticleParser.parse(page.html, format: format, fallbackTitle: page.subject ?? fallbackTitle,
                                       location: page.location)
    }

    /// The title and metadata of a saved web page's `bytes`, as `parse(bytes:…)` finds them but
    /// without reader mode: what the library list needs.
    public static func pageHead(bytes: [UInt8], format: ArticleFormat, fallbackTitle: String)
        -> (title: String, metadata: ArticleMetadata) {
        guard let page = webPage(bytes, format: format) else {
            return head(TextDecoder.decode(bytes).text, format: format, fallbackTitle: fallbackTitle)
        }
        var head = HTMLArticleParser.head(page.html, fallbackTitle: page.subject ?? fallbackTitle, location: page.location)
        head.metadata.minutes = PageTextEstimate.minutes(of: page.html)
        return head
    }

    /// A saved web page's HTML, decoded, with an MHTML archive's subject and source URL; nil for
    /// the text formats.
    private static func webPage(_ bytes: [UInt8],
                                format: ArticleFormat) -> (html: String, subject: String?, location: String?)? {
        switch format {
        case .html:
            return (HTMLCharset.decode(bytes).text, nil, nil)
        case .mhtml:
            guard let archive = MHTMLArchive.parse(bytes) else { return (HTMLCharset.decode(bytes).text, nil, nil) }
            let subject = archive.subject.map(Sanitizer.line).flatMap { $0.isEmpty ? nil : $0 }
            return (HTMLCharset.decode(archive.html, declared: archive.charset).text, subject, archive.location)
        case .text, .markdown:
            return nil
        }
    }

    /// The article in `text` (decoded, not yet sanitized); `fallbackTitle` names it when the page has no title.
    public static func parse(_ text: String, format: ArticleFormat, fallbackTitle: String) -> Article {
        if format == .html || format == .mhtml {
            return HTMLArticleParser.parse(text, format: format, fallbackTitle: fallbackTitle)
        }
        let clean = Sanitizer.clean(text)
        var blocks: [Block]
        var metadata: ArticleMetadata
        var title: String?
        var notice: String?
        switch format {
        case .text:
            if let export = TextExport.parse(clean) {
                (blocks, title, metadata) = (export.blocks, export.result.title, export.result.metadata)
            } else {
                blocks = PlainTextParser.blocks(clean)
                let (mode, found) = DumpReaderMode.classify(&blocks)
                title = mode.title
                metadata = mode.metadata
                if !found { notice = Article.noClearArticle }
            }
        case .markdown, .html, .mhtml:
            let (matter, body) = FrontMatter.split(clean)
            blocks = MarkdownParser.blocks(body)
            let known = matter?.title ?? firstHeading(blocks)
            let mode = ReaderMode.classify(&blocks, knownTitle: known)
            title = known ?? mode.title
            metadata = mode.metadata
            if let matter { apply(matter, to: &metadata) }
        }
        let links = LinkCollector.collect(page: &blocks, source: metadata.source)
        let finalTitle = Sanitizer.line(title ?? fallbackTitle)
        var article = Article(title: finalTitle.isEmpty ? fallbackTitle : finalTitle, metadata: metadata, format: format,
                              page: blocks, links: links)
        article.notice = notice
        return article
    }
}
