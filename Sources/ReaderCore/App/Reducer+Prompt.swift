/// Typing at the prompt: the library and the article search.
extension Reducer {
    /// Typing at the prompt: editing keys (`PromptLine`), Esc or Ctrl-C to give up, Enter to search.
    func edit(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var prompt = state.prompt else { return [] }
        switch key {
        case .escape, .control("c"):
            state.prompt = nil
            return []
        case .enter:
            state.prompt = nil
            let query = Sanitizer.line(prompt.string).trimmedSpaces
            guard !query.isEmpty else { return [] }
            if prompt.purpose == .command { return command(query, &state) }
            state.searchHistory.removeAll { $0 == query }
            state.searchHistory.append(query)
            if state.searchHistory.count > AppState.historyLimit { state.searchHistory.removeFirst() }
            if prompt.pane == .list {
                let replaced: [Effect] = state.pendingSearch == nil ? [] : [.cancelSearch]
                state.pendingSearch = query
                return replaced + [.searchLibrary(query)]
            }
            searchArticle(query, &state)
            return []
        default:
            _ = prompt.edit(key)
            state.prompt = prompt
            return []
        }
    }

    /// A `:` command, as in vim and less: `:N%` to N percent, `:N` to line (row) N, `:q` to quit.
    private func command(_ text: String, _ state: inout AppState) -> [Effect] {
        if text == "q" || text == "quit" { return quit(&state) }
        if text.hasSuffix("%"), let percent = Int(text.dropLast()), percent >= 0 {
            moveToPercent(min(100, percent), &state)
        } else if let line = Int(text), line > 0 {
            move(to: line - 1, &state)
        } else {
            state.message = "unknown command ':\(text)' (:50% :120 :q)"
        }
        return []
    }
}
