/// One line of wrapped text, with where it starts in its paragraph.
public struct WrappedLine: Equatable, Sendable {
    /// The line's text, with no trailing spaces.
    public var text: String
    /// Its display width in columns.
    public var width: Int
    /// The UTF-16 offset in the paragraph where the line starts.
    public var start: Int

    public init(text: String, width: Int, start: Int) {
        self.text = text
        self.width = width
        self.start = start
    }
}
