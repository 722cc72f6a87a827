/// Where the panes go at a terminal size. From 100 columns the three panes show together:
/// the list on the left third, the body on the right, the links under the body (beside it
/// from 160 columns). Narrower, one pane fills the screen and Tab switches. The last row is
/// the status line. Each pane's first row is its title.
public struct PaneLayout: Equatable, Sendable {
    public static let minimumWidth = 20
    public static let minimumHeight = 6
    public static let splitWidth = 100
    public static let besideWidth = 160

    public var list: Rect?
    public var body: Rect?
    public var links: Rect?
    /// Column separators and row separators to draw, as rects of border cells.
    public var borders: [Rect] = []
    public var statusRow: Int
    public var isSplit: Bool

    /// The layout at `width`×`height` with `focus` shown when only one pane fits.
    public init(width: Int, height: Int, focus: Pane) {
        let usable = max(0, height - 1)
        statusRow = max(0, height - 1)
        isSplit = width >= Self.splitWidth
        guard isSplit else {
            let whole = Rect(x: 0, y: 0, width: width, height: usable)
            switch focus {
            case .list: list = whole
            case .body: body = whole
            case .links: links = whole
            }
            return
        }
        let listWidth = width / 3
        list = Rect(x: 0, y: 0, width: listWidth, height: usable)
        borders.append(Rect(x: listWidth, y: 0, width: 1, height: usable))
        let right = Rect(x: listWidth + 1, y: 0, width: width - listWidth - 1, height: usable)
        if width >= Self.besideWidth {
            let linksWidth = min(56, right.width / 3)
            body = Rect(x: right.x, y: 0, width: right.width - linksWidth - 1, height: usable)
            borders.append(Rect(x: right.x + right.width - linksWidth - 1, y: 0, width: 1, height: usable))
            links = Rect(x: right.x + right.width - linksWidth, y: 0, width: linksWidth, height: usable)
        } else {
            let linksHeight = max(3, usable / 4)
            body = Rect(x: right.x, y: 0, width: right.width, height: usable - linksHeight)
            links = Rect(x: right.x, y: usable - linksHeight, width: right.width, height: linksHeight)
        }
    }

    /// The columns body text wraps at: the body pane less a margin on each side.
    public var bodyTextWidth: Int { max(2, (body?.width ?? 0) - 2) }

    /// Rows of content in a pane (its title row left out).
    public static func contentRows(_ rect: Rect?) -> Int { max(1, (rect?.height ?? 1) - 1) }
}
