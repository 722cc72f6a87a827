/// A library search query: words that must all be found (AND), `"…"` for a phrase found as it
/// is written, and `tag:NAME` for an article's tag (`#NAME` in its metadata). `author:NAME` and
/// `source:NAME` (or `site:`) look for the name, which search reads in the article's metadata
/// line as in its text. Each term is folded as the text is (`TextFolder`).
public struct SearchQuery: Equatable, Sendable {
    /// The folded terms, the first one searched for first.
    public let terms: [[UInt8]]

    /// Why a query cannot be searched.
    public enum Failure: Error, CustomStringConvertible {
        case empty
        public var description: String { "the query is empty once folded; type some text to search for" }
    }

    public init(_ query: String) throws(Failure) {
        var terms: [[UInt8]] = []
        for word in Self.words(Sanitizer.line(query)) {
            let lower = word.lowercased()
            let named = Self.namePrefixes.first { lower.hasPrefix($0) }.map { String(word.dropFirst($0.count)) }
            let text = lower.hasPrefix("tag:") ? "#" + word.dropFirst(4) + " " : named ?? word
            let folded = TextFolder.fold(text)
            if !folded.isEmpty && folded != [0x20] && !terms.contains(folded) { terms.append(folded) }
        }
        guard !terms.isEmpty else { throw .empty }
        // The longest term first: it has the fewest matches to check the others against.
        self.terms = terms.sorted { $0.count > $1.count }
    }

    /// Prefixes that name where a word is looked for, and are dropped from it.
    static let namePrefixes = ["author:", "source:", "site:"]

    /// The query's words: split at spaces, except inside double quotes.
    static func words(_ query: String) -> [String] {
        var words: [String] = [], current = "", quoted = false
        for character in query {
            if character == "\"" || character == "“" || character == "”" {
                quoted.toggle()
            } else if character == " " && !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
