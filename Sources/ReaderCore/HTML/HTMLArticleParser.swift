/// Reads a saved HTML page (already decoded) into an `Article`: gumbo's tree, the page's metadata,
/// reader mode on the DOM (`ArticleExtractor`), then blocks for the whole page, the article's
/// marked as the body, and its numbered links.
enum HTMLArticleParser {
    /// How much of the page's start is searched for the comment a saving tool left.
    static let commentSpan = 8 << 10

    /// The article in `html`; `location` is an MHTML archive's source URL, `fallbackTitle` names a
    /// page with no title.
    static func parse(_ html: String, format: ArticleFormat, fallbackTitle: String, location: String? = nil) -> Article {
        let document = HTMLParser.parse(html)
        let facts = HTMLMetadata.read(document, head: Substring(html.utf8Prefix(commentSpan)), location: location)
        let body = document.first("body") ?? document
        let found = ArticleExtractor.mark(body: body, title: facts.title)
        let resolver = URLResolver(source: facts.source, baseHref: facts.baseHref)
        var blocks = HTMLBlockBuilder.blocks(of: body, role: .chrome, resolver: resolver)
        let leadDate = leadMetadata(&blocks)
        trimTail(&blocks)
        var metadata = ArticleMetadata(source: facts.source, date: facts.date ?? leadDate ?? facts.saved,
                                       author: facts.byline ?? found.byline.flatMap(HTMLMetadata.clean))
        metadata.site = facts.siteName
        metadata.language = facts.lang
        let links = LinkCollector.collect(page: &blocks, source: facts.source)
        let heading = blocks.first { $0.role == .title }?.text
        let title = Sanitizer.line(facts.title ?? heading ?? fallbackTitle)
        var article = Article(title: title.isEmpty ? fallbackTitle : title, metadata: metadata, format: format,
                              page: blocks, links: links)
        if !found.found { article.notice = Article.noClearArticle }
        return article
    }

    /// The title and metadata of `html` as `parse` finds them, from the page's metadata alone, read
    /// from its head, first `<h1>` and first `<time>` (`PageHead`; the title never needs reader
    /// mode, and a date found only in the article's first lines is left out): what the library
    /// list needs, for a fraction of the work.
    static func head(_ html: String, fallbackTitle: String,
                     location: String? = nil) -> (title: String, metadata: ArticleMetadata) {
        let document = HTMLParser.parse(PageHead.excerpt(of: html))
        let facts = HTMLMetadata.read(document, head: Substring(html.utf8Prefix(commentSpan)), location: location)
        let title = Sanitizer.line(facts.title ?? fallbackTitle)
        var metadata = ArticleMetadata(source: facts.source, date: facts.date ?? facts.saved, author: facts.byline)
        metadata.site = facts.siteName
        metadata.language = facts.lang
        return (title.isEmpty ? fallbackTitle : title, metadata)
    }

    /// The article's last blocks when they are only links (a "back to the index" link, tags, a list
    /// of external links), rules, or headings with nothing after them: chrome, not body, when prose
    /// comes before them.
    static func trimTail(_ blocks: inout [Block]) {
        let body = blocks.indices.filter { blocks[$0].role == .body }
        guard body.contains(where: { ReaderMode.isProse(blocks[$0]) && blocks[$0].kind == .paragraph }) else { return }
        for index in body.reversed() {
            let block = blocks[index]
            let linked = block.inlineLinks.reduce(0) { $0 + $1.label.count }
            let isLinks = !block.inlineLinks.isEmpty && linked * 10 >= block.text.count * 7
                && DisplayWidth.of(block.text) <= 80
            guard block.kind == .rule || block.kind == .heading || isLinks else { break }
            if index == body.first { break }
            blocks[index].role = .chrome
        }
    }

    /// Date lines at the top of the article (before its first paragraph of prose) are metadata, and
    /// short list items there chrome, not body; returns the first date they hold.
    static func leadMetadata(_ blocks: inout [Block]) -> String? {
        var date: String?
        var seen = 0
        for index in blocks.indices where blocks[index].role == .body {
            let text = blocks[index].text
            if MetadataScanner.isDateLine(text) {
                blocks[index].role = .metadata
                date = date ?? MetadataScanner.date(in: text)
            } else if blocks[index].kind == .listItem && DisplayWidth.of(text) <= 30 {
                // A list of short facts over the article: its time, category, views.
                blocks[index].role = .chrome
            } else if ReaderMode.isProse(blocks[index]) {
                break
            }
            seen += 1
            if seen > 4 { break }
        }
        return date
    }
}
