/// Text exports that say what they hold in their own headers, read by those headers instead of
/// reader mode:
/// - **newsboat's saved article:** `Feed:`, `Title:`, `Author:`, `Date:`, `Link:` lines, a blank
///   line, the body with `[n]` after each link, then `Links:` and lines `[n]: URL (type)`. The
///   body's `[n]` become its inline links, numbered again with the rest.
/// - **wallabag's TXT export:** the title between two rows of `=`, then the article.
enum TextExport {
    /// The blocks, title and metadata of `text` (sanitized) if it is a known export.
    static func parse(_ text: String) -> (blocks: [Block], result: ReaderMode.Result)? {
        // Both start with a header line: most texts are told apart by their first bytes.
        let start = text.utf8.prefix(256).drop { $0 == 0x0A || $0 == 0x20 || $0 == 0x0D }
        guard newsboatFields.contains(where: { start.starts(with: ($0 + ":").utf8) }) || start.starts(with: "===".utf8) else {
            return nil
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmedSpaces }
        return newsboat(lines) ?? wallabag(lines)
    }

    /// The header fields newsboat writes, in its order.
    static let newsboatFields = ["Feed", "Title", "Author", "Date", "Link"]

    private static func newsboat(_ lines: [String]) -> (blocks: [Block], result: ReaderMode.Result)? {
        var fields: [String: String] = [:]
        var index = 0
        while index < lines.count, let colon = lines[index].firstIndex(of: ":"),
              newsboatFields.contains(String(lines[index][..<colon])) {
            fields[String(lines[index][..<colon])] = lines[index][lines[index].index(after: colon)...].trimmedSpaces
            index += 1
        }
        guard let title = fields["Title"], fields["Link"] != nil || fields["Feed"] != nil,
              index < lines.count, lines[index].isEmpty else { return nil }
        let header = lines[..<index].map {
            Block(kind: .paragraph, role: $0.hasPrefix("Title:") ? .title : .metadata, text: $0)
        }
        let linksStart = lines[index...].lastIndex { $0 == "Links:" } ?? lines.count
        var urls: [Int: String] = [:]
        var references: [Block] = []
        for line in lines[min(linksStart, lines.count)...].dropFirst() where !line.isEmpty {
            references.append(Block(kind: .paragraph, role: .references, text: line))
            if let (n, url) = reference(line) { urls[n] = url }
        }
        let body = PlainTextParser.blocks(lines[index..<linksStart].joined(separator: "\n")).map { cited($0, urls: urls) }
        var result = ReaderMode.Result(title: title, metadata: ArticleMetadata())
        result.metadata.author = fields["Author"].flatMap { $0.isEmpty ? nil : $0 }
        result.metadata.date = fields["Date"].flatMap(MetadataScanner.date(in:))
        result.metadata.source = fields["Link"].flatMap { URLScanner.urls(in: $0).first?.url }
        result.metadata.site = fields["Feed"].flatMap { $0.isEmpty ? nil : $0 }
        let links = linksStart < lines.count ? [Block(kind: .heading, role: .references, text: "Links")] : []
        return (header + body + links + references, result)
    }

    /// `[3]: https://example.com/a (link)` → (3, the URL).
    private static func reference(_ line: String) -> (Int, String)? {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]"),
              let n = Int(line[line.index(after: line.startIndex)..<close]),
              let url = URLScanner.urls(in: String(line[close...])).first?.url else { return nil }
        return (n, url)
    }

    /// `block` with newsboat's `[n]` marks taken out of its text and made its inline links.
    private static func cited(_ block: Block, urls: [Int: String]) -> Block {
        guard !urls.isEmpty, block.text.contains("[") else { return block }
        var units: [UInt16] = [], links: [InlineLink] = []
        let text = Array(block.text.utf16)
        var i = 0
        while i < text.count {
            if text[i] == 0x5B, let close = text[(i + 1)...].prefix(6).firstIndex(of: 0x5D),
               let n = Int(String(decoding: text[(i + 1)..<close], as: UTF16.self)), let url = urls[n] {
                links.append(InlineLink(url: url, label: "", markerOffset: units.count))
                i = close + 1
                continue
            }
            units.append(text[i])
            i += 1
        }
        var out = block
        out.text = String(decoding: units, as: UTF16.self)
        out.inlineLinks = links
        return out
    }

    private static func wallabag(_ lines: [String]) -> (blocks: [Block], result: ReaderMode.Result)? {
        let start = lines.firstIndex { !$0.isEmpty } ?? lines.count
        guard start + 2 < lines.count, isRule(lines[start]), !lines[start + 1].isEmpty, isRule(lines[start + 2]) else {
            return nil
        }
        let title = lines[start + 1]
        let body = PlainTextParser.blocks(lines[(start + 3)...].joined(separator: "\n"))
        let heading = Block(kind: .heading, role: .title, text: title)
        return ([heading] + body, ReaderMode.Result(title: title, metadata: ArticleMetadata()))
    }

    private static func isRule(_ line: String) -> Bool { line.count >= 3 && line.allSatisfy { $0 == "=" } }
}
