import Foundation
import Testing
@testable import ReaderCore

/// The state file's streaming reader and writer: what they write they read back, they read what
/// `JSONEncoder` wrote, and they refuse what the `Decodable` form refuses.
@Suite struct StateJSONTests {
    static func randomFile(_ random: inout SplitMix64, count: Int) -> StateFile {
        let pieces = ["港口", "notes", "\u{202E}", "\u{9B}", "tab\there", "\"quoted\"", "back\\slash", "😀", "e\u{301}", "/"]
        var file = StateFile()
        for _ in 0..<count {
            let key = String(format: "%016llx", random.next())
            var state = ArticleState(path: (0..<random.below(4)).map { _ in pieces[random.below(pieces.count)] }.joined(),
                                     read: random.below(2) == 0, readAt: Double(random.below(2_000_000_000)) + 0.25 * Double(random.below(4)),
                                     bookmarked: random.below(3) == 0, bookmarkedAt: Double(random.below(1_000)),
                                     position: random.below(100_000), positionAt: Double(random.below(1_000)) / 7)
            if random.below(2) == 0 { state.progress = random.below(101) }
            file.articles[key] = state
        }
        return file
    }

    static func written(_ file: StateFile) -> [UInt8] {
        var out: [UInt8] = []
        StateJSONWriter.write(file) { out += Array($0.utf8) }
        return out
    }

    @Test func whatIsWrittenIsReadBackAndIsJSONThatTheDecoderReadsTheSame() throws {
        var random = SplitMix64(seed: 3)
        for count in [0, 1, 7, 3_000] {
            let file = Self.randomFile(&random, count: count)
            let bytes = Self.written(file)
            #expect(try StateJSONReader.parse(bytes) == file, "\(count)")
            #expect(try JSONDecoder().decode(StateFile.self, from: Data(bytes)) == file)
            #expect(!String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { $0 != "\n" && Sanitizer.isControlOrBidi($0.value) })
        }
    }

    @Test func itReadsWhatJSONEncoderWroteAndAFileInPiecesFromADescriptor() throws {
        var random = SplitMix64(seed: 4)
        let file = Self.randomFile(&random, count: 2_000)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(file)
        #expect(try StateJSONReader.parse(Array(data)) == file)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("state.json", bytes: Array(data))
        #expect(data.count > 3 * 65_536)
        let fd = open(folder.path + "/state.json", O_RDONLY)
        defer { close(fd) }
        #expect(try StateJSONReader.parse(fd: fd) == file)
    }

    @Test func missingNullAndUnknownFieldsTakeTheirDefaults() throws {
        let text = #"{"future": [1, {"a": [true, null]}, "x"], "articles": {"k": {"path": null, "read": true, "extra": {"b": 2},"#
            + #" "position": -4, "progress": 250, "readAt": 1.5e3}, "j": {}}, "version": 1}"#
        let file = try StateJSONReader.parse(Array(text.utf8))
        #expect(file == (try JSONDecoder().decode(StateFile.self, from: Data(text.utf8))))
        #expect(file.articles["k"] == { var s = ArticleState(path: "", read: true, readAt: 1500); s.progress = 100; return s }())
        #expect(file.articles["j"] == ArticleState(path: ""))
        #expect(try StateJSONReader.parse(Array(#"{"version": 2, "articles": null}"#.utf8)) == StateFile(version: 2))
    }

    @Test(arguments: [#"{"version": 1, "articles": {} } x"#, #"{"version": 1.5, "articles": {}}"#, #"{"articles": {}}"#,
                      #"{"version": 1, "articles": []}"#, #"{"version": 1, "articles": {"k": {"position": 1.5}}}"#,
                      #"{"version": 1, "articles": {"k": {"read": "yes"}}}"#, #"{"version": 1, "articles": {"k": {"path": "\q"}}}"#,
                      #"{"version": 1, "articles": {"k": {"path": "\ud800"}}}"#, "{\"version\": 1, \"articles\": {\"k\": {\"path\": \"a\u{01}\"}}}",
                      #"{"version": 1, "articles": {"k": {}"#, #"{"version": 1,, "articles": {}}"#, ""])
    func whatTheDecoderRefusesIsRefusedWithWhereItWentWrong(_ text: String) {
        #expect(throws: StateJSONReader.Failure.self) { try StateJSONReader.parse(Array(text.utf8)) }
        #expect(throws: (any Error).self) { try JSONDecoder().decode(StateFile.self, from: Data(text.utf8)) }
    }
}
