/// Everything the interactive reader shows, as a value: the reducer changes it, the screen
/// renderer draws it.
public struct AppState: Sendable {
    /// Which articles the list shows.
    public enum Filter: String, Sendable { case all, unread, bookmarked }

    /// How the list is ordered.
    public enum Sort: String, Sendable, CaseIterable { case date, title, unreadFirst = "unread first" }

    /// The help pane, scrolled to `top`.
    public struct Help: Sendable, Equatable {
        public var top = 0
    }

    /// A yes-or-no question on the status line, waiting for `y`.
    public enum Question: Sendable, Equatable {
        case quit
        /// Mark the `count` unread articles of the list read.
        case markAllRead(count: Int)

        /// The question as asked.
        public var text: String {
            switch self {
            case .quit: return "quit reader? (y: quit, any other key: stay)"
            case .markAllRead(let count):
                return "mark the \(count) unread article\(count == 1 ? "" : "s") of this list read? (y: yes, any other key: no)"
            }
        }
    }

    /// How many search lines the prompt remembers.
    static let historyLimit = 100

    public var entries: [LibraryEntry] { didSet { keys = nil } }
    /// Each entry's key (`MatchedArticles.key`), made when a search's answer first needs them
    /// after the entries changed: the list follows each answer with no id hashed again.
    private var keys: [UInt64]?
    public var state: StateFile
    public var width: Int
    public var height: Int
    public var focus: Pane = .list
    public var filter: Filter = .all
    public var sort: Sort = .date
    /// The library search in force: its query and what it matched (ranked after Enter; as the
    /// query is typed, unranked, the list in its own order and sort).
    public var librarySearch: (query: String, matches: MatchedArticles)?
    /// Indices into `entries` of the rows shown, in order.
    public private(set) var visible: [Int] = []
    /// The selected row, an index into `visible`.
    public var selected = 0
    public var listTop = 0
    public var article: OpenArticle?
    /// The article being read for opening, and its title, until `Action.loaded` comes.
    public var opening: (id: String, title: String)?
    /// The selected article's start, shown in the body pane before one is opened.
    public var preview: OpenArticle?
    /// The article whose preview was asked for and has not come.
    public var previewPending: String?
    public var prompt: PromptLine?
    /// Earlier search lines, oldest first, for the prompt's Up and Down.
    public var searchHistory: [String] = []
    public var message: String?
    /// Work going on in the background, as the status line shows it (`indexing 3,412/10,000…`).
    public var busy: String?
    /// True until the library's list has been read.
    public var loadingLibrary = false
    /// The last article moved to the trash, and its title, for `u` to bring back.
    public var lastTrashed: (item: Trash.Item, title: String)?
    /// The article to select once the list is read (the one selected when the reader last quit).
    public var selectAfterLoad: String?
    /// `r` was pressed and the list not read again yet.
    public var reloadAsked = false
    /// The library search asked for and not answered yet.
    public var pendingSearch: String?
    /// Whether that search is Enter's, best first (else the one as the query is typed, unranked).
    public var pendingRanked = false
    /// The library search in force when the prompt opened: the list goes back to it when the
    /// prompt is given up (the list follows the query while it is typed).
    public var searchBeforePrompt: (query: String, matches: MatchedArticles)?
    public var question: Question?
    public var help: Help?
    /// The open article's headings, when `t` shows them.
    public var outline: Outline?
    /// A `g` waiting for its second `g`.
    public var pendingGo = false
    /// Digits typed before `o`.
    public var pendingNumber: Int?

    public init(entries: [LibraryEntry], state: StateFile = StateFile(), width: Int, height: Int) {
        self.entries = entries
        self.state = state
        self.width = width
        self.height = height
        refreshVisible()
    }

    /// The entry of the selected row.
    public var selectedEntry: LibraryEntry? { visible.indices.contains(selected) ? entries[visible[selected]] : nil }

    /// The entries of the list's first screens without the library search, the selected one
    /// among them when it is within `firstScreensLimit` rows: what the next start shows while
    /// the whole list is read.
    public var firstScreens: [LibraryEntry] {
        var plain = self
        plain.librarySearch = nil
        plain.refreshVisible()
        let wanted = max(Self.firstScreensRows, min(plain.selected + height, Self.firstScreensLimit))
        let count = min(plain.visible.count, wanted)
        return plain.visible.prefix(count).map { entries[$0] }
    }

    /// Rows `firstScreens` holds at least (a few screens), and at most.
    static let firstScreensRows = 300, firstScreensLimit = 2_000

    /// How many articles are unread.
    public var unreadCount: Int { entries.reduce(0) { $0 + ($1.read ? 0 : 1) } }

    /// `indices` in the list's sort.
    private func sorted(_ indices: [Int]) -> [Int] {
        switch sort {
        case .date: indices
        case .title:
            indices.sorted { entries[$0].title.lowercased().utf8.lexicographicallyPrecedes(entries[$1].title.lowercased().utf8) }
        case .unreadFirst: indices.filter { !entries[$0].read } + indices.filter { entries[$0].read }
        }
    }

    /// Each entry's key, made when first needed after the entries changed.
    private mutating func entryKeys() -> [UInt64] {
        if let keys { return keys }
        let made = entries.map { MatchedArticles.key(of: $0.id) }
        keys = made
        return made
    }

    /// Recomputes the rows shown from the filter, the sort and the library search, keeping
    /// the selected article selected when it is still shown.
    public mutating func refreshVisible() {
        refreshVisible(keeping: selectedEntry?.id)
    }

    /// Recomputes the rows shown with the article `keep` selected if it is shown.
    public mutating func refreshVisible(keeping keep: String?) {
        var indices = Array(entries.indices)
        switch filter {
        case .all: break
        case .unread: indices = indices.filter { !entries[$0].read }
        case .bookmarked: indices = indices.filter { entries[$0].bookmarked }
        }
        if let search = librarySearch {
            let keys = entryKeys()
            if search.matches.isRanked {
                // Best first, ties in the list's order.
                let ranked = indices.compactMap { index in search.matches.rank(key: keys[index]).map { (index, rank: $0) } }
                indices = ranked.sorted { $0.rank != $1.rank ? $0.rank > $1.rank : $0.0 < $1.0 }.map(\.0)
            } else {
                indices = sorted(indices.filter { search.matches.contains(key: keys[$0]) })
            }
        } else {
            indices = sorted(indices)
        }
        visible = indices
        selected = keep.flatMap { id in visible.firstIndex { entries[$0].id == id } } ?? min(selected, max(0, visible.count - 1))
    }
}
