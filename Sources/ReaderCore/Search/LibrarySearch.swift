import Foundation

/// Search across the library: the articles that hold every term of a query (`SearchQuery`),
/// ranked by number of matches with title matches first, each with a snippet around its
/// first match.
///
/// `indexed` answers from the cache's folded text store without opening any article;
/// `scanned` reads every article. Both share the counting, ranking and snippets, and the
/// tests hold them equal.
public enum LibrarySearch {
    /// Searches the cache's stores (filled first where they lack an article, as `progress` hears;
    /// once it is cancelled the results are incomplete).
    public static func indexed(_ query: String, in library: Library, cache: LibraryCache, progress: WorkProgress? = nil)
        throws -> (results: [SearchResult], problems: [ArticleLoadError]) {
        let terms = try SearchQuery(query).terms
        let needle = terms[0]
        let (rows, problems, generation) = try library.rows(withText: true, progress: progress)
        if progress?.isCancelled == true { return ([], problems) }
        guard let folded = cache.mappedStore("folded", generation: generation), let text = cache.mappedStore("text", generation: generation) else {
            return (try scanned(query, in: library).results, problems)
        }
        let live = rows.filter { $0.folded != nil && $0.text != nil }.sorted { $0.folded!.lowerBound < $1.folded!.lowerBound }
        let starts = live.map { $0.folded!.lowerBound }
        var hits: [Int: [Int]] = [:]  // row index -> match offsets within its folded record
        for offset in ByteSearch.occurrences(of: needle, in: folded) {
            // The row whose record holds the match: the last starting at or before it.
            let found = starts.lastIndex(notAfter: offset) { $0 }
            guard !starts.isEmpty, starts[found] <= offset, let range = live[found].folded, offset + needle.count <= range.upperBound else { continue }
            hits[found, default: []].append(offset - range.lowerBound)
        }
        // In store order, on two threads, each letting go of the pages it has passed.
        let ordered = hits.compactMap { index, offsets in
            withOtherTerms(terms, offsets, in: UnsafeRawBufferPointer(rebasing: folded.bytes[live[index].folded!])).map { (key: index, value: $0) }
        }.sorted { $0.key < $1.key }
        let halves = [ordered[..<(ordered.count / 2)], ordered[(ordered.count / 2)...]]
        var parts = [[SearchResult]](repeating: [], count: 2)
        parts.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer  // each thread writes only its own slot
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                var releasedText = 0, releasedFolded = 0
                for (index, offsets) in halves[part] {
                    let row = live[index], textRange = row.text!, foldedRange = row.folded!
                    if textRange.lowerBound - releasedText > 8 << 20 {
                        text.release(releasedText..<textRange.lowerBound)
                        folded.release(releasedFolded..<foldedRange.lowerBound)
                        (releasedText, releasedFolded) = (textRange.lowerBound, foldedRange.lowerBound)
                    }
                    slots[part].append(result(id: row.id, title: row.title, folded: UnsafeRawBufferPointer(rebasing: folded.bytes[foldedRange]),
                                              text: UnsafeRawBufferPointer(rebasing: text.bytes[textRange]), offsets: offsets))
                }
            }
        }
        let results = parts[0] + parts[1]
        return (results.sorted(by: SearchResult.ranked), problems)
    }

    /// Reads every article of the library and searches it: the reference `indexed` must equal.
    public static func scanned(_ query: String, in library: Library) throws -> (results: [SearchResult], problems: [ArticleLoadError]) {
        let terms = try SearchQuery(query).terms
        let uncached = Library(root: library.root)
        let (rows, problems, _) = try uncached.rows()
        let scan = try LibraryScanner(root: library.root).scan()
        let files = Dictionary(uniqueKeysWithValues: scan.files.map { ($0.id, $0) })
        var results: [SearchResult] = []
        for row in rows {
            guard let file = files[row.id], let record = try? Library.searchRecord(for: file) else { continue }
            record.folded.withUnsafeBytes { folded in
                let first = ByteSearch.occurrences(of: terms[0], in: folded)
                guard !first.isEmpty, let offsets = withOtherTerms(terms, first, in: folded) else { return }
                record.text.withUnsafeBytes { text in
                    results.append(result(id: row.id, title: row.title, folded: folded, text: text, offsets: offsets))
                }
            }
        }
        return (results.sorted(by: SearchResult.ranked), problems)
    }

    /// The offsets of every term in a record where the first term is at `first`, or nil when
    /// another term is missing from it.
    static func withOtherTerms(_ terms: [[UInt8]], _ first: [Int], in record: UnsafeRawBufferPointer) -> [Int]? {
        var all = first
        for term in terms.dropFirst() {
            let found = ByteSearch.occurrences(of: term, in: record)
            if found.isEmpty { return nil }
            all += found
        }
        return all
    }

    /// One article's result from its folded record, original text and the offsets of its matches.
    static func result(id: String, title: String, folded: UnsafeRawBufferPointer, text: UnsafeRawBufferPointer,
                       offsets: [Int]) -> SearchResult {
        let titleEnd = folded.firstIndex(of: 0x0A) ?? folded.count
        let first = offsets.min() ?? 0
        return SearchResult(id: id, title: title, matches: offsets.count, snippet: snippet(text: text, folded: folded, at: first),
                            titleMatches: offsets.contains { $0 < titleEnd })
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
