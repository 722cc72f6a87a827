import Foundation

/// The source URL and save date that saving tools write into a page's first comment: SingleFile's
/// header (`url: …`, `saved date: …`), Chrome's `<!-- saved from url=(0041)… -->` and monolith's
/// `<!-- Saved from … at … using monolith -->`.
struct SavedPageComment {
    var url: String?
    var saved: String?

    /// Reads the comment from the start of a page's text.
    init(_ head: Substring) {
        if let range = head.range(of: "Page saved with SingleFile") {
            let rest = head[range.upperBound...].prefix(4096)
            let end = rest.range(of: "-->")?.lowerBound ?? rest.endIndex
            for line in rest[..<end].split(whereSeparator: \.isNewline) {
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                if trimmed.hasPrefix("url:") { url = Self.firstWord(trimmed.dropFirst(4)) }
                if trimmed.hasPrefix("saved date:") { saved = String(trimmed.dropFirst(11)).trimmingCharacters(in: .whitespaces) }
            }
        } else if let range = head.range(of: "saved from url=(") {
            let rest = head[range.upperBound...]
            if let close = rest.firstIndex(of: ")") { url = Self.firstWord(rest[rest.index(after: close)...]) }
        } else if let range = head.range(of: "<!-- Saved from ") {
            let rest = head[range.upperBound...].prefix(4096)
            url = Self.firstWord(rest)
            if let at = rest.range(of: " at ") {
                saved = Self.firstWord(rest[at.upperBound...])
            }
        }
        if let found = url, URLResolver.scheme(of: found) == nil { url = nil }
    }

    private static func firstWord(_ text: Substring) -> String? {
        let word = text.drop { $0 == " " }.prefix { !$0.isWhitespace && $0 != "<" }
        let trimmed = word.hasSuffix("-->") ? word.dropLast(3) : word
        return trimmed.isEmpty ? nil : String(trimmed)
    }
}
