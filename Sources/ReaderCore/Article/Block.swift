/// One block of a saved page: a paragraph, heading, list item, quote or preformatted text,
/// with the part of the page it belongs to. Text is sanitized and holds no newline,
/// except in preformatted blocks.
public struct Block: Equatable, Sendable {
    /// What the block is, which decides how it wraps.
    public enum Kind: String, Sendable, Codable {
        case paragraph, heading, listItem, quote, preformatted
    }

    /// Which part of the page the block belongs to.
    public enum Role: String, Sendable, Codable {
        case title, metadata, body, references, chrome
    }

    public var kind: Kind
    public var role: Role
    public var text: String
    /// Links written inline (Markdown), with where their citation marker goes.
    public var inlineLinks: [InlineLink]

    public init(kind: Kind, role: Role = .body, text: String, inlineLinks: [InlineLink] = []) {
        self.kind = kind
        self.role = role
        self.text = text
        self.inlineLinks = inlineLinks
    }
}
