import Testing
@testable import ReaderCore

/// The optional numbers held once per article in 32 bits give back what they were given, and
/// keep the list's structs small.
@Suite struct PackedOptionalIntTests {
    @Test func aNumberComesBackAsGivenAndAnOutOfRangeOneClamped() {
        for value in [nil, 0, 1, 100, 59_999, Int(Int32.max), -1, Int(Int32.min) + 1] as [Int?] {
            #expect(PackedOptionalInt(wrappedValue: value).wrappedValue == value)
        }
        #expect(PackedOptionalInt(wrappedValue: Int(Int32.max) + 5).wrappedValue == Int(Int32.max))
        #expect(PackedOptionalInt(wrappedValue: Int(Int32.min)).wrappedValue == Int(Int32.min) + 1)
        #expect(PackedOptionalInt(wrappedValue: nil) != PackedOptionalInt(wrappedValue: 0))
    }

    @Test func entriesAndRowsKeepTheirMinutesAndProgressInFewerBytes() {
        var entry = LibraryEntry(id: "a.md", title: "A", format: .markdown, folder: "/l", saved: nil, progress: 40, minutes: 7)
        #expect(entry.progress == 40 && entry.minutes == 7)
        (entry.progress, entry.minutes) = (nil, 12)
        #expect(entry.progress == nil && entry.minutes == 12)
        var row = CachedArticle(id: "a.md", size: 1, modified: 2, format: .markdown, fingerprint: "", date: nil, title: "A", minutes: 3)
        #expect(row.minutes == 3)
        row.minutes = nil
        #expect(row.minutes == nil)
        // 100,000 of each are held at once: 160 bytes each with `Int?` fields.
        #expect(MemoryLayout<LibraryEntry>.stride <= 136 && MemoryLayout<CachedArticle>.stride <= 144)
    }
}
