/// A full terminal screen of styled cells: what the reader shows, computed in ReaderCore and
/// only drawn by the front end. Writes are clipped: nothing lands outside the screen, and a
/// wide character that would cross the right edge of its area is replaced by a space.
public struct Screen: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should sit (a prompt), if anywhere.
    public var cursor: (x: Int, y: Int)?

    public init(width: Int, height: Int) {
        self.width = max(width, 0)
        self.height = max(height, 0)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (a: Screen, b: Screen) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Fills a rectangle with blanks of `style`.
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, style: Style) {
        for row in max(0, y)..<min(self.height, y + height) {
            for column in max(0, x)..<min(self.width, x + width) { cells[row * self.width + column] = Cell(text: " ", width: 1, style: style) }
        }
    }

    /// Writes sanitized `text` at (x, y), within `limit` columns (default: to the right edge);
    /// returns the columns used. Zero-width code points join the cell before them.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, limit: Int? = nil, style: Style) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, x + (limit ?? width))
        var column = x
        var last: Int?
        for scalar in text.unicodeScalars {
            let w = DisplayWidth.of(scalar)
            if w <= 0 {
                // A zero-width mark joins the cell before it; a bidi control (zero-width too) never reaches the terminal.
                if w == 0, let last, cells[last].text.unicodeScalars.count < 5, !Sanitizer.isControlOrBidi(scalar.value) {
                    cells[last].text.unicodeScalars.append(scalar)
                }
                continue
            }
            if column + w > end {
                if column < end && w == 2 { cells[y * width + column] = Cell(text: " ", width: 1, style: style); column += 1 }
                break
            }
            if column >= 0 {
                cells[y * width + column] = Cell(text: String(scalar), width: w, style: style)
                if w == 2 { cells[y * width + column + 1] = Cell(text: "", width: 0, style: style) }
                last = y * width + column
            }
            column += w
        }
        return column - x
    }

    /// Restyles `count` cells from (x, y), keeping their text.
    public mutating func restyle(x: Int, y: Int, count: Int, style: Style) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, x + count) { cells[y * width + column].style = style }
    }

    /// Row `y` as text, continuation cells left out.
    public func line(_ y: Int) -> String {
        var out = ""
        for x in 0..<width where self[x, y].width > 0 { out += self[x, y].text }
        return out
    }
}
