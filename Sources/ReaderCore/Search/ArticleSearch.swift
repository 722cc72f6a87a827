/// Search inside one article as laid out: every match, with where it shows in the wrapped
/// lines, for highlighting, n/N and a counter. Queries and text are folded alike (`TextFolder`).
public struct ArticleSearch: Equatable, Sendable {
    /// A match: its range in the document, and the pieces of it on each line it spans.
    public struct Match: Equatable, Sendable {
        /// UTF-16 offsets in the layout's document.
        public var range: Range<Int>
        public var pieces: [Piece]
        /// The first line it shows on.
        public var line: Int { pieces.first?.line ?? 0 }
    }

    /// Part of a match on one line: UTF-16 offsets into that line's text.
    public struct Piece: Equatable, Sendable {
        public var line: Int
        public var range: Range<Int>
    }

    public let query: String
    public let matches: [Match]

    /// The folded document of a layout, kept so each new query costs one byte search.
    public struct Index: Sendable {
        let bytes: [UInt8]
        let origins: [Int32]

        /// The fold of a document: the same at every width, so it outlives a resize.
        public init(_ document: ArticleDocument) {
            (bytes, origins) = TextFolder.foldWithOrigins(document.text)
        }

        public init(_ layout: ArticleLayout) {
            self.init(layout.document)
        }
    }

    /// Every match of `query` in `layout`, in reading order; none for a query that folds to nothing.
    public init(query: String, in layout: ArticleLayout, index: Index? = nil) {
        self.query = query
        let index = index ?? Index(layout)
        let needle = TextFolder.fold(Sanitizer.line(query))
        var matches: [Match] = []
        for start in ByteSearch.occurrences(of: needle, in: index.bytes) {
            let end = start + needle.count
            let from = Int(index.origins[start])
            // The match ends where the folded text after it begins.
            let to = end < index.origins.count ? max(Int(index.origins[end]), from + 1) : layout.length
            matches.append(Match(range: from..<to, pieces: Self.pieces(of: from..<to, in: layout)))
        }
        self.matches = matches
    }

    /// The parts of a document range on each line it covers.
    static func pieces(of range: Range<Int>, in layout: ArticleLayout) -> [Piece] {
        var pieces: [Piece] = []
        var index = layout.lineIndex(forOffset: range.lowerBound)
        while index < layout.lines.count {
            let line = layout.lines[index]
            if line.offset >= range.upperBound { break }
            if line.style != .blank {
                let visible = line.text.utf16.count - line.textStart
                let start = max(range.lowerBound, line.offset), end = min(range.upperBound, line.offset + visible)
                if start < end {
                    pieces.append(Piece(line: index, range: (line.textStart + start - line.offset)..<(line.textStart + end - line.offset)))
                }
            }
            index += 1
        }
        return pieces
    }

    /// The index of the first match at or after line `line`, wrapping to the first.
    public func first(atOrAfterLine line: Int) -> Int? {
        guard !matches.isEmpty else { return nil }
        return matches.firstIndex { $0.pieces.contains { $0.line >= line } } ?? 0
    }
}
