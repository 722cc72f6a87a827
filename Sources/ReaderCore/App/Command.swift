/// What a key asks for, once the key map has read it.
public enum Command: Equatable, Sendable {
    case moveDown, moveUp, pageDown, pageUp, halfPageDown, halfPageUp, top, bottom
    /// `N%`: to N percent of the article (of the list, of the links).
    case percent
    /// Space: a page down, or on to the next unread article from the end of one (mutt's pager).
    case pageDownOrNextUnread
    case open, back, quit, askQuit, nextPane
    case nextArticle, previousArticle, nextUnread
    case reload, trash, undoTrash, toggleRead, toggleBookmark, markAllRead, toggleUnreadOnly, toggleBookmarkedOnly, cycleSort
    case search, commandLine, nextMatch, previousMatch, clearFilter
    case toggleFullPage, openLink, openSource, yank, help, outline
    /// The first half of `g g`.
    case goPrefix
    /// A digit of a count (`5j`, `50%`) or of a link number (`3o`).
    case digit(Int)
}
