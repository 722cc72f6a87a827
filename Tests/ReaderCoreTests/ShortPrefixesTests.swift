import Testing
@testable import ReaderCore

/// The index's table of one- and two-character prefixes, on its own: which prefixes a text
/// gives, and the rowids it gives back, across rows of the table and after removals.
@Suite struct ShortPrefixesTests {
    static func document(_ text: String) -> SearchDocument { SearchDocument(text: Array(text.utf8)) }

    @Test func onlyLettersAndDigitsThatBeginATokenArePlaced() {
        #expect(ShortPrefixes.place(of: Array("o".utf8)) == 24)
        #expect(ShortPrefixes.place(of: Array("0".utf8)) == 0)
        #expect(ShortPrefixes.place(of: Array("op".utf8)) == 36 + 24 * 36 + 25)
        for token in ["", "ope", "é", "oé", "_", "o_", "码"] {
            #expect(ShortPrefixes.place(of: Array(token.utf8)) == nil, "\(token)")
        }
    }

    @Test func rowidsComeBackAscendingAcrossRowsAndGoWhenRemoved() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try SQLiteDatabase(path: folder.path + "/prefixes.sqlite")
        try database.execute(ShortPrefixes.createTable)
        var prefixes = ShortPrefixes()
        // Rowids on both sides of a row's end (4,096 a row), in no order; the text folded as
        // the index folds it (`Open` is `open`), a title and a body of columns.
        let texts: [Int64: String] = [9_000: "Open water\nHolm", 4_095: "opal 码头", 4_096: "Ozone", 1: "other", 7: "pen"]
        for (rowid, text) in texts { prefixes.add(rowid, Self.document(text)) }
        try database.transaction { () throws(SQLiteError) in try prefixes.write(to: database) }
        let o = try #require(ShortPrefixes.place(of: Array("o".utf8)))
        let op = try #require(ShortPrefixes.place(of: Array("op".utf8)))
        let ho = try #require(ShortPrefixes.place(of: Array("ho".utf8)))
        #expect(try ShortPrefixes.rowids(o, in: database) == [1, 4_095, 4_096, 9_000])
        #expect(try ShortPrefixes.rowids(op, in: database) == [4_095, 9_000])
        #expect(try ShortPrefixes.rowids(ho, in: database) == [9_000])
        // Taken out, and put in again with another text, in one transaction: the last change counts.
        prefixes = ShortPrefixes()
        prefixes.remove(4_095, Self.document("opal 码头"))
        prefixes.remove(9_000, Self.document("Open water\nHolm"))
        prefixes.add(9_000, Self.document("Opera"))
        prefixes.remove(4_096, Self.document("Ozone"))
        try database.transaction { () throws(SQLiteError) in try prefixes.write(to: database) }
        #expect(try ShortPrefixes.rowids(o, in: database) == [1, 9_000])
        #expect(try ShortPrefixes.rowids(op, in: database) == [9_000])
        #expect(try ShortPrefixes.rowids(ho, in: database) == [])
        // A row whose every bit is cleared is gone.
        let rows = try database.prepare("SELECT count(*) FROM prefixes WHERE chunk = 1")
        _ = try rows.step()
        #expect(rows.integer(0) == 0)
    }

    @Test func aRowOfAnotherSizeIsDamage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try SQLiteDatabase(path: folder.path + "/prefixes.sqlite")
        try database.execute(ShortPrefixes.createTable)
        try database.execute("INSERT INTO prefixes VALUES(24, 0, x'0102')")
        #expect { try ShortPrefixes.rowids(24, in: database) } throws: { ($0 as? SQLiteError)?.isCorruption == true }
        var prefixes = ShortPrefixes()
        prefixes.add(5, Self.document("open"))
        #expect {
            try database.transaction { () throws(SQLiteError) in try prefixes.write(to: database) }
        } throws: { ($0 as? SQLiteError)?.isCorruption == true }
    }
}
