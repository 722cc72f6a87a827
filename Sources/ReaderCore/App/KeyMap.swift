/// The default key bindings, as data: for each pane, the keys and what they do. `?` shows
/// them; the README lists them.
public struct KeyMap: Sendable {
    public struct Binding: Sendable {
        public var keys: [Key]
        public var label: String
        public var command: Command
        public var panes: Set<Pane>
        public var help: String
        /// A word or two for the status line's key hints (`open`), for the keys worth a hint.
        public var hint: String?

        public init(keys: [Key], label: String, command: Command, panes: Set<Pane>, help: String, hint: String? = nil) {
            (self.keys, self.label, self.command, self.panes, self.help, self.hint) = (keys, label, command, panes, help, hint)
        }
    }

    public var bindings: [Binding]

    /// The command `key` means in `pane`, if any.
    public func command(for key: Key, in pane: Pane) -> Command? {
        bindings.first { $0.panes.contains(pane) && $0.keys.contains(key) }?.command
    }

    /// The key hints for `pane`, as newsboat shows them (`Enter:open /:search … ?:help`), as
    /// many as fit in `columns`, the help key always last.
    public func hints(for pane: Pane, fitting columns: Int) -> String {
        let all = bindings.filter { $0.panes.contains(pane) && $0.hint != nil }
            .map { ($0.command, "\($0.label.split(separator: " ").first ?? ""):\($0.hint!)") }
        let help = all.first { $0.0 == .help }?.1 ?? ""
        var shown = ""
        for (command, hint) in all where command != .help
            && DisplayWidth.of(shown) + DisplayWidth.of(hint) + DisplayWidth.of(help) + 2 <= columns {
            shown += hint + " "
        }
        return shown + help
    }

    static let all: Set<Pane> = Set(Pane.allCases)

    public static let standard = KeyMap(bindings: [
        Binding(keys: [.character("j"), .down], label: "j ↓", command: .moveDown, panes: all,
                help: "next article / scroll down / next link"),
        Binding(keys: [.character("k"), .up], label: "k ↑", command: .moveUp, panes: all,
                help: "previous article / scroll up / previous link"),
        Binding(keys: [.enter, .right, .character("l")], label: "Enter → l", command: .open, panes: [.list],
                help: "open the article (marks it read)", hint: "open"),
        Binding(keys: [.enter, .character("o")], label: "Enter o", command: .openLink, panes: [.links],
                help: "open the selected link", hint: "open"),
        Binding(keys: [.character("q")], label: "q", command: .quit, panes: [.list], help: "quit", hint: "quit"),
        Binding(keys: [.character("q"), .left, .character("h")], label: "q ← h", command: .back, panes: [.body, .links],
                help: "back to the list / the body", hint: "back"),
        Binding(keys: [.left, .character("h")], label: "← h", command: .askQuit, panes: [.list], help: "quit, after asking"),
        Binding(keys: [.character(" ")], label: "Space", command: .pageDownOrNextUnread, panes: [.body],
                help: "page down; at the end, the next unread article", hint: "page"),
        Binding(keys: [.character(" "), .pageDown, .control("f")], label: "Space PgDn ^F", command: .pageDown,
                panes: [.list, .links], help: "page down"),
        Binding(keys: [.pageDown, .control("f")], label: "PgDn ^F", command: .pageDown, panes: [.body], help: "page down"),
        Binding(keys: [.pageUp, .character("-"), .control("b")], label: "PgUp - ^B", command: .pageUp, panes: all,
                help: "page up"),
        Binding(keys: [.control("d")], label: "^D", command: .halfPageDown, panes: all, help: "half a page down"),
        Binding(keys: [.control("u")], label: "^U", command: .halfPageUp, panes: all, help: "half a page up"),
        Binding(keys: [.character("g")], label: "g g", command: .goPrefix, panes: all, help: "first / top"),
        Binding(keys: [.home], label: "Home", command: .top, panes: all, help: "first / top"),
        Binding(keys: [.character("G"), .end], label: "G End", command: .bottom, panes: all,
                help: "last / bottom; NG: line or row N"),
        Binding(keys: (0...9).map { .character(Character(String($0))) }, label: "0-9", command: .digit(0), panes: all,
                help: "a count for the next key: 5j, 50%, 3o (open link 3)"),
        Binding(keys: [.character(":")], label: ":", command: .commandLine, panes: all,
                help: "a command: :50% half-way, :120 line 120, :q quit"),
        Binding(keys: [.character("%")], label: "N%", command: .percent, panes: all, help: "to N percent: 50% half-way"),
        Binding(keys: [.character("J")], label: "J", command: .nextArticle, panes: [.body, .links], help: "next article", hint: "next"),
        Binding(keys: [.character("K")], label: "K", command: .previousArticle, panes: [.body, .links],
                help: "previous article"),
        Binding(keys: [.character("n"), .character("]")], label: "n ]", command: .nextUnread, panes: [.list],
                help: "open the next unread article", hint: "unread"),
        Binding(keys: [.character("]")], label: "]", command: .nextUnread, panes: [.body, .links],
                help: "open the next unread article"),
        Binding(keys: [.character("d")], label: "d", command: .trash, panes: [.list, .body],
                help: "move the article to the trash (u brings it back)"),
        Binding(keys: [.character("u")], label: "u", command: .undoTrash, panes: [.list, .body],
                help: "undo: bring the last article moved to the trash back"),
        Binding(keys: [.character("/")], label: "/", command: .search, panes: [.list, .body],
                help: "search the library as you type / this article", hint: "search"),
        Binding(keys: [.character("n")], label: "n", command: .nextMatch, panes: [.body], help: "next match (from the view)", hint: "match"),
        Binding(keys: [.character("N")], label: "N", command: .previousMatch, panes: [.body],
                help: "previous match (from the view)"),
        Binding(keys: [.escape], label: "Esc", command: .clearFilter, panes: [.list, .body], help: "clear the search, or stop one under way"),
        Binding(keys: [.tab], label: "Tab", command: .nextPane, panes: all, help: "next pane", hint: "pane"),
        Binding(keys: [.character("m")], label: "m", command: .toggleRead, panes: [.list, .body], help: "toggle read / unread", hint: "read"),
        Binding(keys: [.character("b")], label: "b", command: .toggleBookmark, panes: [.list, .body], help: "toggle bookmark"),
        Binding(keys: [.character("r")], label: "r", command: .reload, panes: [.list, .body],
                help: "reload the library and the marks (also automatic when files change)", hint: "reload"),
        Binding(keys: [.character("A")], label: "A", command: .markAllRead, panes: [.list],
                help: "mark every article of the list read (asks first)"),
        Binding(keys: [.character("U")], label: "U", command: .toggleUnreadOnly, panes: [.list],
                help: "show unread only (toggle)"),
        Binding(keys: [.character("B")], label: "B", command: .toggleBookmarkedOnly, panes: [.list],
                help: "show bookmarked only (toggle)"),
        Binding(keys: [.character("s")], label: "s", command: .cycleSort, panes: [.list], help: "sort: date, title, unread first"),
        Binding(keys: [.character("o")], label: "N o", command: .openLink, panes: [.body], help: "open link N"),
        Binding(keys: [.character("t")], label: "t", command: .outline, panes: [.body, .links],
                help: "the article's headings; Enter goes to one", hint: "outline"),
        Binding(keys: [.character("o")], label: "o", command: .openSource, panes: [.list],
                help: "open the article's own web page (its source URL)"),
        Binding(keys: [.character("O")], label: "O", command: .openSource, panes: [.body],
                help: "open the article's own web page (its source URL)"),
        Binding(keys: [.character("y")], label: "y", command: .yank, panes: all,
                help: "copy a URL: the selected link's, link N's (N y), else the article's own"),
        Binding(keys: [.character("f")], label: "f", command: .toggleFullPage, panes: [.body], help: "toggle the full saved page", hint: "full page"),
        Binding(keys: [.character("?")], label: "?", command: .help, panes: all, help: "this help (j k PgDn scroll, q closes)", hint: "help"),
    ])
}
