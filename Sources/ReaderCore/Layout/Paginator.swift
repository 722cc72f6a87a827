/// Pages of a laid-out article as the page keys visit them, and how far the view has come.
///
/// Page N starts at line `(N - 1) × rows`, except the last, which starts where the end of the
/// article fills the view (`lastTop`): the page keys stop exactly there, so page N + 1 is always
/// one page key from page N, from the top as from the bottom. The percentage is the share of
/// the scrollable lines above the view, as in vim: 0% at the top, 100% once the end is in view.
public struct Paginator: Equatable, Sendable {
    public let lineCount: Int
    public let rows: Int

    public init(lineCount: Int, rows: Int) {
        self.lineCount = lineCount
        self.rows = max(rows, 1)
    }

    /// The last top line that still fills the view.
    public var lastTop: Int { max(0, lineCount - rows) }

    /// How many pages the article takes (at least one).
    public var pageCount: Int { (lastTop + rows - 1) / rows + 1 }

    /// The page (from 1) of a view whose top line is `top`: the last page that starts at or above it.
    public func page(forTop top: Int) -> Int { top >= lastTop ? pageCount : max(0, top) / rows + 1 }

    /// The first line of `page` (from 1).
    public func top(ofPage page: Int) -> Int { min(lastTop, max(0, page - 1) * rows) }

    /// Where the next page key goes from `top`: the start of the next page.
    public func nextPageTop(from top: Int) -> Int { self.top(ofPage: page(forTop: top) + 1) }

    /// Where the previous page key goes from `top`: the start of this page when the view is
    /// below it, else the start of the page before.
    public func previousPageTop(from top: Int) -> Int {
        let page = page(forTop: top)
        return self.top(ofPage: page) < top ? self.top(ofPage: page) : self.top(ofPage: page - 1)
    }

    /// The share (0-100) of the scrollable lines above a view whose top line is `top`.
    public func percent(forTop top: Int) -> Int {
        guard lastTop > 0 else { return 100 }
        return min(100, max(0, top) * 100 / lastTop)
    }
}
