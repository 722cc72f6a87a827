import CSQLite

/// The index's table of short prefixes (`prefixes`): for each prefix of one or two ASCII letters
/// or digits (`reader_short_prefix`), the rowids of the articles with a token that begins with
/// it, as bitmaps of `chunkSize` rowids a row. A query typed one or two letters in (`o`, `op`)
/// is answered from it with one read of a few kilobytes, where FTS5 gathers the entries of every
/// term that begins so (876,000 terms begin with `o` in 100,000 articles: 0.35 s).
///
/// What a transaction changes is gathered as it goes (`add`, `remove`) and written at its end
/// (`write`), a row of the table once however many of its articles changed.
struct ShortPrefixes {
    /// The rowids a row of the table holds, and the bytes of its bits.
    static let chunkSize: Int64 = 4_096
    static let rowBytes = Int(chunkSize) / 8
    static let createTable = """
        CREATE TABLE prefixes(prefix INTEGER NOT NULL, chunk INTEGER NOT NULL, bits BLOB NOT NULL,
                              PRIMARY KEY(prefix, chunk)) WITHOUT ROWID;
        """

    /// The bits changed since the last write, by row (prefix << 32 | chunk): a rowid's bit in
    /// the row, and whether it is now set, in the order of the changes.
    private var changes: [Int64: [(bit: Int, set: Bool)]] = [:]

    /// The place of `token` (a query's, folded) among the short prefixes, if it is one.
    static func place(of token: [UInt8]) -> Int? {
        let place = token.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { reader_short_prefix($0.baseAddress, Int32($0.count)) }
        }
        return place < 0 ? nil : Int(place)
    }

    /// Records that the article of `rowid` now holds `document`.
    mutating func add(_ rowid: Int64, _ document: SearchDocument) { record(rowid, document, set: true) }

    /// Records that the article of `rowid`, which held `document`, holds it no longer.
    mutating func remove(_ rowid: Int64, _ document: SearchDocument) { record(rowid, document, set: false) }

    private mutating func record(_ rowid: Int64, _ document: SearchDocument, set: Bool) {
        var found = [UInt8](repeating: 0, count: (Int(READER_SHORT_PREFIXES) + 7) / 8)
        document.folded.withUnsafeBufferPointer { text in
            text.withMemoryRebound(to: CChar.self) { reader_short_prefixes($0.baseAddress, Int32($0.count), &found) }
        }
        let (chunk, bit) = (rowid / Self.chunkSize, Int(rowid % Self.chunkSize))
        for place in 0..<Int(READER_SHORT_PREFIXES) where found[place / 8] & 1 << (place % 8) != 0 {
            changes[Int64(place) << 32 | chunk, default: []].append((bit, set))
        }
    }

    /// Writes the changes gathered, and forgets them. Call in the transaction that made them.
    mutating func write(to database: SQLiteDatabase) throws(SQLiteError) {
        defer { changes = [:] }
        guard !changes.isEmpty else { return }
        let read = try database.cached("SELECT bits FROM prefixes WHERE prefix = ? AND chunk = ?")
        let write = try database.cached("INSERT OR REPLACE INTO prefixes VALUES(?, ?, ?)")
        let delete = try database.cached("DELETE FROM prefixes WHERE prefix = ? AND chunk = ?")
        for (row, bits) in changes {
            let (prefix, chunk) = (SQLiteValue.integer(row >> 32), SQLiteValue.integer(row & 0xFFFF_FFFF))
            try read.bind(prefix, chunk)
            var map = try read.step() ? read.blob(0) : [UInt8](repeating: 0, count: Self.rowBytes)
            read.reset()
            guard map.count == Self.rowBytes else { throw Self.damaged }
            for (bit, set) in bits {
                if set { map[bit / 8] |= 1 << (bit % 8) } else { map[bit / 8] &= ~(1 << (bit % 8)) }
            }
            if map.allSatisfy({ $0 == 0 }) {
                try delete.bind(prefix, chunk).run()
            } else {
                try write.bind(prefix, chunk, .blob(map)).run()
            }
        }
    }

    /// A row of bits of another size than `rowBytes`: the index is damaged (and rebuilt).
    private static let damaged = SQLiteError(code: 11, message: "a row of the short prefixes is damaged")  // SQLITE_CORRUPT

    /// The rowids of the articles with a token that begins with the short prefix at `place`, ascending.
    static func rowids(_ place: Int, in database: SQLiteDatabase) throws(SQLiteError) -> [Int64] {
        let rows = try database.cached("SELECT chunk, bits FROM prefixes WHERE prefix = ? ORDER BY chunk")
            .bind(.integer(Int64(place)))
        defer { rows.reset() }
        var rowids: [Int64] = []
        while try rows.step() {
            guard rows.withBytes(1, \.count) == rowBytes else { throw damaged }
            let base = rows.integer(0) * chunkSize
            rows.withBytes(1) { bits in
                for (offset, byte) in bits.enumerated() where byte != 0 {
                    for bit in 0..<8 where byte & 1 << bit != 0 { rowids.append(base + Int64(offset * 8 + bit)) }
                }
            }
        }
        return rowids
    }
}
