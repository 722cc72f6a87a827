/// Typing at the prompt: the library and the article search.
extension Reducer {
    /// Typing at the prompt: editing keys (`PromptLine`), Esc or Ctrl-C to give up, Enter to
    /// search. The library's list follows a library search as it is typed (its last word a
    /// prefix), in its own order; Enter puts the matches best first.
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
                // The matches of the query typed, best first: in force already, or on their way
                // (a space typed last ends its prefix).
                let query = String(Sanitizer.line(prompt.string).drop { $0 == " " })
                if state.pendingSearch == query && state.pendingRanked { return [] }
                if state.pendingSearch == nil, let search = state.librarySearch, search.query == query,
                   search.matches.isRanked {
                    state.message = Self.matchesMessage(query, search.matches.count)
                    return []
                }
                return searchLibrary(query, ranked: true, &state)
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
        return searchLibrary(query, ranked: false, &state)
    }

    /// Asks for a library search, in place of one under way.
    private func searchLibrary(_ query: String, ranked: Bool, _ state: inout AppState) -> [Effect] {
        let replaced: [Effect] = state.pendingSearch == nil ? [] : [.cancelSearch]
        (state.pendingSearch, state.pendingRanked) = (query, ranked)
        return replaced + [.searchLibrary(query, ranked: ranked)]
    }

    /// A library search answered: in force if it is the one asked for (an answer to a search
    /// given up or replaced is dropped), from the top of the list.
    func searched(_ query: String, _ matches: MatchedArticles, _ state: inout AppState) -> [Effect] {
        guard state.pendingSearch == query, state.pendingRanked == matches.isRanked else { return [] }
        state.pendingSearch = nil
        state.librarySearch = (query, matches)
        state.refreshVisible()
        state.selected = 0
        state.listTop = 0
        state.message = Self.matchesMessage(query, matches.count)
        return []
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
