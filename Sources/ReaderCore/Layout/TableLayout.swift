/// Lays out a table block (rows on lines, cells split by tabs) at a width: aligned columns by
/// display width when they fit, with a rule under a header row; otherwise a row per item, its
/// cells joined by ` │ ` and wrapped.
struct TableLayout {
    let rows: [[String]]
    let wrapper: Wrapper
    /// Where each row starts in the block's text, in UTF-16 units.
    let rowOffsets: [Int]

    init(text: String, wrapper: Wrapper) {
        var rows: [[String]] = []
        var offsets: [Int] = []
        var offset = 0
        for row in text.split(separator: "\n", omittingEmptySubsequences: false) {
            rows.append(row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
            offsets.append(offset)
            offset += row.utf16.count + 1
        }
        self.rows = rows
        self.rowOffsets = offsets
        self.wrapper = wrapper
    }

    /// The gap between two columns.
    static let gap = "  "

    func lines(width: Int, indent: String, style: RenderedLine.Style, offset: Int) -> [RenderedLine] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (c, cell) in row.enumerated() { widths[c] = max(widths[c], DisplayWidth.of(cell)) }
        }
        let indentWidth = DisplayWidth.of(indent)
        let total = widths.reduce(0, +) + Self.gap.count * max(columns - 1, 0)
        var lines: [RenderedLine] = []
        if total <= width - indentWidth {
            for (r, row) in rows.enumerated() {
                var text = indent
                for (c, cell) in row.enumerated() {
                    if c > 0 { text += Self.gap }
                    text += cell
                    if c < row.count - 1 { text += String(repeating: " ", count: widths[c] - DisplayWidth.of(cell)) }
                }
                while text.hasSuffix(" ") { text.removeLast() }
                lines.append(RenderedLine(text: text, width: DisplayWidth.of(text), style: style,
                                          offset: offset + rowOffsets[r],
                                          textStart: min(indent.utf16.count, text.utf16.count)))
            }
            return lines
        }
        // Continuation lines hang by two columns when there is room for it.
        let hang = width - indentWidth >= 12 ? "  " : ""
        for (r, row) in rows.enumerated() {
            let joined = row.filter { !$0.isEmpty }.joined(separator: " │ ")
            guard !joined.isEmpty else { continue }
            let room = max(width - indentWidth - hang.count, 1)
            for (k, line) in wrapper.wrap(joined, width: room).enumerated() {
                let prefix = indent + (k == 0 ? "" : hang)
                lines.append(RenderedLine(text: prefix + line.text, width: DisplayWidth.of(prefix) + line.width, style: style,
                                          offset: offset + rowOffsets[r], textStart: prefix.utf16.count))
            }
        }
        return lines
    }
}
