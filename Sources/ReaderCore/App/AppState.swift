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

    public var entries: [LibraryEntry] { didSet { (positions, keys) = (nil, nil) } }
    /// Each entry's index by id: made when a ranked answer first needs it after the entries
    /// changed, so the list follows each answer in the time of its matches, not of the library.
    private var positions: [String: Int]?
    /// Each entry's key (`MatchedArticles.key`), made when an answer by key first needs them
    /// after the entries changed: the list follows an answer with no id hashed again.
    private var keys: [UInt64]?
    public var state: StateFile
    public var width: Int
    public var height: Int
    public var focus: Pane = .list
    public var filter: Filter = .all
    public var sort: Sort = .date
    /// The library search in force: its query and what it matched.
    public var librarySearch: (query: String, matches: LibraryMatches)?
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
    public var searchBeforePrompt: (query: String, matches: LibraryMatches)?
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

    /// The ids of the entries a ranked answer matched, best first, ties in the list's order.
    public mutating func rankedIDs(_ matched: MatchedArticles) -> [String] {
        let keys = entryKeys()
        var found: [(index: Int, rank: Int64)] = []
        found.reserveCapacity(matched.count)
        for index in entries.indices {
            if let rank = matched.rank(key: keys[index]) { found.append((index, rank)) }
        }
        found.sort { $0.rank != $1.rank ? $0.rank > $1.rank : $0.index < $1.index }
        return found.map { entries[$0.index].id }
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
        if let search = librarySearch, case .unranked(let matched) = search.matches {
            let keys = entryKeys()
            indices = indices.filter { matched.contains(key: keys[$0]) }
        }
        if let search = librarySearch, case .ranked(let ids) = search.matches {
            // The answer's ids in its order, each once, as the filter lets them through.
            if positions == nil {
                positions = Dictionary(entries.indices.map { (entries[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
            }
            var allowed = [Bool](repeating: filter == .all, count: entries.count)
            if filter != .all { for index in indices { allowed[index] = true } }
            indices = ids.compactMap { id in
                guard let index = positions?[id], allowed[index] else { return nil }
                allowed[index] = false
                return index
            }
        } else {
            switch sort {
            case .date: break
            case .title:
                indices.sort { entries[$0].title.lowercased().utf8.lexicographicallyPrecedes(entries[$1].title.lowercased().utf8) }
            case .unreadFirst:
                indices = indices.filter { !entries[$0].read } + indices.filter { entries[$0].read }
            }
        }
        visible = indices
        selected = keep.flatMap { id in visible.firstIndex { entries[$0].id == id } } ?? min(selected, max(0, visible.count - 1))
    }
}
