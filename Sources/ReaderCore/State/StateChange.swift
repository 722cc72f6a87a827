/// One change a reader makes to an article's state.
public enum StateChange: Equatable, Sendable {
    case read(ArticleKey, Bool)
    case bookmarked(ArticleKey, Bool)
    case position(ArticleKey, Int)
    /// How far through the article a position is (0-100), saved with it for the list to show.
    case progress(ArticleKey, Int)

    public var article: ArticleKey {
        switch self {
        case .read(let key, _), .bookmarked(let key, _), .position(let key, _), .progress(let key, _): return key
        }
    }
}
