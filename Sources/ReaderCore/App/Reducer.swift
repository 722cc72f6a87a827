/// The interactive reader's logic: `reduce(&state, action)` changes the state and returns the
/// effects for the front end to perform. No I/O happens here.
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
            guard var open = state.article, open.entry.id == id, layout.width == bodyWidth(state), layout.document.full == open.full else { return [] }
            let offset = open.position
            open.layout = layout
            open.top = min(layout.lineIndex(forOffset: offset), lastTop(open, state))
            if let search = open.search { open.search = ArticleSearch(query: search.query, in: layout, index: open.searchIndex) }
            state.article = open
            return []
        case .indexed(let id, let full, let index):
            if state.article?.entry.id == id, state.article?.full == full, state.article?.searchIndex == nil { state.article?.searchIndex = index }
            return []
        case .loaded(let id, let article):
            guard let entry = state.entries.first(where: { $0.id == id }) else { return [] }
            var open = OpenArticle(entry: entry, article: article, layout: renderer.layout(article, width: bodyWidth(state)))
            let saved = state.state.state(for: entry.key).position
            open.top = min(open.layout.lineIndex(forOffset: saved), lastTop(open, state))
            state.article = open
            state.focus = .body
            if let notice = article.notice { state.message = notice }
            return []
        case .searched(let query, let ids):
            state.librarySearch = (query, ids)
            state.refreshVisible()
            state.selected = 0
            state.listTop = 0
            state.message = ids.isEmpty ? "no article matches '\(query)'" : "\(ids.count) article\(ids.count == 1 ? "" : "s") match '\(query)' (Esc clears)"
            return []
        case .failed(let message):
            state.message = message
            return []
        }
    }

    // MARK: - Keys

    private func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        state.message = nil
        if state.showHelp { state.showHelp = false; return [] }
        if state.prompt != nil { return edit(key, &state) }
        if key == .control("c") { return quit(&state) }
        if state.pendingGo {
            state.pendingGo = false
            if key == .character("g") { return run(.top, &state) }
        }
        guard var command = keyMap.command(for: key, in: state.focus) else {
            state.pendingNumber = nil
            return []
        }
        if case .digit = command, case .character(let c) = key, let digit = c.wholeNumberValue { command = .digit(digit) }
        if case .digit = command {} else if command != .openLink { state.pendingNumber = nil }
        return run(command, &state)
    }

    /// Typing at the prompt: characters (CJK included), Backspace, Ctrl-U, Esc, Enter.
    private func edit(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var prompt = state.prompt else { return [] }
        switch key {
        case .character(let c): prompt.text.append(c)
        case .backspace, .delete: if !prompt.text.isEmpty { prompt.text.removeLast() }
        case .control("u"): prompt.text = ""
        case .escape, .control("c"): state.prompt = nil; return []
        case .enter:
            state.prompt = nil
            let query = Sanitizer.line(prompt.text).trimmedSpaces
            guard !query.isEmpty else { return [] }
            if prompt.pane == .list { return [.searchLibrary(query)] }
            searchArticle(query, &state)
            return []
        default: break
        }
        state.prompt = prompt
        return []
    }

    private func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .moveDown: move(by: 1, &state)
        case .moveUp: move(by: -1, &state)
        case .pageDown: move(by: pageRows(state), &state)
        case .pageUp: move(by: -pageRows(state), &state)
        case .top: move(by: Int.min / 2, &state)
        case .bottom: move(by: Int.max / 2, &state)
        case .goPrefix: state.pendingGo = true
        case .open:
            guard let entry = state.selectedEntry else { state.message = "no article here"; return [] }
            var effects = leaveArticle(&state)
            effects.append(.load(entry))
            if !entry.read { effects += setRead(true, id: entry.id, &state) }
            return effects
        case .back:
            if state.focus == .links { state.focus = .body; return [] }
            state.focus = .list
            return savePosition(&state)
        case .quit: return quit(&state)
        case .nextPane:
            guard state.article != nil else { state.message = "open an article first (Enter)"; return [] }
            state.focus = Pane.allCases[(Pane.allCases.firstIndex(of: state.focus)! + 1) % Pane.allCases.count]
        case .toggleRead:
            guard let entry = currentEntry(state) else { return [] }
            return setRead(!entry.read, id: entry.id, &state)
        case .toggleBookmark:
            guard let entry = currentEntry(state) else { return [] }
            return setBookmarked(!entry.bookmarked, id: entry.id, &state)
        case .toggleUnreadOnly:
            state.filter = state.filter == .unread ? .all : .unread
            state.refreshVisible()
            scrollListToSelection(&state)
        case .toggleBookmarkedOnly:
            state.filter = state.filter == .bookmarked ? .all : .bookmarked
            state.refreshVisible()
            scrollListToSelection(&state)
        case .cycleSort:
            let all = AppState.Sort.allCases
            state.sort = all[(all.firstIndex(of: state.sort)! + 1) % all.count]
            state.refreshVisible()
            scrollListToSelection(&state)
            state.message = "sorted by \(state.sort.rawValue)"
        case .search:
            guard state.focus == .list || state.article != nil else { return [] }
            state.prompt = AppState.Prompt(pane: state.focus)
            // Fold a long article while the query is typed.
            if state.focus == .body, let open = state.article, open.searchIndex == nil, open.layout.document.pieces.count > Self.windowThreshold {
                return [.indexArticle(id: open.entry.id, full: open.full)]
            }
        case .nextMatch: stepMatch(1, &state)
        case .previousMatch: stepMatch(-1, &state)
        case .clearFilter:
            if state.focus == .list, state.librarySearch != nil {
                state.librarySearch = nil
                state.refreshVisible()
                scrollListToSelection(&state)
                state.message = "search cleared"
            } else if state.focus == .body, state.article?.search != nil {
                state.article?.search = nil
                state.article?.currentMatch = nil
            }
        case .toggleFullPage:
            guard var open = state.article else { return [] }
            let effects = rewrap(&open, ArticleDocument(open.article, full: !open.full), state)
            open.search = nil
            open.searchIndex = nil
            open.currentMatch = nil
            state.article = open
            state.message = open.full ? "full saved page (f: article only)" : "article only (f: full page)"
            return effects
        case .openLink:
            return openLink(&state)
        case .digit(let digit):
            state.pendingNumber = (state.pendingNumber ?? 0) * 10 + digit
            state.message = "link \(state.pendingNumber!): press o to open"
        case .help:
            state.showHelp = true
        }
        return []
    }

    // MARK: - Moving

    private func move(by delta: Int, _ state: inout AppState) {
        switch state.focus {
        case .list:
            guard !state.visible.isEmpty else { return }
            state.selected = clamp(state.selected.addingReportingOverflow(delta).partialValue, 0, state.visible.count - 1)
            scrollListToSelection(&state)
        case .body:
            guard var open = state.article else { return }
            open.top = clamp(open.top.addingReportingOverflow(delta).partialValue, 0, lastTop(open, state))
            state.article = open
        case .links:
            guard var open = state.article, !open.article.links.isEmpty else { return }
            open.selectedLink = clamp(open.selectedLink.addingReportingOverflow(delta).partialValue, 0, open.article.links.count - 1)
            let rows = PaneLayout.contentRows(layout(state).links)
            if open.selectedLink < open.linksTop { open.linksTop = open.selectedLink }
            if open.selectedLink >= open.linksTop + rows { open.linksTop = open.selectedLink - rows + 1 }
            state.article = open
        }
    }

    private func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { min(max(value, low), max(low, high)) }

    private func scrollListToSelection(_ state: inout AppState) {
        let rows = PaneLayout.contentRows(PaneLayout(width: state.width, height: state.height, focus: .list).list)
        if state.selected < state.listTop { state.listTop = state.selected }
        if state.selected >= state.listTop + rows { state.listTop = state.selected - rows + 1 }
        state.listTop = clamp(state.listTop, 0, max(0, state.visible.count - rows))
    }

    /// Rows a page moves in the focused pane.
    private func pageRows(_ state: AppState) -> Int {
        let panes = layout(state)
        switch state.focus {
        case .list: return PaneLayout.contentRows(panes.list ?? PaneLayout(width: state.width, height: state.height, focus: .list).list)
        case .body: return PaneLayout.contentRows(panes.body)
        case .links: return PaneLayout.contentRows(panes.links)
        }
    }

    private func layout(_ state: AppState) -> PaneLayout { PaneLayout(width: state.width, height: state.height, focus: state.focus) }

    /// The width article text wraps at in the body pane.
    func bodyWidth(_ state: AppState) -> Int { PaneLayout(width: state.width, height: state.height, focus: .body).bodyTextWidth }

    /// The last top line that still fills the body pane.
    func lastTop(_ open: OpenArticle, _ state: AppState) -> Int {
        max(0, open.layout.lines.count - PaneLayout.contentRows(PaneLayout(width: state.width, height: state.height, focus: .body).body))
    }

    /// Articles with more pieces than this are wrapped around the view first, and whole in
    /// the background (`Effect.layOut`), so a resize or `f` answers at once.
    public static let windowThreshold = 400

    /// Lays `document` out at the body's width in `open`, keeping the same text at the top,
    /// and re-places the search's matches (the fold index does not depend on the width).
    private func rewrap(_ open: inout OpenArticle, _ document: ArticleDocument, _ state: AppState) -> [Effect] {
        let offset = min(open.position, max(0, document.length - 1))
        let width = bodyWidth(state)
        var effects: [Effect] = []
        if document.pieces.count > Self.windowThreshold {
            let piece = document.pieceIndex(forOffset: offset)
            let window = max(0, piece - 10)..<min(document.pieces.count, piece + 40)
            open.layout = renderer.layout(document, width: width, window: window)
            effects.append(.layOut(id: open.entry.id, width: width, full: document.full))
        } else {
            open.layout = renderer.layout(document, width: width)
        }
        open.top = min(open.layout.lineIndex(forOffset: offset), lastTop(open, state))
        if let search = open.search { open.search = ArticleSearch(query: search.query, in: open.layout, index: open.searchIndex) }
        return effects
    }

    // MARK: - Search in the article

    private func searchArticle(_ query: String, _ state: inout AppState) {
        guard var open = state.article else { return }
        if open.searchIndex == nil { open.searchIndex = ArticleSearch.Index(open.layout) }
        let search = ArticleSearch(query: query, in: open.layout, index: open.searchIndex)
        open.search = search
        if let first = search.first(atOrAfterLine: open.top) {
            open.currentMatch = first
            open.top = min(search.matches[first].line, lastTop(open, state))
            state.message = nil
        } else {
            open.currentMatch = nil
            state.message = "not found: \(query)"
        }
        state.article = open
    }

    private func stepMatch(_ step: Int, _ state: inout AppState) {
        guard var open = state.article, let search = open.search, !search.matches.isEmpty else {
            state.message = "no search (type / to search this article)"
            return
        }
        var next = (open.currentMatch ?? -step) + step
        if next >= search.matches.count { next = 0; state.message = "search hit BOTTOM, continuing at TOP" }
        if next < 0 { next = search.matches.count - 1; state.message = "search hit TOP, continuing at BOTTOM" }
        open.currentMatch = next
        let line = search.matches[next].line
        let rows = PaneLayout.contentRows(PaneLayout(width: state.width, height: state.height, focus: .body).body)
        if line < open.top || line >= open.top + rows { open.top = min(max(0, line - rows / 3), lastTop(open, state)) }
        state.article = open
    }

    // MARK: - Marks, positions, links

    private func currentEntry(_ state: AppState) -> LibraryEntry? {
        state.focus == .list ? state.selectedEntry : state.article?.entry ?? state.selectedEntry
    }

    private func setRead(_ read: Bool, id: String, _ state: inout AppState) -> [Effect] {
        change(id, &state) { entry in
            entry.read = read
            return .read(entry.key, read)
        }
    }

    private func setBookmarked(_ bookmarked: Bool, id: String, _ state: inout AppState) -> [Effect] {
        let effects = change(id, &state) { entry in
            entry.bookmarked = bookmarked
            return .bookmarked(entry.key, bookmarked)
        }
        state.message = bookmarked ? "bookmarked" : "bookmark removed"
        return effects
    }

    /// Changes an entry's marks with `edit`, records the change in the state, and asks for it
    /// to be saved.
    private func change(_ id: String, _ state: inout AppState, _ edit: (inout LibraryEntry) -> StateChange) -> [Effect] {
        guard let index = state.entries.firstIndex(where: { $0.id == id }) else { return [] }
        let change = edit(&state.entries[index])
        state.state.apply(change, at: clock(), liveFingerprints: { [entries = state.entries] in Set(entries.map(\.fingerprint)) })
        if state.article?.entry.id == id { state.article?.entry = state.entries[index] }
        state.refreshVisible()
        return [.save([change])]
    }

    /// The reading position of the open article, to save when leaving it or quitting.
    private func savePosition(_ state: inout AppState) -> [Effect] {
        guard let open = state.article else { return [] }
        let saved = state.state.state(for: open.entry.key).position
        guard saved != open.position else { return [] }
        let change = StateChange.position(open.entry.key, open.position)
        state.state.apply(change, at: clock())
        return [.save([change])]
    }

    private func leaveArticle(_ state: inout AppState) -> [Effect] {
        let effects = savePosition(&state)
        state.article = nil
        return effects
    }

    private func quit(_ state: inout AppState) -> [Effect] {
        savePosition(&state) + [.quit]
    }

    private func openLink(_ state: inout AppState) -> [Effect] {
        guard let open = state.article else { return [] }
        let index: Int
        if state.focus == .links {
            index = open.selectedLink
        } else {
            guard let number = state.pendingNumber else { state.message = "type a link number, then o"; return [] }
            index = number - 1
        }
        state.pendingNumber = nil
        guard open.article.links.indices.contains(index) else { state.message = "no link \(index + 1)"; return [] }
        let link = open.article.links[index]
        guard link.openable else { state.message = "not opened: only http and https links are opened"; return [] }
        state.message = "opening [\(link.n)] \(link.url)"
        return [.openLink(link.url)]
    }
}
