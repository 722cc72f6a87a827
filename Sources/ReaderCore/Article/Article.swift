/// A saved page after reader mode: its title, metadata, body, links, and the whole page.
public struct Article: Sendable {
    public var title: String
    public var metadata: ArticleMetadata
    public var format: ArticleFormat
    /// Every block of the saved page, in order, each tagged with its role.
    public var page: [Block]
    /// The numbered links: front-matter source, body links and references, in reading order.
    public var links: [Link]
    /// What reader mode wants the reader to know, such as that it found no article.
    public var notice: String?

    /// The notice of a page where no article stood out, so the whole of it is shown.
    static let noClearArticle = "no clear article in this page: f shows all of it"

    public init(title: String, metadata: ArticleMetadata, format: ArticleFormat, page: [Block], links: [Link]) {
        self.title = title
        self.metadata = metadata
        self.format = format
        self.page = page
        self.links = links
        if self.metadata.minutes == nil { self.metadata.minutes = ReadingTime.minutes(page.filter { $0.role == .body }.map(\.text)) }
    }

    /// The reader-mode body: the blocks that are neither title, metadata, references nor chrome.
    public var body: [Block] { page.filter { $0.role == .body } }
}
