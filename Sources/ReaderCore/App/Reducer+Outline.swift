/// The outline pane (`t`): the article's headings; Enter goes to one.
extension Reducer {
    /// Opens the outline of the open article.
    func openOutline(_ state: inout AppState) {
        guard let open = state.article else { state.message = "open an article first (Enter)"; return }
        let outline = Outline(open.layout.document, at: open.position)
        guard outline.items.count > 1 else { state.message = "this article has no headings"; return }
        state.outline = outline
        scrollOutline(&state)
    }

    /// A key while the outline is shown: `j`/`k` and the page keys choose, Enter goes, `q`/Esc/`t` close.
    func outlineKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var outline = state.outline else { return [] }
        if key == .control("c") { return quit(&state) }
        let rows = HelpPane.rows(height: state.height)
        switch key {
        case .character("q"), .escape, .character("t"), .left, .character("h"):
            state.outline = nil
            return []
        case .enter, .right, .character("l"):
            state.outline = nil
            guard var open = state.article else { return [] }
            open.top = min(open.layout.lineIndex(forOffset: outline.items[outline.selected].offset), lastTop(open, state))
            followView(&open, state)
            state.article = open
            state.focus = .body
            return []
        default:
            guard let step = Self.step(of: key, rows: rows) else {
                state.message = "outline: j k choose · Enter goes there · q closes"
                break
            }
            outline.selected = clamp(outline.selected.addingReportingOverflow(step).partialValue, 0, outline.items.count - 1)
        }
        state.outline = outline
        scrollOutline(&state)
        return []
    }

    /// Keeps the outline's selection in view.
    private func scrollOutline(_ state: inout AppState) {
        guard var outline = state.outline else { return }
        let rows = HelpPane.rows(height: state.height)
        if outline.selected < outline.top { outline.top = outline.selected }
        if outline.selected >= outline.top + rows { outline.top = outline.selected - rows + 1 }
        state.outline = outline
    }
}
