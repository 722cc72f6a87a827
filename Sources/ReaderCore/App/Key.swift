/// A key as the reader sees it, whatever terminal sent it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case control(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// A click at a cell, and the mouse wheel turned up or down over one.
    case click(x: Int, y: Int), wheelUp(x: Int, y: Int), wheelDown(x: Int, y: Int)

    /// Keys written as a string, for tests and key maps: plain characters stand for
    /// themselves; `<Enter>`, `<Esc>`, `<Tab>`, `<S-Tab>`, `<BS>`, `<Del>`, `<Up>`, `<Down>`,
    /// `<Left>`, `<Right>`, `<PgUp>`, `<PgDn>`, `<Home>`, `<End>`, `<Space>`, `<C-x>` for the rest.
    public static func parse(_ text: String) -> [Key] {
        var keys: [Key] = []
        var rest = Substring(text)
        while let first = rest.first {
            if first == "<", let close = rest.firstIndex(of: ">"), let key = named(String(rest[rest.index(after: rest.startIndex)..<close])) {
                keys.append(key)
                rest = rest[rest.index(after: close)...]
            } else {
                keys.append(first == " " ? .character(" ") : .character(first))
                rest = rest.dropFirst()
            }
        }
        return keys
    }

    static func named(_ name: String) -> Key? {
        switch name.lowercased() {
        case "enter", "cr": return .enter
        case "esc": return .escape
        case "tab": return .tab
        case "s-tab": return .backTab
        case "bs": return .backspace
        case "del": return .delete
        case "up": return .up
        case "down": return .down
        case "left": return .left
        case "right": return .right
        case "pgup": return .pageUp
        case "pgdn": return .pageDown
        case "home": return .home
        case "end": return .end
        case "space": return .character(" ")
        default:
            if name.lowercased().hasPrefix("c-"), name.count == 3, let c = name.last { return .control(Character(c.lowercased())) }
            return nil
        }
    }
}
