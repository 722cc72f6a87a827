/// The key (`MatchedArticles.key`) of each article an index holds, by rowid, read at one moment
/// of the index: what lets the reader's searches answer with the keys of the rows FTS5 gives,
/// and look up no id. Good only while the index holds what it held then (`version`:
/// the index's own mark and the rows it recorded holding), which `SearchIndex.matches` checks.
public struct IndexKeys: Sendable {
    /// Ascending, each with the key at its place in `keys`.
    let rowids: [Int64]
    let keys: [UInt64]
    let version: String

    /// How many articles the index holds.
    public var count: Int { rowids.count }

    /// The articles of `matched`, rowids in ascending order, with their `ranks` (one each) if
    /// given: one walk beside `rowids`.
    func articles(_ matched: [Int64], ranks: [Int64]? = nil) -> MatchedArticles {
        var found = MatchedArticles(keys: [], capacity: matched.count, ranked: ranks != nil), place = 0
        for (index, rowid) in matched.enumerated() {
            while place < rowids.count && rowids[place] < rowid { place += 1 }
            if place < rowids.count && rowids[place] == rowid { found.insert(keys[place], rank: ranks?[index] ?? 0) }
        }
        return found
    }
}
