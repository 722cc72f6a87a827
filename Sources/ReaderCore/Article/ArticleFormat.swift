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
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "txt": self = .text
        case "md", "markdown": self = .markdown
        case "html", "htm", "xhtml": self = .html
        case "mhtml", "mht": self = .mhtml
        default: return nil
        }
    }

    /// Whether a file name's bytes end in one of these extensions: a cheap test, before the name
    /// is made text.
    static func hasArticleExtension(_ name: [UInt8]) -> Bool {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > 0, name.count - dot <= 9 else { return false }
        return ArticleFormat(fileName: "x." + String(decoding: name[(dot + 1)...], as: UTF8.self)) != nil
    }
}
