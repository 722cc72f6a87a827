/// One change a reader makes to an article's state.
public enum StateChange: Equatable, Sendable {
    case read(ArticleKey, Bool)
    case bookmarked(ArticleKey, Bool)
    case position(ArticleKey, Int)

    public var article: ArticleKey {
        switch self {
        case .read(let key, _), .bookmarked(let key, _), .position(let key, _): return key
        }
    }
}
