/// The list as a table for a person: markers (`N` unread, `*` bookmarked), the title, the date
/// and the id. Ids are never cut, since `show` and `mark` take them; on a terminal (`width`)
/// the title is cut by display width to fit, and without one (a pipe) nothing is cut.
public struct ListTable {
    public var entries: [LibraryEntry]
    /// The columns to fit, or nil for none.
    public var width: Int?

    public init(entries: [LibraryEntry], width: Int?) {
        self.entries = entries
        self.width = width
    }

    public var text: String {
        let titles = entries.map { Sanitizer.line($0.title) }
        let longest = titles.map { DisplayWidth.of($0) }.max() ?? 0
        let titleWidth: Int
        if let width {
            let idWidth = entries.map { DisplayWidth.of(Sanitizer.line($0.id)) }.max() ?? 0
            titleWidth = min(longest, max(10, width - 2 - 1 - 10 - 2 - idWidth - 2))
        } else {
            titleWidth = longest
        }
        var out = ""
        for (entry, title) in zip(entries, titles) {
            let marks = (entry.read ? " " : "N") + (entry.bookmarked ? "*" : " ")
            let shown = pad(DisplayWidth.truncate(title, to: titleWidth), titleWidth)
            out += "\(marks) \(shown)  \(pad(entry.saved ?? "", 10))  \(Sanitizer.line(entry.id))\n"
        }
        return out
    }

    private func pad(_ text: String, _ columns: Int) -> String {
        text + String(repeating: " ", count: max(0, columns - DisplayWidth.of(text)))
    }
}
