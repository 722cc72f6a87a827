/// What a library search in force shows: the matching ids best first (Enter's search), or the
/// articles matched as the query was typed, which the list shows in its own order and sort.
public enum LibraryMatches: Equatable, Sendable {
    case ranked([String])
    case unranked(MatchedArticles)

    /// How many articles matched.
    public var count: Int {
        switch self {
        case .ranked(let ids): ids.count
        case .unranked(let matched): matched.count
        }
    }
}
