/// An article as the index holds it: its searchable text (`SearchableText`) and that text
/// folded (`TextFolder`), cut into the index's columns: title, about (author, site, host),
/// tags, body.
struct SearchDocument {
    /// The columns, in the index's order.
    enum Column: Int, CaseIterable {
        case title, about, tags, body

        /// The column's name in the FTS5 table.
        var name: String { ["title", "about", "tags", "body"][rawValue] }
    }

    let text: [UInt8]
    let folded: [UInt8]
    /// Where each column is in `folded`.
    let columns: [Range<Int>]

    init(text: [UInt8]) {
        self.text = text
        folded = TextFolder.fold(String(decoding: text, as: UTF8.self))
        var ranges: [Range<Int>] = []
        var start = 0
        for _ in 0..<(Column.allCases.count - 1) {
            let end = folded[start...].firstIndex(of: 0x0A) ?? folded.count
            ranges.append(start..<end)
            start = min(end + 1, folded.count)
        }
        ranges.append(start..<folded.count)
        columns = ranges
    }

    /// A column's folded text.
    func column(_ column: Column) -> ArraySlice<UInt8> { folded[columns[column.rawValue]] }
}
