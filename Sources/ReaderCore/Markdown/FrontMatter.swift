import Yams

/// The YAML front matter of a Markdown clipping: title, source, saved date, author, tags.
public struct FrontMatter: Equatable, Sendable {
    public var title: String?
    public var source: String?
    public var saved: String?
    public var author: String?
    public var tags: [String] = []

    /// Splits `text` into its front matter (if it opens with a `---` block that parses) and the rest.
    /// A block that does not parse as YAML is dropped from the body and yields no fields.
    public static func split(_ text: String) -> (FrontMatter?, Substring) {
        guard text.hasPrefix("---\n") else { return (nil, Substring(text)) }
        let afterOpen = text.index(text.startIndex, offsetBy: 4)
        var searchStart = afterOpen
        while let newline = text[searchStart...].firstIndex(of: "\n") ?? (searchStart < text.endIndex ? text.endIndex : nil) {
            let line = text[searchStart..<newline]
            if line == "---" || line == "..." {
                let yaml = String(text[afterOpen..<searchStart])
                let rest = newline < text.endIndex ? text[text.index(after: newline)...] : Substring("")
                return (parse(yaml), rest)
            }
            if newline == text.endIndex { break }
            searchStart = text.index(after: newline)
        }
        return (nil, Substring(text))
    }

    /// An Obsidian `[[Note]]` or `[[Note|Alias]]` value as its text (clippers link authors so).
    static func unlinked(_ value: String) -> String {
        let value = value.trimmingCharacters(in: .whitespaces)
        guard value.hasPrefix("[["), value.hasSuffix("]]") else { return value }
        let inner = value.dropFirst(2).dropLast(2)
        return String(inner.split(separator: "|").last ?? inner)
    }

    /// The fields of a YAML mapping, read as plain strings (dates stay as written).
    static func parse(_ yaml: String) -> FrontMatter? {
        // The basic resolver reads every scalar as a string: dates stay as written, and no
        // regular expression runs per value.
        guard let node = try? Yams.compose(yaml: yaml, .basic, .default, .utf8),
              let mapping = node.mapping else { return FrontMatter() }
        func string(_ keys: String...) -> String? {
            for key in keys {
                if let value = mapping[key],
                   let s = value.string.map(unlinked)
                       ?? value.sequence?.compactMap(\.string).map(unlinked).joined(separator: ", ") {
                    let clean = Sanitizer.line(s).trimmingCharacters(in: .whitespaces)
                    if !clean.isEmpty { return clean }
                }
            }
            return nil
        }
        var matter = FrontMatter()
        matter.title = string("title")
        matter.source = string("source", "url", "link", "original_url", "canonical")
        matter.saved = string("saved", "date", "created", "published").map { MetadataScanner.date(in: $0) ?? $0 }
        matter.author = string("author", "authors", "by")
        if let tags = mapping["tags"] {
            if let list = tags.sequence {
                matter.tags = list.compactMap(\.string).map(Sanitizer.line)
            } else if let s = tags.string {
                matter.tags = s.split(whereSeparator: { $0 == "," || $0 == " " }).map { Sanitizer.line(String($0)) }
            }
        }
        return matter
    }
}
