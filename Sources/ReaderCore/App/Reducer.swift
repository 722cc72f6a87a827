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
        case .searched(let query, let ids):
            // The answer to a search given up or replaced is dropped.
            guard state.pendingSearch == query else { return [] }
            state.pendingSearch = nil
            state.librarySearch = (query, ids)
            state.refreshVisible()
            state.selected = 0
            state.listTop = 0
            state.message = ids.isEmpty ? "no article matches '\(query)'"
                : "\(ids.count) article\(ids.count == 1 ? " matches" : "s match") '\(query)' (Esc clears)"
            return []
        case .libraryLoaded(let entries, let problems):
            state.entries = entries
            state.loadingLibrary = false
            state.refreshVisible()
            scrollListToSelection(&state)
            if !problems.isEmpty, state.message == nil {
                state.message = "\(problems.count) file\(problems.count == 1 ? "" : "s") skipped (listed on exit)"
            }
            return []
        case .progress(let text):
            state.busy = text
            return []
        case .status(let message):
            state.message = message
            return []
        }
    }

    /// An article the front end read: shown at its saved position, and marked read only now
    /// that it could be opened.
    private func loaded(_ id: String, _ article: Article, _ state: inout AppState) -> [Effect] {
        guard let entry = state.entries.first(where: { $0.id == id }) else { return [] }
        var open = OpenArticle(entry: entry, article: article, layout: renderer.layout(article, width: bodyWidth(state)))
        let saved = state.state.state(for: entry.key).position
        open.top = min(open.layout.lineIndex(forOffset: saved), lastTop(open, state))
        state.article = open
        state.focus = .body
        let effects = entry.read ? [] : setRead(true, id: entry.id, &state)
        state.message = article.notice
        return effects
    }
}
