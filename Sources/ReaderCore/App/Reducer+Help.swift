/// The help pane: every key, generated from the key map, scrolled with the usual keys.
extension Reducer {
    /// A key while help is shown: `j`/`k`, the page keys, `g`/`G` scroll; `q`, Esc and `?` close.
    func helpKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var help = state.help else { return [] }
        if key == .control("c") { return quit(&state) }
        let rows = HelpPane.rows(height: state.height)
        switch key {
        case .character("q"), .escape, .character("?"), .enter:
            state.help = nil
            return []
        case .character("j"), .down: help.top += 1
        case .character("k"), .up: help.top -= 1
        case .character(" "), .pageDown, .control("f"), .control("d"): help.top += rows
        case .pageUp, .character("-"), .control("b"), .control("u"): help.top -= rows
        case .character("g"), .home: help.top = 0
        case .character("G"), .end: help.top = Int.max / 2
        default:
            state.message = "help: j k PgDn PgUp scroll · q or Esc closes"
        }
        help.top = clamp(help.top, 0, helpLastTop(state))
        state.help = help
        return []
    }

    /// The last top line of the help that still fills its pane.
    func helpLastTop(_ state: AppState) -> Int {
        max(0, HelpPane.lines(keyMap).count - HelpPane.rows(height: state.height))
    }
}
