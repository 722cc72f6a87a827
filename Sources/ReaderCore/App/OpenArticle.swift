/// The article in the body pane: its layout at the pane's width, where the view is, and the
/// in-article search.
public struct OpenArticle: Sendable {
    public var entry: LibraryEntry
    public var article: Article
    public var layout: ArticleLayout
    /// The first line shown.
    public var top = 0
    public var search: ArticleSearch?
    public var searchIndex: ArticleSearch.Index?
    /// The match the view is on, from 0.
    public var currentMatch: Int?
    /// The selected link, from 0, and the first one shown.
    public var selectedLink = 0
    public var linksTop = 0

    /// Whether the whole saved page is shown.
    public var full: Bool { layout.document.full }

    /// The text offset at the top of the view: the reading position.
    public var position: Int { layout.lines.isEmpty ? 0 : layout.lines[min(top, layout.lines.count - 1)].offset }
}
