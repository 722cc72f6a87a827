/// Moving in the focused pane: the list's selection, the body's view, the links' selection,
/// and the pane sizes that bound them.
extension Reducer {
    func move(by delta: Int, _ state: inout AppState) {
        switch state.focus {
        case .list:
            guard !state.visible.isEmpty else { return }
            move(to: state.selected.addingReportingOverflow(delta).partialValue, &state)
        case .body:
            guard let open = state.article else { return }
            move(to: open.top.addingReportingOverflow(delta).partialValue, &state)
        case .links:
            guard let open = state.article else { return }
            move(to: open.selectedLink.addingReportingOverflow(delta).partialValue, &state)
        }
    }

    /// To row `index` of the list or the links, or line `index` at the top of the body.
    func move(to index: Int, _ state: inout AppState) {
        switch state.focus {
        case .list:
            guard !state.visible.isEmpty else { return }
            state.selected = clamp(index, 0, state.visible.count - 1)
            scrollListToSelection(&state)
        case .body:
            guard var open = state.article else { return }
            open.top = clamp(index, 0, lastTop(open, state))
            followView(&open, state)
            state.article = open
        case .links:
            guard var open = state.article, !open.article.links.isEmpty else { return }
            open.selectedLink = clamp(index, 0, open.article.links.count - 1)
            let rows = PaneLayout.contentRows(layout(state).links)
            if open.selectedLink < open.linksTop { open.linksTop = open.selectedLink }
            if open.selectedLink >= open.linksTop + rows { open.linksTop = open.selectedLink - rows + 1 }
            state.article = open
        }
    }

    /// `pages` page keys: in the body from page start to page start (`Paginator`), so the page
    /// shown and the keys agree; in the list and the links by the pane's height.
    func page(_ pages: Int, _ state: inout AppState) {
        guard state.focus == .body, let open = state.article else {
            move(by: pages * pageRows(state), &state)
            return
        }
        let paginator = Paginator(lineCount: open.layout.lines.count, rows: bodyRows(state))
        var top = open.top
        for _ in 0..<min(abs(pages), paginator.pageCount) {
            top = pages > 0 ? paginator.nextPageTop(from: top) : paginator.previousPageTop(from: top)
        }
        move(to: top, &state)
    }

    /// To `percent` of the article (the body's percentage, `Paginator.percent`), or of the list.
    func moveToPercent(_ percent: Int, _ state: inout AppState) {
        switch state.focus {
        case .list: move(to: (state.visible.count - 1) * percent / 100, &state)
        case .links: move(to: ((state.article?.article.links.count ?? 1) - 1) * percent / 100, &state)
        case .body:
            guard let open = state.article else { return }
            move(to: (lastTop(open, state) * percent + 99) / 100, &state)
        }
    }

    /// Keeps the search's current match in the view: when the view has left it, the current
    /// match becomes the first one in view, or none, so the counter and `n` follow the view.
    func followView(_ open: inout OpenArticle, _ state: AppState) {
        guard let search = open.search else { return }
        let view = open.top..<(open.top + bodyRows(state))
        if let current = open.currentMatch, view.contains(search.matches[current].line) { return }
        open.currentMatch = search.matches.firstIndex { view.contains($0.line) }
    }

    func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { min(max(value, low), max(low, high)) }

    func scrollListToSelection(_ state: inout AppState) {
        let rows = PaneLayout.contentRows(PaneLayout(width: state.width, height: state.height, focus: .list).list)
        if state.selected < state.listTop { state.listTop = state.selected }
        if state.selected >= state.listTop + rows { state.listTop = state.selected - rows + 1 }
        state.listTop = clamp(state.listTop, 0, max(0, state.visible.count - rows))
    }

    /// Rows a page moves in the focused pane.
    func pageRows(_ state: AppState) -> Int {
        let panes = layout(state)
        switch state.focus {
        case .list:
            return PaneLayout.contentRows(panes.list ?? PaneLayout(width: state.width, height: state.height, focus: .list).list)
        case .body: return PaneLayout.contentRows(panes.body)
        case .links: return PaneLayout.contentRows(panes.links)
        }
    }

    func layout(_ state: AppState) -> PaneLayout { PaneLayout(width: state.width, height: state.height, focus: state.focus) }

    /// The width article text wraps at in the body pane.
    func bodyWidth(_ state: AppState) -> Int {
        PaneLayout(width: state.width, height: state.height, focus: .body).bodyTextWidth
    }

    /// The rows of text the body pane shows.
    func bodyRows(_ state: AppState) -> Int {
        PaneLayout.contentRows(PaneLayout(width: state.width, height: state.height, focus: .body).body)
    }

    /// The last top line that still fills the body pane.
    func lastTop(_ open: OpenArticle, _ state: AppState) -> Int {
        Paginator(lineCount: open.layout.lines.count, rows: bodyRows(state)).lastTop
    }
}
