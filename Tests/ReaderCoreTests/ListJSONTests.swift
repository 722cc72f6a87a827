import Foundation
import Testing
@testable import ReaderCore

/// `list` is written a piece at a time, as JSON and as a table: the pieces make the whole, and
/// none holds more than a little over 64 KiB.
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

    /// The list as a table is written in pieces too: each a little over 64 KiB but the last, whole
    /// lines only, a line per entry, the titles padded to one width by display columns.
    @Test func aLongTableIsWrittenInPiecesOfWholeLines() {
        let titles = ["潮汐表", "Harbour lights", "붉은 등대", "港の朝市 morning"]
        let entries = (0..<3_000).map { index in
            LibraryEntry(id: "notes/\(index).md", title: titles[index % titles.count] + " \(index)", format: .markdown,
                         folder: "/library", saved: "2026-11-\(10 + index % 20)", read: index % 3 == 0)
        }
        var pieces: [String] = []
        ListTable(entries: entries, width: 100).write(to: { pieces.append($0) })
        #expect(pieces.count > 2)
        #expect(pieces.dropLast().allSatisfy { $0.utf8.count >= 1 << 16 && $0.utf8.count < (1 << 16) + 512 && $0.hasSuffix("\n") })
        let lines = pieces.joined().split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == entries.count)
        #expect(zip(lines, entries).allSatisfy { $0.hasSuffix("  " + $1.id) && $0.hasPrefix($1.read ? "  " : "N ") })
        #expect(Set(lines.map { DisplayWidth.of(String($0)) - $0.split(separator: " ").last!.count }).count == 1)
        var none: [String] = []
        ListTable(entries: [], width: 100).write(to: { none.append($0) })
        #expect(none.isEmpty)
    }
}
