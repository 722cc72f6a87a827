/// The mouse: the wheel scrolls the pane under the pointer; a click selects a row of the list
/// or the links (a click on the selected row opens it) or moves to the pane clicked.
extension Reducer {
    /// How many lines one turn of the wheel scrolls.
    static let wheelLines = 3

    /// The effects of a mouse key, or nil when `key` is not one.
    func mouse(_ key: Key, _ state: inout AppState) -> [Effect]? {
        switch key {
        case .wheelUp(let x, let y): wheel(-Self.wheelLines, x: x, y: y, &state)
        case .wheelDown(let x, let y): wheel(Self.wheelLines, x: x, y: y, &state)
        case .click(let x, let y): return click(x: x, y: y, &state)
        default: return nil
        }
        return []
    }

    /// The pane at a cell, and the row of its content there (nil on its title row).
    private func pane(atX x: Int, y: Int, _ state: AppState) -> (pane: Pane, row: Int?)? {
        let panes = layout(state)
        for (pane, rect) in [(Pane.list, panes.list), (.body, panes.body), (.links, panes.links)] {
            guard let rect, (rect.x..<(rect.x + rect.width)).contains(x), (rect.y..<(rect.y + rect.height)).contains(y)
            else { continue }
            return (pane, y > rect.y ? y - rect.y - 1 : nil)
        }
        return nil
    }

    private func wheel(_ lines: Int, x: Int, y: Int, _ state: inout AppState) {
        if var help = state.help {
            help.top = clamp(help.top + lines, 0, helpLastTop(state))
            state.help = help
            return
        }
        guard state.outline == nil, state.prompt == nil, let (pane, _) = pane(atX: x, y: y, state) else { return }
        let focus = state.focus
        state.focus = pane
        if pane == .links, var open = state.article {
            // The wheel scrolls the links; the selection follows only to stay in view.
            let rows = PaneLayout.contentRows(layout(state).links)
            open.linksTop = clamp(open.linksTop + lines, 0, max(0, open.article.links.count - rows))
            open.selectedLink = clamp(open.selectedLink, open.linksTop, open.linksTop + rows - 1)
            state.article = open
        } else {
            move(by: lines, &state)
        }
        state.focus = focus
    }

    private func click(x: Int, y: Int, _ state: inout AppState) -> [Effect] {
        guard state.help == nil, state.outline == nil, state.prompt == nil, state.question == nil,
              let (pane, row) = pane(atX: x, y: y, state) else { return [] }
        switch pane {
        case .list:
            guard let row, state.listTop + row < state.visible.count else { state.focus = .list; return [] }
            let index = state.listTop + row
            if index == state.selected && state.focus == .list { return run(.open, count: nil, &state) }
            state.focus = .list
            move(to: index, &state)
        case .body:
            if state.article != nil { state.focus = .body }
        case .links:
            guard let open = state.article else { return [] }
            state.focus = .links
            guard let row, open.linksTop + row < open.article.links.count else { return [] }
            let index = open.linksTop + row
            if index == open.selectedLink { return openLink(number: nil, &state) }
            move(to: index, &state)
        }
        return []
    }
}
