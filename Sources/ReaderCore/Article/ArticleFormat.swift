/// The file formats the library reads, by extension.
public enum ArticleFormat: String, Sendable, Codable {
    case text = "txt"
    case markdown = "md"
    /// `.html`, `.htm`, `.xhtml`: a saved web page.
    case html
    /// `.mhtml`, `.mht`: a web page saved as one MIME archive.
    case mhtml

    /// The format of a file named `name`, or nil for files the library skips.
    public init?(fileName name: String) {
        guard let format = Self.format(ofName: name.utf8) else { return nil }
        self = format
    }

    /// Whether a file name's bytes end in one of these extensions: a cheap test, before the name
    /// is made text.
    static func hasArticleExtension(_ name: [UInt8]) -> Bool { format(ofName: name) != nil }

    /// The format a name's extension (its bytes after the last dot, ASCII case ignored) says.
    private static func format<Name: BidirectionalCollection<UInt8>>(ofName name: Name) -> ArticleFormat? {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > name.startIndex else { return nil }
        let suffix = name[name.index(after: dot)...]
        guard suffix.count <= 8, suffix.allSatisfy({ $0 < 0x80 }) else { return nil }
        // At most 8 ASCII bytes: a small string, made without an allocation.
        switch String(decoding: suffix.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self) {
        case "txt": return .text
        case "md", "markdown": return .markdown
        case "html", "htm", "xhtml": return .html
        case "mhtml", "mht": return .mhtml
        default: return nil
        }
    }
}
