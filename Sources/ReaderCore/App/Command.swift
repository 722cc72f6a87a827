/// What a key asks for, once the key map has read it.
public enum Command: Equatable, Sendable {
    case moveDown, moveUp, pageDown, pageUp, top, bottom
    case open, back, quit, nextPane
    case toggleRead, toggleBookmark, toggleUnreadOnly, toggleBookmarkedOnly, cycleSort
    case search, nextMatch, previousMatch, clearFilter
    case toggleFullPage, openLink, help
    /// The first half of `g g`.
    case goPrefix
    /// A digit typed before `o` (open link N).
    case digit(Int)
}
