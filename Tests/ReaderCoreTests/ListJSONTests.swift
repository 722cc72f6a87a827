import Foundation
import Testing
@testable import ReaderCore

/// `list` is written a piece at a time, as JSON and as a table: the pieces make the whole. The
/// JSON is a run of entries a piece (runs made on all cores at once, handed on in order), the
/// table a little over 64 KiB a piece.
@Suite struct ListJSONTests {
    @Test func aLongListIsWrittenInRunsThatMakeTheWholeArrayInOrder() throws {
        let titles = ["潮汐表 \"大潮\"", "Line one\nline two\tand a tab", "붉은 \\ 등대", "港の朝市"]
        let entries = (0..<1_500).map { index in
            LibraryEntry(id: "notes/\(index).md", title: titles[index % titles.count] + " \(index)", format: .markdown,
                         folder: "/library", saved: "2026-11-\(10 + index % 20)", read: index % 3 == 0,
                         fingerprint: String(format: "%016x", index), tags: index % 2 == 0 ? ["sea", "夜"] : [])
        }
        // One run of the whole list, written by one writer as the reference.
        var whole: [String] = []
        LibraryEntry.writeJSON(entries, run: entries.count, to: { whole.append(String(decoding: $0, as: UTF8.self)) })
        #expect(whole.count == 3 && whole.first == "[\n" && whole.last == "\n]\n")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(whole.joined().utf8)) as? [[String: Any]])
        #expect(parsed.count == entries.count)
        #expect(parsed.map { $0["title"] as? String } == entries.map(\.title))
        #expect(parsed.map { $0["path"] as? String } == entries.map(\.path))
        #expect(parsed[0]["tags"] as? [String] == ["sea", "夜"] && parsed[1]["tags"] as? [String] == [])
        for run in [1, 2, 7, 64, 1_499, 2_048] {
            var pieces: [String] = []
            LibraryEntry.writeJSON(entries, run: run, to: { pieces.append(String(decoding: $0, as: UTF8.self)) })
            #expect(pieces.joined() == whole.joined(), "runs of \(run)")
            // The bracket, a piece a run, the close.
            #expect(pieces.count == 2 + (entries.count + run - 1) / run, "runs of \(run)")
        }
        #expect(LibraryEntry.json(entries) == whole.joined())
        var none: [String] = []
        LibraryEntry.writeJSON([], to: { none.append(String(decoding: $0, as: UTF8.self)) })
        #expect(none.joined() == "[\n\n]\n")
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
