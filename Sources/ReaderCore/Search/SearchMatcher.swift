/// Finds a query's terms in one document as the index does: each term a phrase of tokens at
/// consecutive positions (the last one a prefix where the term says so), in its column or in
/// any. The search that reads every file uses it, and the tests hold the index equal to it.
enum SearchMatcher {
    /// What a document holds of a query: how many matches (a term at one position of one column
    /// counts once), whether one is in the title, and the folded offset of the first.
    struct Match: Equatable {
        var count: Int
        var inTitle: Bool
        var first: Int
    }

    /// The match of every term in `document`, or nil when a term is missing.
    static func match(_ query: SearchQuery, in document: SearchDocument) -> Match? {
        document.folded.withUnsafeBytes { folded in
            var columns: [[SearchTokenizer.Token]?] = Array(repeating: nil, count: SearchDocument.Column.allCases.count)
            var total = Match(count: 0, inTitle: false, first: Int.max)
            for term in query.terms {
                var found = 0
                for column in SearchDocument.Column.allCases where term.column == nil || term.column == column {
                    let range = document.columns[column.rawValue]
                    if columns[column.rawValue] == nil {
                        columns[column.rawValue] = SearchTokenizer.tokens(of: UnsafeRawBufferPointer(rebasing: folded[range]), query: false)
                    }
                    let starts = phraseStarts(term, in: columns[column.rawValue]!, text: UnsafeRawBufferPointer(rebasing: folded[range]))
                    found += starts.count
                    if !starts.isEmpty && column == .title { total.inTitle = true }
                    if let first = starts.min() { total.first = min(total.first, range.lowerBound + first) }
                }
                if found == 0 { return nil }
                total.count += found
            }
            return total
        }
    }

    /// The byte offsets of the phrase's first token at each position where the phrase starts.
    static func phraseStarts(_ term: SearchQuery.Term, in tokens: [SearchTokenizer.Token], text: UnsafeRawBufferPointer) -> [Int] {
        guard let lastPosition = tokens.last?.position else { return [] }
        // The tokens at each position.
        var at = [[Int]](repeating: [], count: lastPosition + 1)
        for (index, token) in tokens.enumerated() { at[token.position].append(index) }
        func matches(_ index: Int, _ wanted: [UInt8], prefix: Bool) -> Bool {
            let range = tokens[index].range
            if prefix ? range.count < wanted.count : range.count != wanted.count { return false }
            return zip(text[range], wanted).allSatisfy { $0 == $1 }
        }
        var starts: [Int] = []
        for position in 0...lastPosition where position + term.tokens.count - 1 <= lastPosition {
            var first: Int?
            var all = true
            for (k, wanted) in term.tokens.enumerated() {
                let prefix = term.prefix && k == term.tokens.count - 1
                guard let hit = at[position + k].first(where: { matches($0, wanted, prefix: prefix) }) else { all = false; break }
                if k == 0 { first = tokens[hit].range.lowerBound }
            }
            if all, let first { starts.append(first) }
        }
        return starts
    }
}
