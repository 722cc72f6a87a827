/// The list as a table for a person: markers (`N` unread, `*` bookmarked), the title cut to
/// fit by display width, the date and the id.
public struct ListTable {
    public var entries: [LibraryEntry]
    public var width: Int

    public init(entries: [LibraryEntry], width: Int) {
        self.entries = entries
        self.width = width
    }

    public var text: String {
        let idWidth = min(entries.map { DisplayWidth.of($0.id) }.max() ?? 0, max(10, width / 3))
        let titleWidth = max(10, width - 2 - 1 - 10 - 2 - idWidth - 2)
        var out = ""
        for entry in entries {
            let marks = (entry.read ? " " : "N") + (entry.bookmarked ? "*" : " ")
            let title = pad(DisplayWidth.truncate(Sanitizer.line(entry.title), to: titleWidth), titleWidth)
            let date = pad(entry.saved ?? "", 10)
            let id = DisplayWidth.truncate(Sanitizer.line(entry.id), to: idWidth)
            out += "\(marks) \(title)  \(date)  \(id)\n"
        }
        return out
    }

    private func pad(_ text: String, _ columns: Int) -> String {
        text + String(repeating: " ", count: max(0, columns - DisplayWidth.of(text)))
    }
}
