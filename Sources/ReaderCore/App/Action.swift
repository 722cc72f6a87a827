/// What happens to the reader: a key, a resize, or the answer to an effect.
public enum Action: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// An article the front end loaded for `Effect.load`.
    case loaded(id: String, Article)
    /// The article `id` could not be read for `Effect.load`, and why.
    case notLoaded(id: String, String)
    /// The article `Effect.preview` asked for.
    case previewed(id: String, Article)
    /// The articles matching a library search, by key: unranked as its query is typed, ranked
    /// for Enter (`MatchedArticles.isRanked`).
    case matched(query: String, MatchedArticles)
    /// A library search that could not be answered, and why.
    case searchFailed(query: String, String)
    /// The complete layout `Effect.layOut` asked for.
    case laidOut(id: String, ArticleLayout)
    /// The search index `Effect.indexArticle` asked for.
    case indexed(id: String, full: Bool, ArticleSearch.Index)
    /// The library's list, read in the background (at the start, on `r`, when files change), the
    /// state as the disk has it now (marks made by other readers included), and the files
    /// skipped (why, one line each).
    case libraryLoaded([LibraryEntry], state: StateFile, problems: [String])
    /// The list's first screens as the reader last left them (`Library.firstScreenEntries`),
    /// shown at the start while the whole list is read.
    case firstScreens([LibraryEntry])
    /// The article `id` was moved to the trash as `item`.
    case trashed(id: String, Trash.Item)
    /// How far background work has come (nil: none is going on).
    case progress(String?)
    /// A message for the status line: why an effect failed, or what it did (`copied …`).
    case status(String)
}
