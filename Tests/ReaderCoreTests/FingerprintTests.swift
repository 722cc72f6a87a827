import Foundation
import Testing
@testable import ReaderCore

/// The fingerprint tells apart files that differ anywhere, and a state keyed the old way (size
/// and first 8 KiB) keeps its marks.
@Suite struct FingerprintTests {
    /// Two articles with the same 9 KB head and last lines of the same length.
    static func twins() -> (String, String) {
        let head = "Harbour report\n\n" + String(repeating: "The tide came in over the old stones. ", count: 240) + "\n\n"
        return (head + "The last line says the boats stayed in.\n", head + "The last line says the boats went away.\n")
    }

    @Test func aStreamedFingerprintIsTheFingerprintOfTheWholeFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var random = SplitMix64(seed: 5)
        for size in [0, 1, 8_191, 8_192, 8_193, 65_536, 65_539, 200_000] {
            let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            try folder.write("f.bin", bytes: bytes)
            for limit in [Fingerprint.pieceLength, 8 * Fingerprint.pieceLength] {
                let head = try FileReader.read(folder.path + "/f.bin", limit: limit, truncate: true)
                #expect(try Fingerprint.of(head: head, size: size, path: folder.path + "/f.bin") == Fingerprint.of(bytes), "\(size)")
            }
            var changed = bytes
            if size > 0 { changed[size - 1] ^= 1 }
            #expect(size == 0 || Fingerprint.of(changed) != Fingerprint.of(bytes))
            #expect((Fingerprint.legacy(head: bytes, size: size) == nil) == (size <= Fingerprint.pieceLength))
        }
    }

    @Test func markingOneOfTwoFilesWithTheSameHeadMarksItAlone() throws {
        let setup = try StateProcessTests.Setup(articles: 0)
        defer { setup.remove() }
        let (a, b) = Self.twins()
        #expect(a.utf8.count == b.utf8.count && a.utf8.count > 9_000)
        try a.write(toFile: setup.library + "/a.txt", atomically: true, encoding: .utf8)
        try b.write(toFile: setup.library + "/b.txt", atomically: true, encoding: .utf8)
        #expect(try setup.run(["mark", "a.txt", "--read"]).status == 0)
        let list = try setup.run(["list", "--json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(entries.filter { $0["read"] as? Bool == true }.compactMap { $0["id"] as? String } == ["a.txt"])
    }

    /// A state from before: keyed by the size-and-head fingerprint, for an article that was moved
    /// since (its path hint no longer names it). Its marks show, and the next change re-keys it.
    @Test func aStateKeyedTheOldWayKeepsItsMarks() throws {
        let setup = try StateProcessTests.Setup(articles: 0)
        defer { setup.remove() }
        let (a, _) = Self.twins()
        try a.write(toFile: setup.library + "/moved.txt", atomically: true, encoding: .utf8)
        let bytes = Array(a.utf8)
        let old = try #require(Fingerprint.legacy(head: bytes, size: bytes.count))
        try FileManager.default.createDirectory(atPath: setup.state, withIntermediateDirectories: true)
        let state = #"{"version": 1, "articles": {"\#(old)": {"path": "inbox/before.txt", "read": true, "readAt": 5}}}"#
        try state.write(toFile: setup.state + "/state.json", atomically: true, encoding: .utf8)
        let list = try setup.run(["list", "--json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(entries.first?["read"] as? Bool == true, "\(list.stdout)")
        #expect(try setup.run(["bookmark", "moved.txt"]).status == 0)
        let file = StateStore(directory: setup.state).load()
        #expect(file.articles.keys.sorted() == [Fingerprint.of(bytes)])
        #expect(file.articles.values.first.map { $0.read && $0.bookmarked && $0.path == "moved.txt" } == true)
    }

    /// A whole list's look-ups: path hints only when an article is not held under its
    /// fingerprints, every fingerprint only when such an article has a hint; and with them each
    /// article finds the entry it would find alone.
    @Test func aListsLookUpsAreMadeOnlyWhenAnArticleNeedsThem() {
        let keys = (0..<4).map { ArticleKey(fingerprint: "f\($0)", id: "a\($0).txt") }
        let fingerprints = keys.map(\.fingerprint)
        func lookups(_ state: StateFile) -> (live: Set<String>, hints: [String: [String]]) {
            state.lookups(for: keys, key: { $0 }, fingerprint: \.fingerprint)
        }
        #expect(lookups(StateFile()) == ([], [:]))
        var state = StateFile(articles: Dictionary(uniqueKeysWithValues: fingerprints.map { ($0, ArticleState(path: "x")) }))
        #expect(lookups(state) == ([], [:]))
        state.articles["f2"] = nil
        #expect(lookups(state).live.isEmpty && lookups(state).hints["x"]?.count == 3)
        // a2 was edited: its entry is under an old fingerprint, hinted by its path.
        state.articles["old"] = ArticleState(path: "a2.txt", read: true)
        let (live, hints) = lookups(state)
        #expect(live == Set(fingerprints) && hints["a2.txt"] == ["old"])
        for key in keys {
            #expect(state.state(for: key, liveFingerprints: live, hints: hints) == state.state(for: key, liveFingerprints: live))
        }
        #expect(state.state(for: keys[2], liveFingerprints: live, hints: hints).read)
    }

    /// A packed fingerprint gives back the text it was given, whether it packs (16 lowercase hex
    /// digits) or not, and two are equal exactly when their texts are.
    @Test func aPackedFingerprintGivesBackItsText() {
        let texts = ["0123456789abcdef", "0000000000000000", "ffffffffffffffff", "000000000000000a", Fingerprint.of(Array("x".utf8)),
                     "0123456789ABCDEF", "0123456789abcde", "0123456789abcdef0", "", "0123456789abcdeg", "指纹指纹指纹指纹"]
        for text in texts { #expect(PackedFingerprint(text).text == text) }
        for (a, b) in zip(texts, texts.dropFirst()) {
            #expect(PackedFingerprint(a) != PackedFingerprint(b))
        }
        #expect(PackedFingerprint("0123456789abcdef") == PackedFingerprint(String("x0123456789abcdef".dropFirst())))
        var row = CachedArticle(id: "a.txt", size: 1, modified: 1, format: .text, fingerprint: "00000000000000ff", date: nil, title: "A")
        #expect(row.fingerprint == "00000000000000ff" && row.line.contains("\t00000000000000ff\t"))
        row.fingerprint = "legacy text"
        #expect(row.fingerprint == "legacy text")
    }
}
