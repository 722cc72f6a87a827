import Foundation

/// The source URL and save date that saving tools write into a page's first comment: SingleFile's
/// header (`url: …`, `saved date: …`), Chrome's `<!-- saved from url=(0041)… -->` and monolith's
/// `<!-- Saved from … at … using monolith -->`.
struct SavedPageComment {
    var url: String?
    var saved: String?

    /// Reads the comment from the start of a page's text.
    init(_ head: Substring) {
        if let range = Self.find("Page saved with SingleFile", in: head) {
            let rest = head[range.upperBound...].prefix(4096)
            let end = Self.find("-->", in: rest)?.lowerBound ?? rest.endIndex
            for line in rest[..<end].split(whereSeparator: \.isNewline) {
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                if trimmed.hasPrefix("url:") { url = Self.firstWord(trimmed.dropFirst(4)) }
                if trimmed.hasPrefix("saved date:") {
                    saved = String(trimmed.dropFirst(11)).trimmedWhitespace
                }
            }
        } else if let range = Self.find("saved from url=(", in: head) {
            let rest = head[range.upperBound...]
            if let close = rest.firstIndex(of: ")") { url = Self.firstWord(rest[rest.index(after: close)...]) }
        } else if let range = Self.find("<!-- Saved from ", in: head) {
            let rest = head[range.upperBound...].prefix(4096)
            url = Self.firstWord(rest)
            if let at = Self.find(" at ", in: rest) {
                saved = Self.firstWord(rest[at.upperBound...])
            }
        }
        if let found = url, URLResolver.scheme(of: found) == nil { url = nil }
    }

    /// Where `needle` first occurs in `text`: a search of the bytes, as Foundation's is slow.
    static func find(_ needle: String, in text: Substring) -> Range<String.Index>? {
        let pattern = Array(needle.utf8)
        let found: Int?? = text.utf8.withContiguousStorageIfAvailable { buffer -> Int? in
            guard let base = buffer.baseAddress, let first = pattern.first else { return nil }
            var from = 0
            while from + pattern.count <= buffer.count,
                  let hit = memchr(base + from, Int32(first), buffer.count - from - pattern.count + 1) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + at, pattern, pattern.count) == 0 { return at }
                from = at + 1
            }
            return nil
        }
        guard let offset = found else { return text.range(of: needle) }
        guard let offset else { return nil }
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return start..<text.utf8.index(start, offsetBy: pattern.count)
    }

    private static func firstWord(_ text: Substring) -> String? {
        let word = text.drop { $0 == " " }.prefix { !$0.isWhitespace && $0 != "<" }
        let trimmed = word.hasSuffix("-->") ? word.dropLast(3) : word
        return trimmed.isEmpty ? nil : String(trimmed)
    }
}
