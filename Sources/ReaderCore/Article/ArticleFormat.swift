/// The file formats the library reads, by extension.
public enum ArticleFormat: String, Sendable, Codable {
    case text = "txt"
    case markdown = "md"

    /// The format of a file named `name`, or nil for files the library skips.
    public init?(fileName name: String) {
        let lower = name.lowercased()
        if lower.hasSuffix(".txt") { self = .text } else if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { self = .markdown } else { return nil }
    }
}
