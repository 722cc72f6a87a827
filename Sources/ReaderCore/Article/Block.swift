/// One block of a saved page: a paragraph, heading, list item, quote, preformatted text, table
/// or rule, with the part of the page it belongs to. Text is sanitized. It holds no newline,
/// except in preformatted blocks, at a line break (`<br>`) and between table rows.
public struct Block: Equatable, Sendable {
    /// What the block is, which decides how it wraps.
    public enum Kind: String, Sendable, Codable {
        case paragraph, heading, listItem, quote, preformatted
        /// Rows separated by newlines, cells by tabs; laid out as aligned columns.
        case table
        /// A thematic break (`<hr>`, `---`); its text is empty.
        case rule
    }

    /// Which part of the page the block belongs to.
    public enum Role: String, Sendable, Codable {
        case title, metadata, body, references, chrome
    }

    public var kind: Kind
    public var role: Role
    public var text: String
    /// Links written inline (Markdown, HTML), with where their citation marker goes.
    public var inlineLinks: [InlineLink]
    /// How deeply the block is nested in lists, quotes and definitions (0 at the top).
    public var depth: Int
    /// Highlighted spans of `text` (`<mark>`, `==…==`), in UTF-16 offsets.
    public var highlights: [Range<Int>]

    public init(kind: Kind, role: Role = .body, text: String, inlineLinks: [InlineLink] = [], depth: Int = 0,
                highlights: [Range<Int>] = []) {
        self.kind = kind
        self.role = role
        self.text = text
        self.inlineLinks = inlineLinks
        self.depth = depth
        self.highlights = highlights
    }
}
