import Foundation

/// What a page says about itself: where it came from, when, and who wrote it.
public struct ArticleMetadata: Equatable, Sendable {
    /// The page's own URL, from front matter or a "source" line.
    public var source: String?
    /// The date, as `YYYY-MM-DD`.
    public var date: String?
    public var author: String?
    public var tags: [String]
    /// The site's own name (`og:site_name`), shown instead of the source's host.
    public var site: String?
    /// The page's language (`<html lang>`).
    public var language: String?
    /// How long the article takes to read, in minutes (`ReadingTime`).
    public var minutes: Int?

    public init(source: String? = nil, date: String? = nil, author: String? = nil, tags: [String] = []) {
        self.source = source
        self.date = date
        self.author = author
        self.tags = tags
    }

    /// The metadata line under the title: date, author, site name or source host, reading time,
    /// tags; empty parts left out.
    public var line: String {
        var parts: [String] = []
        if let date { parts.append(date) }
        if let author { parts.append(author) }
        if let site { parts.append(site) } else if let source { parts.append(Self.host(of: source) ?? source) }
        if let minutes { parts.append("\(minutes) min") }
        if !tags.isEmpty { parts.append(tags.map { "#" + $0 }.joined(separator: " ")) }
        return parts.joined(separator: " · ")
    }

    /// The UTF-16 ranges of a metadata `line` the wrapper keeps on one line: the reading time
    /// (`12 min`) and each hashtag.
    public static func unbrokenRanges(in line: String) -> [Range<Int>] {
        var ranges = tagRanges(in: line)
        let units = Array(line.utf16), suffix = Array(" min".utf16)
        var index = 0
        while index < units.count {
            guard (0x30...0x39).contains(units[index]) else { index += 1; continue }
            let start = index
            while index < units.count, (0x30...0x39).contains(units[index]) { index += 1 }
            if units[index...].starts(with: suffix) { ranges.append(start..<(index + suffix.count)) }
        }
        return ranges
    }

    /// The UTF-16 ranges of the hashtags at the end of a metadata `line` (`#a #b c`), each from
    /// its `#` to the space before the next.
    static func tagRanges(in line: String) -> [Range<Int>] {
        let units = Array(line.utf16), separator = Array(" · #".utf16)
        var start: Int?
        if units.first == 0x23 {
            start = 0
        } else if units.count >= separator.count {
            start = (0...(units.count - separator.count)).last { units[$0..<($0 + separator.count)].elementsEqual(separator) }
                .map { $0 + separator.count - 1 }
        }
        guard var from = start else { return [] }
        var ranges: [Range<Int>] = []
        for index in (from + 1)..<max(from + 1, units.count) where units[index] == 0x23 && units[index - 1] == 0x20 {
            ranges.append(from..<(index - 1))
            from = index
        }
        ranges.append(from..<units.count)
        return ranges
    }

    /// The site's name, else the source URL's host: what the list's site column shows.
    public var siteName: String? { site ?? source.flatMap { Self.host(of: $0) } }

    /// The host of an http(s) URL.
    static func host(of url: String) -> String? {
        guard let range = url.range(of: "://") else { return nil }
        let host = url[range.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return host.isEmpty ? nil : String(host)
    }
}
