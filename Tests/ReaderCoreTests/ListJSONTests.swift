import Foundation
import Testing
@testable import ReaderCore

/// `list --json` is written a piece at a time: the pieces are one valid JSON array, the same
/// as the whole, and none holds more than a little over 64 KiB.
@Suite struct ListJSONTests {
    @Test func aLongListIsWrittenInPiecesThatMakeTheWholeArray() throws {
        let titles = ["潮汐表 \"大潮\"", "Line one\nline two\tand a tab", "붉은 \\ 등대", "港の朝市"]
        let entries = (0..<1_500).map { index in
            LibraryEntry(id: "notes/\(index).md", title: titles[index % titles.count] + " \(index)", format: .markdown,
                         folder: "/library", saved: "2026-11-\(10 + index % 20)", read: index % 3 == 0,
                         fingerprint: String(format: "%016x", index), tags: index % 2 == 0 ? ["sea", "夜"] : [])
        }
        var pieces: [String] = []
        LibraryEntry.writeJSON(entries, to: { pieces.append(String(decoding: $0, as: UTF8.self)) })
        #expect(pieces.count > 3)
        #expect(pieces.dropLast().allSatisfy { $0.utf8.count >= 1 << 16 && $0.utf8.count < (1 << 16) + 1_024 })
        #expect(pieces.joined() == LibraryEntry.json(entries))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(pieces.joined().utf8)) as? [[String: Any]])
        #expect(parsed.count == entries.count)
        #expect(parsed.map { $0["title"] as? String } == entries.map(\.title))
        #expect(parsed[0]["tags"] as? [String] == ["sea", "夜"])
        var none: [String] = []
        LibraryEntry.writeJSON([], to: { none.append(String(decoding: $0, as: UTF8.self)) })
        #expect(try JSONSerialization.jsonObject(with: Data(none.joined().utf8)) as? [Any] != nil)
    }
}
