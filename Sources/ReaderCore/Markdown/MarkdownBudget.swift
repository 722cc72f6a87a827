/// An upper-bound estimate, made in one pass over the lines, of the work cmark-gfm 0.29.0.gfm.6 does on its
/// slow paths.
///
/// It counts the containers possibly open times each line's length (cmark walks them for every line); the
/// padding and the square of the column count of table rows; per paragraph (non-blank lines, split where a
/// bullet item or heading must start) the count of `<?` and `<![` times the paragraph's length (their
/// unclosed scans), the square of the count of `![` (its bracket walks) and of emphasis and strikethrough
/// delimiter runs (not `_` inside a word nor `*` or `~` between spaces); and per line the count of `www.`
/// and `@` times the line's length. Each budget is a fraction of a second of cmark-gfm time plus an
/// allowance per byte, so that large ordinary files pass.
struct MarkdownBudget {
    private let nestingBudget: Int, scanBudget: Int, delimiterBudget: Int, paddedCellBudget: Int
    private let tableRowBudget: Int
    private var open = 0, afterBlank = true, columns = 0
    private var nesting = 0, scans = 0, delimiters = 0, paddedCells = 0, tableRows = 0
    private var runBytes = 0, runScans = 0, runBrackets = 0, runDelimiters = 0

    /// The budgets for a text of `size` bytes.
    private init(size: Int) {
        nestingBudget = 20_000_000 + 4 * size
        scanBudget = 500_000_000 + 16 * size
        delimiterBudget = 4_000_000_000 + 16 * size
        paddedCellBudget = 200_000
        tableRowBudget = 200_000_000 + 64 * size
    }

    /// Whether `text` is over any budget.
    static func exceedsBudget(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var cost = MarkdownBudget(size: text.count), start = 0
        while start <= text.count {
            var end = start
            while end < text.count, text[end] != 0x0A, text[end] != 0x0D { end += 1 }
            cost.add(text, start, end)
            if cost.isOverBudget { return true }
            start = end + (end + 1 < text.count && text[end] == 0x0D && text[end + 1] == 0x0A ? 2 : 1)
        }
        return false
    }

    /// Whether the work counted so far, with the current paragraph's, is over a budget.
    private var isOverBudget: Bool {
        nesting > nestingBudget || paddedCells > paddedCellBudget || tableRows > tableRowBudget
            || scans + runScans * runBytes + runBrackets * runBrackets > scanBudget
            || delimiters + runDelimiters * runDelimiters > delimiterBudget
    }

    /// Counts the line `start..<end`.
    private mutating func add(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        let prefix = Self.containerPrefix(text, start, end)
        let blank = prefix.rest == end && prefix.markers == 0
        defer { afterBlank = blank }
        if blank {
            nesting += open
            columns = 0
            endParagraph()
            return
        }
        if afterBlank, prefix.indent == 0, prefix.quotes == 0, prefix.markers == 0 { open = 0 }
        open = max(open, prefix.quotes + 2 * prefix.markers + min(prefix.indent, open))
        nesting += open * (1 + (end - start) / 8)
        let pipes = text[prefix.rest..<end].reduce(0) { $1 == 0x7C ? $0 + 1 : $0 }
        if columns > 0 {
            paddedCells += max(0, columns - pipes - 1)
            tableRows += columns * columns
        }
        if Self.isDelimiterRow(text, prefix.rest, end) { columns = max(columns, pipes + 1) }
        if prefix.startsBlock { endParagraph() }
        Self.countInlines(text, prefix.rest, end, into: &self)
        runBytes += end - start + 1
    }

    /// Adds the current paragraph's work to the totals and starts another.
    private mutating func endParagraph() {
        scans += runScans * runBytes + runBrackets * runBrackets
        delimiters += runDelimiters * runDelimiters
        (runBytes, runScans, runBrackets, runDelimiters) = (0, 0, 0, 0)
    }

    /// The container markers at the start of the line `start..<end`: columns of indentation, `>`s and list
    /// markers, where the rest of the line starts, and whether the line must start a block (a bullet item
    /// or an ATX heading at most three columns in) rather than continue a paragraph.
    private static func containerPrefix(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
        -> (indent: Int, quotes: Int, markers: Int, rest: Int, startsBlock: Bool) {
        var i = start, indent = 0, quotes = 0, markers = 0, sinceQuote = 0, bulletFirst = false
        scan: while i < end {
            switch text[i] {
            case 0x20: indent += 1; sinceQuote += 1; i += 1
            case 0x09: indent += 4; sinceQuote += 4; i += 1
            case 0x3E: quotes += 1; sinceQuote = 0; i += 1
            default:
                guard let width = listMarkerWidth(text, i, end) else { break scan }
                if markers == 0 { bulletFirst = width == 1 && sinceQuote <= (quotes > 0 ? 4 : 3) }
                markers += 1
                i += width
            }
        }
        let heading = markers == 0 && sinceQuote <= (quotes > 0 ? 4 : 3) && isATXHeading(text, i, end)
        return (indent, quotes, markers, i, heading || bulletFirst && i < end)
    }

    /// The width of the list marker (`-`, `*`, `+`, or up to nine digits and `.` or `)`) at `i`, if one is
    /// there and is followed by a space, a tab or the line's end.
    private static func listMarkerWidth(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
        var j = i
        if text[i] == 0x2D || text[i] == 0x2A || text[i] == 0x2B {
            j += 1
        } else {
            while j < end, j - i < 9, (0x30...0x39).contains(text[j]) { j += 1 }
            guard j > i, j < end, text[j] == 0x2E || text[j] == 0x29 else { return nil }
            j += 1
        }
        return j == end || text[j] == 0x20 || text[j] == 0x09 ? j - i : nil
    }

    /// Whether `start..<end` opens with one to six `#` and a blank or the line's end.
    private static func isATXHeading(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end, i - start < 7, text[i] == 0x23 { i += 1 }
        return (1...6).contains(i - start) && (i == end || text[i] == 0x20 || text[i] == 0x09)
    }

    /// Whether `start..<end` could be a table's delimiter row: only `|`, `:`, `-` and blanks, with a `|`
    /// and a `-`.
    private static func isDelimiterRow(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var pipe = false, dash = false
        for byte in text[start..<end] {
            switch byte {
            case 0x7C: pipe = true
            case 0x2D: dash = true
            case 0x3A, 0x20, 0x09: break
            default: return false
            }
        }
        return pipe && dash
    }

    /// Counts the slow inlines of `start..<end` into `cost`: `www.` and `@` (their scans run to the line's
    /// end), `<?` and `<![` (theirs to the paragraph's end), `![`, and delimiter runs of `*`, `_` or `~`.
    private static func countInlines(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                                     into cost: inout MarkdownBudget) {
        var lineScans = 0, i = start
        while i < end {
            let previous = i > start ? text[i - 1] : 0x20
            switch text[i] {
            case 0x2A, 0x5F, 0x7E:
                var j = i
                while j < end, text[j] == text[i] { j += 1 }
                let next = j < end ? text[j] : 0x20
                let inWord = isASCIIAlphanumeric(previous) && isASCIIAlphanumeric(next)
                let betweenSpaces = previous == 0x20 && next == 0x20
                if !(text[i] == 0x5F ? inWord : betweenSpaces) { cost.runDelimiters += 1 }
                i = j
                continue
            case 0x40: lineScans += 1
            case 0x5B where previous == 0x21 && i - start >= 2 && text[i - 2] == 0x3C: cost.runScans += 1
            case 0x5B where previous == 0x21: cost.runBrackets += 1
            case 0x3F where previous == 0x3C: cost.runScans += 1
            case 0x2E where i - start >= 3 && text[i - 3] == 0x77 && text[i - 2] == 0x77 && previous == 0x77:
                lineScans += 1
            default: break
            }
            i += 1
        }
        cost.scans += lineScans * (end - start)
    }

    /// Whether `byte` is an ASCII letter or digit.
    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
