/// The body pane: wrapping the open article at the pane's width, the full page, and searching in it.
extension Reducer {
    /// Articles with more pieces than this are wrapped around the view first, and whole in
    /// the background (`Effect.layOut`), so a resize or `f` answers at once.
    public static let windowThreshold = 400

    /// Lays `document` out at the body's width in `open`, keeping the same text (or the text at
    /// `offset`) at the top, and re-places the search's matches (the fold index does not depend
    /// on the width).
    func rewrap(_ open: inout OpenArticle, _ document: ArticleDocument, _ state: AppState, at offset: Int? = nil) -> [Effect] {
        let offset = min(offset ?? open.position, max(0, document.length - 1))
        let width = bodyWidth(state)
        var effects: [Effect] = []
        if document.pieces.count > Self.windowThreshold {
            // A few pieces above the view, and below it as many as fill two screens.
            let piece = document.pieceIndex(forOffset: offset), count = document.pieces.count
            let lower = max(0, piece - 3)
            var upper = min(count, piece + 8)
            var layout = renderer.layout(document, width: width, window: lower..<upper)
            while upper < count, layout.lines.count - layout.lineIndex(forOffset: offset) < bodyRows(state) * 2 {
                upper = min(count, upper + (upper - lower))
                layout = renderer.layout(document, width: width, window: lower..<upper)
            }
            open.layout = layout
            effects.append(.layOut(id: open.entry.id, width: width, full: document.full))
        } else {
            open.layout = renderer.layout(document, width: width)
        }
        open.top = min(open.layout.lineIndex(forOffset: offset), lastTop(open, state))
        if let search = open.search {
            open.search = ArticleSearch(query: search.query, in: open.layout, index: open.searchIndex)
        }
        return effects
    }

    /// `f`: the whole saved page, or back to the article, at the same text.
    func toggleFullPage(_ state: inout AppState) -> [Effect] {
        guard var open = state.article else { return [] }
        let effects = rewrap(&open, ArticleDocument(open.article, full: !open.full), state)
        open.search = nil
        open.searchIndex = nil
        open.currentMatch = nil
        state.article = open
        state.message = open.full ? "full saved page (f: article only)" : "article only (f: full page)"
        return effects
    }

    /// `/`: the prompt for the library or the article; a long article is folded while the query is typed.
    func startSearch(_ state: inout AppState) -> [Effect] {
        guard state.focus == .list || state.article != nil else { return [] }
        state.prompt = PromptLine(pane: state.focus, history: state.searchHistory)
        state.searchBeforePrompt = state.librarySearch
        if state.focus == .body, let open = state.article, open.searchIndex == nil,
           open.layout.document.pieces.count > Self.windowThreshold {
            return [.indexArticle(id: open.entry.id, full: open.full)]
        }
        return []
    }

    /// Esc: gives up the library search under way, or drops the library search (in the list) or
    /// the article search (in the body).
    func clearSearch(_ state: inout AppState) -> [Effect] {
        if let query = state.pendingSearch {
            state.pendingSearch = nil
            state.message = "search for '\(query)' cancelled"
            return [.cancelSearch]
        }
        if state.focus == .list, state.librarySearch != nil {
            state.librarySearch = nil
            state.refreshVisible()
            scrollListToSelection(&state)
            state.message = "search cleared"
        } else if state.focus == .body, state.article?.search != nil {
            state.article?.search = nil
            state.article?.currentMatch = nil
        }
        return []
    }

    func searchArticle(_ query: String, _ state: inout AppState) {
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

    /// `n` and `N`, as in less and vim: from the current match while it is in view, else from
    /// the view (`n` to the first match at or under its top line, `N` to the last one above it).
    func stepMatch(_ step: Int, _ state: inout AppState) {
        guard var open = state.article, let search = open.search, !search.matches.isEmpty else {
            state.message = "no search (type / to search this article)"
            return
        }
        let matches = search.matches
        var next: Int
        if let current = open.currentMatch {
            next = current + step
        } else if step > 0 {
            next = matches.firstIndex { $0.line >= open.top } ?? matches.count
        } else {
            next = matches.lastIndex { $0.line < open.top } ?? -1
        }
        if next >= matches.count { next = 0; state.message = "search hit BOTTOM, continuing at TOP" }
        if next < 0 { next = matches.count - 1; state.message = "search hit TOP, continuing at BOTTOM" }
        open.currentMatch = next
        let line = matches[next].line
        let rows = bodyRows(state)
        if line < open.top || line >= open.top + rows { open.top = min(max(0, line - rows / 3), lastTop(open, state)) }
        state.article = open
    }
}
