/// One row of an article laid out at a width: its text, how it is styled, and the text
/// offset it starts at (so a reading position survives re-wrapping).
public struct RenderedLine: Equatable, Sendable {
    /// How a line is drawn.
    public enum Style: String, Sendable {
        case title, metadata, heading, body, quote, code, chrome, references, blank
    }

    public var text: String
    public var width: Int
    public var style: Style
    /// The offset, in UTF-16 units of the article's document text, of the line's first character.
    public var offset: Int
    /// Where the document's text starts in `text` (UTF-16), after a list marker or quote bar.
    public var textStart: Int
    /// Highlighted spans of `text` (`<mark>`, `==…==`), in UTF-16 offsets.
    public var highlights: [Range<Int>] = []

    public init(text: String, width: Int, style: Style, offset: Int, textStart: Int = 0) {
        self.text = text
        self.width = width
        self.style = style
        self.offset = offset
        self.textStart = textStart
    }
}
