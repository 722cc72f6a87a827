import Testing
@testable import ReaderCore

/// The index's stamps, found by a hash of the id: each id gives its own stamp, an id the index
/// does not hold gives none, and the ids not taken are those gone.
@Suite struct IndexStampsTests {
    @Test func eachIdGivesItsStampAndTheUntakenAreTheGone() throws {
        // Ids that differ by a byte, by case, by a normalization or only in length.
        var ids = (0..<5_000).map { "2024/\($0 % 12)/article-\($0).md" }
        ids += ["a.md", "A.md", "a.md ", "caf\u{E9}.md", "cafe\u{301}.md", "茶馆.txt", "茶館.txt", ""]
        var rest = ids.enumerated().map { (id: $1, stamp: UInt64($0) &* 0x9E37_79B9, rowid: Int64($0 + 1)) }[...]
        var stamps = try IndexStamps(count: ids.count) { () throws(SQLiteError) in rest.popFirst() }
        #expect(stamps.count == ids.count)
        for (index, id) in ids.enumerated() { #expect(stamps.stamp(of: id) == UInt64(index) &* 0x9E37_79B9) }
        #expect(stamps.stamp(of: "2024/0/article-5000.md") == nil && stamps.stamp(of: "b.md") == nil)
        #expect(stamps.take("no/such.md") == nil)

        // Every id but a few taken: the rowids left are theirs.
        // (Swift's == holds the two cafés equal; their bytes, and so their stamps, differ.)
        let gone: Set = ["a.md", "茶館.txt", "2024/7/article-4999.md"]
        for id in ids where !gone.contains(id) { #expect(stamps.take(id) != nil) }
        let goneRows = gone.map { id in Int64(ids.firstIndex(of: id)! + 1) }
        #expect(Set(stamps.untaken) == Set(goneRows) && stamps.untaken.count == gone.count)
        // Taking does not forget the stamp.
        #expect(stamps.stamp(of: "A.md") == UInt64(ids.firstIndex(of: "A.md")!) &* 0x9E37_79B9)
    }

    @Test func noStampsFindNothing() throws {
        var stamps = try IndexStamps(count: 0) { () throws(SQLiteError) in nil }
        #expect(stamps.count == 0 && stamps.stamp(of: "a.md") == nil && stamps.take("a.md") == nil && stamps.untaken.isEmpty)
    }
}
