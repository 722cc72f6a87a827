/// A library search query: words that must all be found (AND), `"…"` for a phrase, `tag:NAME`
/// for an article's tag, and `author:NAME`, `source:NAME` or `site:NAME` for a name in its about
/// line (author, site, source host). Each term is folded as the text is (`TextFolder`) and split
/// into the index's tokens (`SearchTokenizer`): a term of several tokens is a phrase.
public struct SearchQuery: Equatable, Sendable {
    /// One term: its tokens, in order, where they are looked for, and whether the last token
    /// need only begin a token of the text.
    struct Term: Equatable, Sendable {
        var tokens: [[UInt8]]
        var column: SearchDocument.Column?
        var prefix: Bool
    }

    let terms: [Term]

    /// Why a query cannot be searched.
    public enum Failure: Error, CustomStringConvertible {
        case empty
        public var description: String { "the query has no letters or digits to search for; type some text" }
    }

    /// The query; `typing` makes its last word a prefix (`lightho` finds `lighthouse`), as a
    /// search that runs with each key typed wants.
    public init(_ query: String, typing: Bool = false) throws(Failure) {
        var terms: [Term] = []
        for word in Self.words(Sanitizer.line(query)) {
            let lower = word.lowercased()
            var column: SearchDocument.Column?
            var text = Substring(word)
            if lower.hasPrefix("tag:") {
                column = .tags
                text = text.dropFirst(4)
            } else if let prefix = Self.namePrefixes.first(where: { lower.hasPrefix($0) }) {
                column = .about
                text = text.dropFirst(prefix.count)
            }
            let tokens = SearchTokenizer.queryTokens(TextFolder.fold(String(text)))
            guard let last = tokens.last else { continue }
            let term = Term(tokens: tokens, column: column, prefix: SearchTokenizer.isLoneCJK(last))
            if !terms.contains(term) { terms.append(term) }
        }
        guard !terms.isEmpty else { throw .empty }
        if typing, let last = terms.indices.last, query.last != " ", query.last != "\"" { terms[last].prefix = true }
        self.terms = terms
    }

    private init(terms: [Term]) { self.terms = terms }

    /// The query's last term as a short prefix (`ShortPrefixes`), if it is one: a single token of
    /// one or two letters or digits that need only begin a token, looked for in every column;
    /// with the query of the other terms, if there are any.
    var shortPrefix: (place: Int, rest: SearchQuery?)? {
        guard let last = terms.last, last.prefix, last.column == nil, last.tokens.count == 1,
              let place = ShortPrefixes.place(of: last.tokens[0]) else { return nil }
        return (place, terms.count > 1 ? SearchQuery(terms: Array(terms.dropLast())) : nil)
    }

    /// Prefixes that look for a name in the about line, and are dropped from it.
    static let namePrefixes = ["author:", "source:", "site:"]

    /// The query as an FTS5 MATCH expression: each term a quoted phrase of its tokens (which
    /// hold only letters, digits, marks and CJK, so need no escaping), joined by AND.
    var expression: String {
        terms.map { Self.phrase($0, in: $0.column) }.joined(separator: " AND ")
    }

    /// The expression of the matches that hold a term in the title, which rank above every match
    /// that does not: `expression` (a phrase a term), and then each term that may be in the
    /// title, looked for there, in phrases after those. Nil when no term may be in the title
    /// (each is looked for in another column).
    var titledExpression: String? {
        let titled = terms.filter { $0.column == nil }.map { Self.phrase($0, in: .title) }
        guard !titled.isEmpty else { return nil }
        return "(" + expression + ") AND (" + titled.joined(separator: " OR ") + ")"
    }

    /// A term as an FTS5 phrase, looked for in `column` (all when nil).
    private static func phrase(_ term: Term, in column: SearchDocument.Column?) -> String {
        let phrase = "\"" + term.tokens.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ") + "\""
        return (column.map { $0.name + " : " } ?? "") + phrase + (term.prefix ? " *" : "")
    }

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
