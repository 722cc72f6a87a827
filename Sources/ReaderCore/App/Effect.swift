/// What the reducer asks the front end to do: all I/O happens there.
public enum Effect: Equatable, Sendable {
    /// Read an article file, in the background; answer with `Action.loaded` or `Action.notLoaded`.
    case load(LibraryEntry)
    /// Read an article for the preview, in the background; answer with `Action.previewed`.
    case preview(LibraryEntry)
    /// Search the library in the background, the last word a prefix as `SearchQuery` has it when
    /// typing; answer with `Action.matched`, ranked if `ranked` (Enter) and unranked as the query
    /// is typed, or with `Action.searchFailed` when it cannot be.
    case searchLibrary(String, ranked: Bool)
    /// Read the library's list and the state again in the background; answer with `Action.libraryLoaded`.
    case reload
    /// Move the article's file to the trash; answer with `Action.trashed` or `Action.status`.
    case trash(LibraryEntry)
    /// Move it back; answer with `Action.status`, then a reload.
    case restore(Trash.Item)
    /// Stop the library search under way (its answer, if any, is dropped).
    case cancelSearch
    /// Write these changes to the state file.
    case save([StateChange])
    /// Open a link (already checked openable) with the browser.
    case openLink(String)
    /// Put a URL on the clipboard.
    case copy(String)
    /// Read `entry` for its source URL, then open it (`open`) or copy it; answer with `Action.status`
    /// when it has none.
    case source(LibraryEntry, open: Bool)
    /// Wrap the open article at `width` in the background; answer with `Action.laidOut`.
    case layOut(id: String, width: Int, full: Bool)
    /// Fold the open article for search in the background; answer with `Action.indexed`.
    case indexArticle(id: String, full: Bool)
    case quit
}
