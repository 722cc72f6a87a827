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

    /// Writes the table to `write` in pieces of about 64 KiB, so that no copy of the whole
    /// table (12 MB at 100,000 articles) is held: the widths are measured in a first pass.
    public func write(to write: (String) -> Void) {
        let longest = entries.lazy.map { DisplayWidth.of(Sanitizer.line($0.title)) }.max() ?? 0
        let titleWidth: Int
        if let width {
            let idWidth = entries.lazy.map { DisplayWidth.of(Sanitizer.line($0.id)) }.max() ?? 0
            titleWidth = min(longest, max(10, width - 2 - 1 - 10 - 2 - idWidth - 2))
        } else {
            titleWidth = longest
        }
        var out = ""
        for entry in entries {
            let marks = (entry.read ? " " : "N") + (entry.bookmarked ? "*" : " ")
            let shown = pad(DisplayWidth.truncate(Sanitizer.line(entry.title), to: titleWidth), titleWidth)
            out += "\(marks) \(shown)  \(pad(entry.saved ?? "", 10))  \(Sanitizer.line(entry.id))\n"
            if out.utf8.count >= 1 << 16 {
                write(out)
                out = ""
            }
        }
        if !out.isEmpty { write(out) }
    }

    private func pad(_ text: String, _ columns: Int) -> String {
        text + String(repeating: " ", count: max(0, columns - DisplayWidth.of(text)))
    }
}
