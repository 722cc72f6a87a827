/// Pages of a laid-out article: pages of N rows, and the percentage read at a position.
public struct Paginator: Equatable, Sendable {
    public let lineCount: Int
    public let rows: Int

    public init(lineCount: Int, rows: Int) {
        self.lineCount = lineCount
        self.rows = max(rows, 1)
    }

    /// How many pages the article takes (at least one).
    public var pageCount: Int { max(1, (lineCount + rows - 1) / rows) }

    /// The page (from 1) of a view whose top line is `top`; the last page once the end is in view.
    public func page(forTop top: Int) -> Int { top + rows >= lineCount ? pageCount : min(pageCount, top / rows + 1) }

    /// The share of the article read with `top` at the top of the view: 100 once the end is visible.
    public func percent(forTop top: Int) -> Int {
        guard lineCount > rows else { return 100 }
        let seen = min(lineCount, top + rows)
        return min(100, seen * 100 / lineCount)
    }
}
