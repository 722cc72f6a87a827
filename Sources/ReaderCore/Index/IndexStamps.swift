/// The stamps of the articles an index holds (`SearchIndex.stampHash`), each with its rowid and
/// found by its id's 128-bit hash (two 64-bit hashes, differently seeded): 32 bytes an article
/// in one sorted array, where a table by id holds a string for each (14 MB at 100,000).
public struct IndexStamps {
    private struct Entry {
        var key: Key
        var stamp: UInt64
        var rowid: Int64
    }

    private struct Key: Comparable {
        var high: UInt64, low: UInt64

        init(_ id: String) {
            var (high, low) = (Hash64(seed: 1), Hash64(seed: 2))
            high.mix(id)
            low.mix(id)
            (self.high, self.low) = (high.value, low.value)
        }

        static func < (a: Key, b: Key) -> Bool { (a.high, a.low) < (b.high, b.low) }
    }

    private var entries: [Entry] = []
    private var taken: [Bool] = []

    /// How many articles the index holds.
    public var count: Int { entries.count }

    /// The stamps `articles` gives (id, stamp hash, rowid) until nil, room made for `count` at once.
    init(count: Int, _ articles: () throws(SQLiteError) -> (id: String, stamp: UInt64, rowid: Int64)?) throws(SQLiteError) {
        entries.reserveCapacity(count)
        while let article = try articles() { entries.append(Entry(key: Key(article.id), stamp: article.stamp, rowid: article.rowid)) }
        entries.sort { $0.key < $1.key }
        taken = [Bool](repeating: false, count: entries.count)
    }

    /// The stamp of the article `id`, if the index holds it.
    public func stamp(of id: String) -> UInt64? { place(of: id).map { entries[$0].stamp } }

    /// The stamp of the article `id`, which `untaken` no longer counts.
    mutating func take(_ id: String) -> UInt64? {
        guard let place = place(of: id) else { return nil }
        taken[place] = true
        return entries[place].stamp
    }

    /// The rowids of the articles no `take` asked for: those gone from the library.
    var untaken: [Int64] { entries.indices.filter { !taken[$0] }.map { entries[$0].rowid } }

    private func place(of id: String) -> Int? {
        let key = Key(id)
        let place = entries.lastIndex(notAfter: key, by: \.key)
        return place < entries.count && entries[place].key == key ? place : nil
    }
}
