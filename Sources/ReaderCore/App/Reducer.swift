/// The interactive reader's logic: `reduce(&state, action)` changes the state and returns the
/// effects for the front end to perform. No I/O happens here. The work is split by concern:
/// the answers to effects here, keys and commands in `Reducer+Keys`, then moving, the body,
/// marks, links, the prompt and help, one file each.
public struct Reducer {
    public let renderer: ArticleRenderer
    public let keyMap: KeyMap
    /// The current time, for the state's last-writer-wins stamps.
    public let clock: @Sendable () -> Double

    public init(renderer: ArticleRenderer, keyMap: KeyMap = .standard, clock: @escaping @Sendable () -> Double) {
        self.renderer = renderer
        self.keyMap = keyMap
        self.clock = clock
    }

    public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        let effects = apply(action, &state)
        return effects + previewIfNeeded(&state)
    }

    private func apply(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .key(let key):
            return handle(key, &state)
        case .resize(let width, let height):
            state.width = width
            state.height = height
            scrollListToSelection(&state)
            if var help = state.help {
                help.top = min(help.top, helpLastTop(state))
                state.help = help
            }
            guard var open = state.article else { return [] }
            guard open.layout.width != bodyWidth(state) else {
                open.top = min(open.top, lastTop(open, state))
                state.article = open
                return []
            }
            let effects = rewrap(&open, open.layout.document, state)
            state.article = open
            return effects
        case .laidOut(let id, let layout):
            guard var open = state.article, open.entry.id == id, layout.width == bodyWidth(state),
                  layout.document.full == open.full else { return [] }
            let offset = open.position
            open.layout = layout
            open.top = min(layout.lineIndex(forOffset: offset), lastTop(open, state))
            if let search = open.search {
                open.search = ArticleSearch(query: search.query, in: layout, index: open.searchIndex)
            }
            state.article = open
            return []
        case .indexed(let id, let full, let index):
            if state.article?.entry.id == id, state.article?.full == full, state.article?.searchIndex == nil {
                state.article?.searchIndex = index
            }
            return []
        case .loaded(let id, let article):
            return loaded(id, article, &state)
        case .notLoaded(let id, let message):
            if state.opening?.id == id { state.opening = nil }
            state.message = message
            return []
        case .matched(let query, let matched):
            return searched(query, matched, &state)
        case .searchFailed(let query, let why):
            guard state.pendingSearch == query else { return [] }
            state.pendingSearch = nil
            state.message = "search for '\(query)' failed: \(why)"
            return []
        case .libraryLoaded(let entries, let file, let problems):
            return libraryLoaded(entries, file, problems: problems, &state)
        case .firstScreens(let entries):
            // Only until the whole list comes.
            guard state.loadingLibrary, state.entries.isEmpty else { return [] }
            state.entries = entries
            state.refreshVisible(keeping: state.selectAfterLoad)
            // Found among them, the article left selected stays selected however the list comes.
            if state.selectedEntry?.id == state.selectAfterLoad { state.selectAfterLoad = nil }
            scrollListToSelection(&state)
            return []
        case .trashed(let id, let item):
            return trashed(id, item, &state)
        case .previewed(let id, let article):
            state.previewPending = nil
            guard let entry = state.selectedEntry, entry.id == id, state.article == nil else { return [] }
            let document = ArticleDocument(article, full: false)
            let window = 0..<min(document.pieces.count, Self.previewPieces)
            state.preview = OpenArticle(entry: entry, article: article,
                                        layout: renderer.layout(document, width: bodyWidth(state), window: window))
            return []
        case .progress(let text):
            state.busy = text
            return []
        case .status(let message):
            state.message = message
            return []
        }
    }

    /// The library's list, read again: the selection stays on its article, the open article
    /// stays open with its marks brought up to date.
    private func libraryLoaded(_ entries: [LibraryEntry], _ file: StateFile, problems: [String],
                               _ state: inout AppState) -> [Effect] {
        let first = state.loadingLibrary
        let selected = state.selectAfterLoad ?? state.selectedEntry?.id
        state.selectAfterLoad = nil
        let before = state.entries.count
        // The disk's state was read when the reload began: merged with this reader's (the later
        // change of each mark wins), so a mark made meanwhile is not undone.
        state.state = file.merged(with: state.state)
        let (live, hints) = state.state.lookups(for: entries, key: \.key, fingerprint: \.fingerprint)
        // Written only where a mark differs: a list read with the marks in force is not copied.
        var entries = entries
        for index in entries.indices {
            let entry = entries[index]
            let marks = state.state.state(for: entry.key, liveFingerprints: live, hints: hints)
            let wanted = (marks.read, marks.bookmarked, marks.progress)
            if (entry.read, entry.bookmarked, entry.progress) != wanted {
                (entries[index].read, entries[index].bookmarked, entries[index].progress) = wanted
            }
        }
        state.entries = entries
        state.loadingLibrary = false
        state.refreshVisible(keeping: selected)
        scrollListToSelection(&state)
        if let id = state.article?.entry.id, let entry = state.entries.first(where: { $0.id == id }) {
            state.article?.entry = entry
        }
        if !problems.isEmpty, state.message == nil {
            state.message = "\(problems.count) file\(problems.count == 1 ? "" : "s") skipped (listed on exit)"
        } else if !first, state.message == nil {
            // A reload the reader noticed by itself speaks only when the list changed.
            let added = entries.count - before
            let change = "\(abs(added)) article\(abs(added) == 1 ? "" : "s") \(added > 0 ? "added" : "gone")"
            if added != 0 { state.message = "reloaded: " + change } else if state.reloadAsked { state.message = "reloaded" }
        }
        state.reloadAsked = false
        return []
    }

    /// An article gone to the trash: out of the list (its marks stay in the state, keyed by its
    /// content, for when it comes back), closed if it was open.
    private func trashed(_ id: String, _ item: Trash.Item, _ state: inout AppState) -> [Effect] {
        guard let index = state.entries.firstIndex(where: { $0.id == id }) else { return [] }
        let title = state.entries[index].title
        let row = state.selected
        if state.article?.entry.id == id {
            state.article = nil
            state.focus = .list
        }
        state.entries.remove(at: index)
        state.refreshVisible(keeping: nil)
        state.selected = min(row, max(0, state.visible.count - 1))
        scrollListToSelection(&state)
        state.lastTrashed = (item, title)
        state.message = "moved to the trash: \(title) (u brings it back)"
        return []
    }

    /// How much of an article the preview lays out: its first pieces, enough for the pane.
    static let previewPieces = 60

    /// Asks for the selected article's preview when the body pane is beside the list with no
    /// article open, and the preview shown (or asked for) is another one's.
    private func previewIfNeeded(_ state: inout AppState) -> [Effect] {
        guard state.article == nil, layout(state).isSplit, let entry = state.selectedEntry else {
            if state.selectedEntry == nil { state.preview = nil }
            return []
        }
        if state.preview?.entry.id == entry.id, state.preview?.layout.width == bodyWidth(state) { return [] }
        guard state.previewPending == nil else { return [] }
        state.previewPending = entry.id
        return [.preview(entry)]
    }

    /// An article the front end read: shown at its saved position, and marked read only now
    /// that it could be opened.
    /// A long article is wrapped around its saved position first, and whole in the background.
    /// An article opened while another was being read is the one shown; the other is dropped.
    private func loaded(_ id: String, _ article: Article, _ state: inout AppState) -> [Effect] {
        guard state.opening == nil || state.opening?.id == id, let entry = state.entries.first(where: { $0.id == id })
        else { return [] }
        state.opening = nil
        let document = ArticleDocument(article, full: false)
        // Its first piece only, until `rewrap` lays it out at the saved position.
        let first = renderer.layout(document, width: bodyWidth(state), window: 0..<min(1, document.pieces.count))
        var open = OpenArticle(entry: entry, article: article, layout: first)
        var effects = rewrap(&open, document, state, at: state.state.state(for: entry.key).position)
        state.article = open
        state.preview = nil
        state.focus = .body
        effects += entry.read ? [] : setRead(true, id: entry.id, &state)
        state.message = article.notice
        return effects
    }
}
