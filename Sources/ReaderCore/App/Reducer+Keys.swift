/// Keys: the help pane, the prompt and a pending question take them first; else the key map
/// turns a key into a command, with the count typed before it (`5j`, `50%`, `3o`).
extension Reducer {
    func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        state.message = nil
        if let effects = mouse(key, &state) { return effects }
        if state.help != nil { return helpKey(key, &state) }
        if state.outline != nil { return outlineKey(key, &state) }
        if state.prompt != nil { return edit(key, &state) }
        if key == .control("c") { return quit(&state) }
        if let question = state.question {
            state.question = nil
            guard key == .character("y") || key == .character("Y") else { state.message = "not done"; return [] }
            return answerYes(question, &state)
        }
        if state.pendingGo {
            state.pendingGo = false
            if key == .character("g") { return run(.top, count: nil, &state) }
        }
        guard var command = keyMap.command(for: key, in: state.focus) else {
            state.pendingNumber = nil
            return []
        }
        if case .digit = command, case .character(let c) = key, let digit = c.wholeNumberValue { command = .digit(digit) }
        if case .digit = command { return run(command, count: nil, &state) }
        let count = state.pendingNumber
        state.pendingNumber = nil
        return run(command, count: count, &state)
    }

    /// Performs `command`; `count` is the number typed before its key, if any.
    func run(_ command: Command, count: Int?, _ state: inout AppState) -> [Effect] {
        let times = max(1, count ?? 1)
        switch command {
        case .moveDown: move(by: times, &state)
        case .moveUp: move(by: -times, &state)
        case .pageDown: page(times, &state)
        case .pageUp: page(-times, &state)
        case .halfPageDown: move(by: times * max(1, pageRows(state) / 2), &state)
        case .halfPageUp: move(by: -times * max(1, pageRows(state) / 2), &state)
        case .top: move(by: Int.min / 2, &state)
        case .bottom:
            // `G` goes to the end; `NG` to line (or row) N, as in less and vim.
            move(by: Int.max / 2, &state)
            if let count { move(to: count - 1, &state) }
        case .percent:
            guard let count else { state.message = "type a number, then %: 50% goes half-way"; return [] }
            moveToPercent(min(100, count), &state)
        case .pageDownOrNextUnread:
            if state.focus == .body, let open = state.article, open.top >= lastTop(open, state) {
                return openNextUnread(after: open.entry.id, &state)
            }
            page(times, &state)
        case .goPrefix: state.pendingGo = true
        case .open:
            guard let entry = state.selectedEntry else { state.message = "no article here"; return [] }
            return open(entry, &state)
        case .back:
            if state.focus == .links { state.focus = .body; return [] }
            state.focus = .list
            return savePosition(&state)
        case .quit: return quit(&state)
        case .askQuit:
            state.question = .quit
        case .nextPane:
            guard state.article != nil else { state.message = "open an article first (Enter)"; return [] }
            state.focus = Pane.allCases[(Pane.allCases.firstIndex(of: state.focus)! + 1) % Pane.allCases.count]
        case .nextArticle: return openNeighbour(times, &state)
        case .previousArticle: return openNeighbour(-times, &state)
        case .nextUnread: return openNextUnread(after: currentEntry(state)?.id, &state)
        case .toggleRead:
            guard let entry = currentEntry(state) else { return [] }
            let effects = setRead(!entry.read, id: entry.id, &state)
            state.message = entry.read ? "marked unread" : "marked read"
            return effects
        case .toggleBookmark:
            guard let entry = currentEntry(state) else { return [] }
            return setBookmarked(!entry.bookmarked, id: entry.id, &state)
        case .trash:
            guard let entry = currentEntry(state) else { state.message = "no article here"; return [] }
            return [.trash(entry)]
        case .undoTrash:
            guard let last = state.lastTrashed else { state.message = "nothing to undo"; return [] }
            state.lastTrashed = nil
            state.message = "brought back: \(last.title)"
            return [.restore(last.item)]
        case .reload:
            state.reloadAsked = true
            return [.reload]
        case .markAllRead:
            let unread = state.visible.filter { !state.entries[$0].read }.count
            guard unread > 0 else { state.message = "every article of this list is read"; return [] }
            state.question = .markAllRead(count: unread)
        case .toggleUnreadOnly: setFilter(.unread, &state)
        case .toggleBookmarkedOnly: setFilter(.bookmarked, &state)
        case .cycleSort:
            let all = AppState.Sort.allCases
            state.sort = all[(all.firstIndex(of: state.sort)! + 1) % all.count]
            state.refreshVisible()
            scrollListToSelection(&state)
            state.message = "sorted by \(state.sort.rawValue)"
        case .search: return startSearch(&state)
        case .commandLine: state.prompt = PromptLine(pane: state.focus, purpose: .command)
        case .nextMatch: stepMatch(1, &state)
        case .previousMatch: stepMatch(-1, &state)
        case .clearFilter: return clearSearch(&state)
        case .toggleFullPage: return toggleFullPage(&state)
        case .openLink: return openLink(number: count, &state)
        case .openSource: return source(open: true, &state)
        case .yank: return yank(number: count, &state)
        case .digit(let digit):
            let number = min(99_999, (state.pendingNumber ?? 0) * 10 + digit)
            state.pendingNumber = number
            state.message = state.focus == .body ? "\(number): o opens link \(number); j, k, G, % take it as a count"
                : "\(number): j, k, G, % take it as a count"
        case .help:
            state.help = AppState.Help()
        case .outline:
            openOutline(&state)
        }
        return []
    }

    /// What a `y` to `question` does.
    private func answerYes(_ question: AppState.Question, _ state: inout AppState) -> [Effect] {
        switch question {
        case .quit: return quit(&state)
        case .markAllRead: return markAllRead(&state)
        }
    }

    private func setFilter(_ filter: AppState.Filter, _ state: inout AppState) {
        state.filter = state.filter == filter ? .all : filter
        state.refreshVisible()
        scrollListToSelection(&state)
    }
}
