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
        default:
            guard let step = Self.step(of: key, rows: rows) else {
                state.message = "help: j k PgDn PgUp scroll · q or Esc closes"
                break
            }
            help.top = clamp(help.top.addingReportingOverflow(step).partialValue, 0, helpLastTop(state))
        }
        state.help = help
        return []
    }

    /// How far a key moves in an overlay pane (help, outline) of `rows` rows: `j`/`k`, the page
    /// and half-page keys, `g`/`G` to the ends; nil for any other key.
    static func step(of key: Key, rows: Int) -> Int? {
        switch key {
        case .character("j"), .down: return 1
        case .character("k"), .up: return -1
        case .character(" "), .pageDown, .control("f"), .control("d"): return rows
        case .pageUp, .character("-"), .control("b"), .control("u"): return -rows
        case .character("g"), .home: return Int.min / 2
        case .character("G"), .end: return Int.max / 2
        default: return nil
        }
    }

    /// The last top line of the help that still fills its pane.
    func helpLastTop(_ state: AppState) -> Int {
        max(0, HelpPane.lines(keyMap).count - HelpPane.rows(height: state.height))
    }
}
