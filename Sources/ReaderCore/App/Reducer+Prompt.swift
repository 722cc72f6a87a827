/// Typing at the prompt: the library and the article search.
extension Reducer {
    /// Typing at the prompt: editing keys (`PromptLine`), Esc or Ctrl-C to give up, Enter to
    /// search. The library's list follows a library search as it is typed (its last word a prefix).
    func edit(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var prompt = state.prompt else { return [] }
        let live = prompt.pane == .list && prompt.purpose != .command
        switch key {
        case .escape, .control("c"):
            state.prompt = nil
            guard live else { return [] }
            // The list as it was before the prompt.
            let cancelled: [Effect] = state.pendingSearch == nil ? [] : [.cancelSearch]
            state.pendingSearch = nil
            state.librarySearch = state.searchBeforePrompt
            state.refreshVisible()
            scrollListToSelection(&state)
            return cancelled
        case .enter:
            state.prompt = nil
            let query = Sanitizer.line(prompt.string).trimmedSpaces
            guard !query.isEmpty else { return [] }
            if prompt.purpose == .command { return command(query, &state) }
            state.searchHistory.removeAll { $0 == query }
            state.searchHistory.append(query)
            if state.searchHistory.count > AppState.historyLimit { state.searchHistory.removeFirst() }
            if prompt.pane == .list {
                // The search typed is already in force, or on its way (a space typed last ends its prefix).
                let query = String(Sanitizer.line(prompt.string).drop { $0 == " " })
                if state.pendingSearch == query { return [] }
                if let search = state.librarySearch, search.query == query {
                    state.message = Self.matchesMessage(query, search.ids.count)
                    return []
                }
                return searchLibrary(query, &state)
            }
            searchArticle(query, &state)
            return []
        default:
            let before = prompt.string
            _ = prompt.edit(key)
            state.prompt = prompt
            guard live, prompt.string != before else { return [] }
            return followTyping(prompt.string, &state)
        }
    }

    /// The list follows the query typed so far: searched for (a query of no letters leaves it
    /// as it is), or as before the prompt once the line is empty again.
    private func followTyping(_ line: String, _ state: inout AppState) -> [Effect] {
        let query = String(Sanitizer.line(line).drop { $0 == " " })
        if query.trimmedSpaces.isEmpty {
            let cancelled: [Effect] = state.pendingSearch == nil ? [] : [.cancelSearch]
            state.pendingSearch = nil
            state.librarySearch = state.searchBeforePrompt
            state.refreshVisible()
            return cancelled
        }
        guard (try? SearchQuery(query, typing: true)) != nil else { return [] }
        return searchLibrary(query, &state)
    }

    /// Asks for a library search, in place of one under way.
    private func searchLibrary(_ query: String, _ state: inout AppState) -> [Effect] {
        let replaced: [Effect] = state.pendingSearch == nil ? [] : [.cancelSearch]
        state.pendingSearch = query
        return replaced + [.searchLibrary(query, typing: true)]
    }

    /// `12 articles match 'lighthouse' (Esc clears)`.
    static func matchesMessage(_ query: String, _ count: Int) -> String {
        count == 0 ? "no article matches '\(query)'"
            : "\(count) article\(count == 1 ? " matches" : "s match") '\(query)' (Esc clears)"
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
