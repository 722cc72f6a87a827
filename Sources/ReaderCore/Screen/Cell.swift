/// One terminal cell: the code points drawn there (a base and any zero-width marks after
/// it), the columns it takes, and its style. The cell after a wide character is its
/// continuation: empty text, width 0.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var width: Int
    public var style: Style

    public init(text: String, width: Int, style: Style) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(text: " ", width: 1, style: .normal)
}
