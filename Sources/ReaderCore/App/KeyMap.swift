/// The default key bindings, as data: for each pane, the keys and what they do. `?` shows
/// them; the README lists them.
public struct KeyMap: Sendable {
    public struct Binding: Sendable {
        public var keys: [Key]
        public var label: String
        public var command: Command
        public var panes: Set<Pane>
        public var help: String
    }

    public var bindings: [Binding]

    /// The command `key` means in `pane`, if any.
    public func command(for key: Key, in pane: Pane) -> Command? {
        bindings.first { $0.panes.contains(pane) && $0.keys.contains(key) }?.command
    }

    static let all: Set<Pane> = Set(Pane.allCases)

    public static let standard = KeyMap(bindings: [
        Binding(keys: [.character("j"), .down], label: "j ↓", command: .moveDown, panes: all, help: "next article / scroll down / next link"),
        Binding(keys: [.character("k"), .up], label: "k ↑", command: .moveUp, panes: all, help: "previous article / scroll up / previous link"),
        Binding(keys: [.enter, .right, .character("l")], label: "Enter → l", command: .open, panes: [.list], help: "open the article (marks it read)"),
        Binding(keys: [.enter, .character("o")], label: "Enter o", command: .openLink, panes: [.links], help: "open the selected link"),
        Binding(keys: [.character("q")], label: "q", command: .quit, panes: [.list], help: "quit"),
        Binding(keys: [.character("q"), .left, .character("h")], label: "q ← h", command: .back, panes: [.body, .links], help: "back to the list / the body"),
        Binding(keys: [.left, .character("h")], label: "← h", command: .quit, panes: [.list], help: "quit"),
        Binding(keys: [.character(" "), .pageDown], label: "Space PgDn", command: .pageDown, panes: all, help: "page down"),
        Binding(keys: [.pageUp, .character("-")], label: "PgUp -", command: .pageUp, panes: all, help: "page up"),
        Binding(keys: [.character("g")], label: "g g", command: .goPrefix, panes: all, help: "first / top"),
        Binding(keys: [.home], label: "Home", command: .top, panes: all, help: "first / top"),
        Binding(keys: [.character("G"), .end], label: "G End", command: .bottom, panes: all, help: "last / bottom"),
        Binding(keys: [.character("/")], label: "/", command: .search, panes: [.list, .body], help: "search the library / this article"),
        Binding(keys: [.character("n")], label: "n", command: .nextMatch, panes: [.body], help: "next match"),
        Binding(keys: [.character("N")], label: "N", command: .previousMatch, panes: [.body], help: "previous match"),
        Binding(keys: [.escape], label: "Esc", command: .clearFilter, panes: [.list, .body], help: "clear the search"),
        Binding(keys: [.tab], label: "Tab", command: .nextPane, panes: all, help: "next pane"),
        Binding(keys: [.character("m")], label: "m", command: .toggleRead, panes: [.list, .body], help: "toggle read / unread"),
        Binding(keys: [.character("b")], label: "b", command: .toggleBookmark, panes: [.list, .body], help: "toggle bookmark"),
        Binding(keys: [.character("U")], label: "U", command: .toggleUnreadOnly, panes: [.list], help: "show unread only (toggle)"),
        Binding(keys: [.character("B")], label: "B", command: .toggleBookmarkedOnly, panes: [.list], help: "show bookmarked only (toggle)"),
        Binding(keys: [.character("s")], label: "s", command: .cycleSort, panes: [.list], help: "sort: date, title, unread first"),
        Binding(keys: (1...9).map { .character(Character(String($0))) }, label: "1-9 o", command: .digit(0), panes: [.body], help: "open link N"),
        Binding(keys: [.character("o")], label: "o", command: .openLink, panes: [.body], help: "open link N (after its number)"),
        Binding(keys: [.character("f")], label: "f", command: .toggleFullPage, panes: [.body], help: "toggle the full saved page"),
        Binding(keys: [.character("?")], label: "?", command: .help, panes: all, help: "this help"),
    ])
}
