/// Key bindings from the config file: `bind KEY ACTION [PANE...]`, where KEY is written as in
/// `Key.parse` (`J`, `<C-n>`, `<Space>`), ACTION is one of `actions`, and the panes (`list`,
/// `body`, `links`) default to all three. A binding comes before the standard ones, so it wins.
extension KeyMap {
    /// The names of the actions a key may be bound to.
    public static let actions: [String: Command] = [
        "down": .moveDown, "up": .moveUp, "page-down": .pageDown, "page-up": .pageUp, "half-page-down": .halfPageDown,
        "half-page-up": .halfPageUp, "top": .top, "bottom": .bottom, "percent": .percent, "space": .pageDownOrNextUnread,
        "open": .open, "back": .back, "quit": .quit, "ask-quit": .askQuit, "next-pane": .nextPane,
        "next-article": .nextArticle, "previous-article": .previousArticle, "next-unread": .nextUnread,
        "reload": .reload, "trash": .trash, "undo": .undoTrash, "toggle-read": .toggleRead,
        "toggle-bookmark": .toggleBookmark, "mark-all-read": .markAllRead, "unread-only": .toggleUnreadOnly,
        "bookmarked-only": .toggleBookmarkedOnly, "sort": .cycleSort, "search": .search, "next-match": .nextMatch,
        "previous-match": .previousMatch, "clear": .clearFilter, "full-page": .toggleFullPage, "open-link": .openLink,
        "open-source": .openSource, "yank": .yank, "help": .help, "outline": .outline, "command": .commandLine,
    ]

    /// This key map with the config's `bind` lines (by line number) added, and a warning for
    /// each line that names an unknown key, action or pane.
    public func binding(_ lines: [Int: String]) -> (KeyMap, [String]) {
        var map = self, warnings: [String] = []
        for (number, text) in lines.sorted(by: { $0.key < $1.key }) {
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            let warn = { (message: String) in warnings.append("line \(number): \(message)") }
            guard words.count >= 3, words[0] == "bind" else { warn("expected 'bind KEY ACTION [list|body|links]'"); continue }
            let keys = Key.parse(words[1])
            guard keys.count == 1, let key = keys.first else {
                warn("unknown key '\(Sanitizer.line(words[1]))' (one key: J, <C-n>, <Space>, <PgDn>…)")
                continue
            }
            guard let command = Self.actions[words[2]] else {
                warn("unknown action '\(Sanitizer.line(words[2]))' (see 'reader --help' or the README for the names)")
                continue
            }
            let panes = words.dropFirst(3).map { Pane(rawValue: $0) }
            guard !panes.contains(nil) else { warn("unknown pane in '\(Sanitizer.line(text))' (list, body, links)"); continue }
            let chosen = panes.isEmpty ? Self.all : Set(panes.compactMap { $0 })
            let help = (map.bindings.first { $0.command == command }?.help ?? words[2]) + " (your binding)"
            map.bindings.insert(Binding(keys: [key], label: words[1], command: command, panes: chosen, help: help), at: 0)
        }
        return (map, warnings)
    }
}
