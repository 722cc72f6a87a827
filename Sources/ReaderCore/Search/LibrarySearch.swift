import Foundation

/// Search across the library: the articles that hold every term of a query (`SearchQuery`),
/// ranked with title matches first, then by number of matches, then by id; the best of them
/// with a snippet around their first match.
///
/// `indexed` answers from the full-text index (`SearchIndex`), reading only the articles it has
/// not indexed as they are now; `scanned` reads every article and matches it with
/// `SearchMatcher`. The tests hold them equal.
public enum LibrarySearch {
    /// How many articles match, the best of them, and the files that could not be read.
    public struct Answer: Sendable {
        public var count: Int
        public var results: [SearchResult]
        public var problems: [ArticleLoadError]
        /// Why the index had to be built again, if it had.
        public var notice: String?
    }

    /// Which articles a search covers, and what is known of the index.
    public enum Scope: Sendable {
        /// The library as it is now (its list is read first).
        case library
        /// These rows, which the index may lack or hold older versions of.
        case rows([CachedArticle])
        /// These rows, all indexed as they are (an update of the index has just finished with them).
        case indexed([CachedArticle])
    }

    /// Searches with the index. With `update`, new and changed articles are indexed first (as
    /// `progress` hears; once it is cancelled, what was indexed stays and nothing is answered);
    /// without it, articles the index lacks are read and matched here (a `searching` stage of
    /// `progress`), so the answer is the same, only slower. `limit` results (all when nil), with
    /// snippets unless `snippets` is false (then with no titles either: the ids, counts and ranks
    /// the list needs); `typing` as `SearchQuery` has it. A `lazy` search of the library answers
    /// from the index alone while every folder stands as the last full check recorded it and the
    /// index holds the rows it listed (`FolderStamps`): no file is looked at, and an edit in
    /// place goes unseen.
    public static func indexed(_ query: String, in library: Library, cache: LibraryCache, scope: Scope = .library,
                               limit: Int? = nil, snippets: Bool = true, typing: Bool = false, update: Bool = true,
                               lazy: Bool = false, progress: WorkProgress? = nil) throws -> Answer {
        let query = try SearchQuery(query, typing: typing)
        let index = try cache.index()
        var rows: [CachedArticle] = [], problems: [ArticleLoadError] = [], current = false, trusted = false
        switch scope {
        case .library:
            if lazy, let folders = library.standingFolders(), (try? index.holds(signature: folders.signature)) == true {
                (current, trusted) = (true, true)
            } else {
                (rows, problems) = try library.rows(progress: progress)
            }
        case .rows(let given): rows = given
        case .indexed(let given): (rows, current) = (given, true)
        }
        do {
            return try answer(query, rows: rows, current: current, problems: problems, index: index, root: library.root,
                              limit: limit, snippets: snippets, update: update, progress: progress)
        } catch let error as SQLiteError where error.isCorruption {
            // Damage found in use: the index is derived data, so start it again, once.
            if trusted { (rows, problems) = try library.rows(progress: progress) }
            return try answer(query, rows: rows, current: false, problems: problems, index: SearchIndex.replacing(index, after: error),
                              root: library.root, limit: limit, snippets: snippets, update: update, progress: progress)
        }
    }

    /// The articles that match `query` as it is typed (its last word a prefix), by the keys of
    /// their ids, from the index alone through the keys `keys` read of it: unranked, for the list
    /// to narrow in its own order, or `ranked` (Enter's answer, `reader_rank`). Nil when the index
    /// no longer holds what it held then: `indexed` answers instead. Once `progress` is
    /// cancelled, the query is interrupted and fails. What the query and its connection freed is
    /// given back (each search runs on a thread of its own, whose arena would keep it).
    public static func matched(_ query: String, cache: LibraryCache, keys: IndexKeys, ranked: Bool = false,
                               progress: WorkProgress? = nil) throws -> MatchedArticles? {
        defer { FreedMemory.release() }
        return try cache.index().matches(SearchQuery(query, typing: true), keys: keys, ranked: ranked, progress: progress)
    }

    /// `indexed`'s answer from `index`, given the library's rows (`current`: all indexed as they are).
    private static func answer(_ query: SearchQuery, rows: [CachedArticle], current: Bool, problems: [ArticleLoadError],
                               index: SearchIndex, root: String, limit: Int?, snippets: Bool, update: Bool,
                               progress: WorkProgress?) throws -> Answer {
        var problems = problems
        // Rows the index was found to hold, as they are: nothing to read or compare (an update
        // looks for itself).
        let current = try current || (!update && index.holds(rows))
        if current || update {
            if !current, progress?.isCancelled != true {
                problems += try index.update(rows, root: root, progress: progress).map(\.problem)
            }
            if progress?.isCancelled == true { return Answer(count: 0, results: [], problems: problems, notice: index.rebuilt) }
            // Current, or brought up to date: the index holds every readable row as it is.
            let answer = try index.search(query, limit: limit, titles: snippets)
            return Answer(count: answer.count, results: try withSnippets(answer.hits.map { ($0, nil) }, snippets, query, index),
                          problems: problems, notice: index.rebuilt)
        }
        let stamps = try index.stamps()
        // Only what the index holds of the files as they are now, and the rest read here.
        var unindexed: [CachedArticle] = [], fresh = Set<String>()
        for row in rows {
            if stamps.stamp(of: row.id) == SearchIndex.stampHash(row) { fresh.insert(row.id) } else { unindexed.append(row) }
        }
        var found: [(hit: SearchIndex.Hit, document: SearchDocument?)] =
            try index.search(query, limit: nil, titles: snippets).hits.filter { fresh.contains($0.id) }.map { ($0, nil) }
        progress?.begin("searching", total: unindexed.count)
        for (hit, document) in matches(query, in: unindexed, root: root, progress: progress) { found.append((hit, document)) }
        found.sort { ranked($0.hit, $1.hit) }
        let count = found.count
        if let limit { found = Array(found.prefix(limit)) }
        return Answer(count: count, results: try withSnippets(found, snippets, query, index), problems: problems,
                      notice: index.rebuilt)
    }

    /// The results of what was found, with snippets (from the document read, else the text indexed) when asked for.
    private static func withSnippets(_ found: [(hit: SearchIndex.Hit, document: SearchDocument?)], _ snippets: Bool,
                                     _ query: SearchQuery, _ index: SearchIndex) throws -> [SearchResult] {
        try found.map { hit, document throws -> SearchResult in
            if snippets, let document { return result(hit, document, query) }
            guard snippets, let text = try index.text(of: hit.id) else {
                return SearchResult(id: hit.id, title: snippets ? hit.title : "", matches: hit.matches, snippet: "",
                                    titleMatches: hit.inTitle)
            }
            let (lead, first) = leadingDocument(holdingFirstMatchOf: query, in: text)
            return result(hit, lead, first: first)
        }
    }

    /// The document of `text`'s first lines that holds the first match of `query` (its first
    /// 4 KB, four times more each time until a match is in them: a long article is seldom
    /// folded whole), and that match's folded offset; the whole document and 0 if there is none.
    ///
    /// Cut at a line's end, the lines hold every match that ends in them, and no match that starts
    /// earlier runs past the cut: an occurrence of a term that crosses it starts after every
    /// other occurrence of that term that ends before it. So the first match is the whole text's.
    static func leadingDocument(holdingFirstMatchOf query: SearchQuery, in text: [UInt8]) -> (SearchDocument, first: Int) {
        var length = 4_096
        while true {
            let cut = length >= text.count ? text.count : text[length...].firstIndex(of: 0x0A) ?? text.count
            let document = SearchDocument(text: cut == text.count ? text : Array(text[..<cut]))
            if let match = SearchMatcher.match(query, in: document) { return (document, match.first) }
            if cut == text.count { return (document, 0) }
            length *= 4
        }
    }

    /// Reads every article of the library and matches it: the reference `indexed` must equal.
    public static func scanned(_ query: String, in library: Library, limit: Int? = nil, typing: Bool = false) throws -> Answer {
        let query = try SearchQuery(query, typing: typing)
        let (rows, problems) = try Library(root: library.root).rows()
        let found = matches(query, in: rows, root: library.root).sorted { ranked($0.hit, $1.hit) }
        let best = limit.map { Array(found.prefix($0)) } ?? found
        return Answer(count: found.count, results: best.map { result($0.hit, $0.document, query) }, problems: problems)
    }

    /// The articles of `rows` that match, read from their files (on all cores, a step of
    /// `progress` each, until it is cancelled), with their documents.
    static func matches(_ query: SearchQuery, in rows: [CachedArticle], root: String, progress: WorkProgress? = nil)
        -> [(hit: SearchIndex.Hit, document: SearchDocument)] {
        let files = rows.map { LibraryFile(id: $0.id, path: root + "/" + $0.id, format: $0.format, size: $0.size, modified: $0.modified) }
        let documents = Library.parallel(files, progress: progress) { file throws(ArticleLoadError) in SearchDocument(text: try Library.searchText(for: file)) }
        return zip(rows, documents).compactMap { row, document in
            guard case .success(let document)? = document, let match = SearchMatcher.match(query, in: document) else { return nil }
            return (SearchIndex.Hit(id: row.id, title: row.title, matches: match.count, inTitle: match.inTitle), document)
        }
    }

    /// Title matches first, then more matches, then by id (byte order, as SQLite sorts).
    static func ranked(_ a: SearchIndex.Hit, _ b: SearchIndex.Hit) -> Bool {
        if a.inTitle != b.inTitle { return a.inTitle }
        if a.matches != b.matches { return a.matches > b.matches }
        return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
    }

    /// One article's result, its snippet around the first match in its document.
    static func result(_ hit: SearchIndex.Hit, _ document: SearchDocument, _ query: SearchQuery) -> SearchResult {
        result(hit, document, first: SearchMatcher.match(query, in: document)?.first ?? 0)
    }

    /// One article's result, its snippet around the match at folded offset `first` of its document.
    static func result(_ hit: SearchIndex.Hit, _ document: SearchDocument, first: Int) -> SearchResult {
        let snippet = document.text.withUnsafeBytes { text in
            document.folded.withUnsafeBytes { folded in Self.snippet(text: text, folded: folded, at: first) }
        }
        return SearchResult(id: hit.id, title: hit.title, matches: hit.matches, snippet: snippet, titleMatches: hit.inTitle)
    }

    /// About 70 columns of the original line holding the match at folded offset `at`, from a
    /// little before the match.
    static func snippet(text: UnsafeRawBufferPointer, folded: UnsafeRawBufferPointer, at: Int) -> String {
        let lineStart = folded[..<at].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let lineNumber = folded[..<lineStart].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        // The same line of the original text, found by its newlines.
        var start = 0, seen = 0
        while seen < lineNumber, let newline = text[start...].firstIndex(of: 0x0A) { start = newline + 1; seen += 1 }
        guard seen == lineNumber else { return "" }
        let end = text[start...].firstIndex(of: 0x0A) ?? text.count
        let foldedEnd = folded[at...].firstIndex(of: 0x0A) ?? folded.count
        let target = at - lineStart
        // Folding keeps the byte length of ASCII, CJK, kana and Hangul: when the line kept its
        // length, the match is at the same byte; otherwise fold the line up to it.
        let line: [Unicode.Scalar]
        var hit = 0
        var clipped = false  // whether `line` starts after the line's start
        if foldedEnd - lineStart == end - start {
            var windowStart = start + max(0, target - 160)
            while windowStart > start && text[windowStart] & 0xC0 == 0x80 { windowStart -= 1 }
            clipped = windowStart > start
            line = Array(String(decoding: text[windowStart..<min(end, start + target + 480)], as: UTF8.self).unicodeScalars)
            var bytes = windowStart - start
            while hit < line.count && bytes < target { bytes += line[hit].utf8.count; hit += 1 }
        } else {
            line = Array(String(decoding: text[start..<end], as: UTF8.self).unicodeScalars)
            var length = 0
            var lengths: [Unicode.Scalar: Int] = [:]  // the same punctuation recurs: fold it once
            while hit < line.count, length < target {
                let scalar = line[hit]
                if scalar.value < 0x80 || TextFolder.isStable(scalar.value) {
                    length += scalar.utf8.count
                } else if let known = lengths[scalar] {
                    length += known
                } else {
                    let folded = TextFolder.foldedLength(of: scalar)
                    lengths[scalar] = folded
                    length += folded
                }
                hit += 1
            }
        }
        var from = hit, before = 0
        while from > 0 && before < 20 {
            from -= 1
            before += max(DisplayWidth.of(line[from]), 0)
        }
        var out = from > 0 || clipped ? "…" : ""
        var width = 0
        for scalar in line[from...] {
            let w = max(DisplayWidth.of(scalar), 0)
            if width + w > 70 { out += "…"; break }
            out.unicodeScalars.append(scalar)
            width += w
        }
        return out
    }
}
