import Foundation
import Testing
@testable import ReaderCore

/// File names that are not valid UTF-8, that hold controls or `%XX`, or that Unicode counts as
/// equal (NFC and NFD): each gets an id that prints clean, is distinct, and opens its own file.
@Suite struct EscapedPathTests {
    /// Raw names, byte for byte: invalid, overlong, truncated, a CESU surrogate, controls, a
    /// bidi override, a literal `%41`, NFC and NFD `café`, and two plain ones.
    static let names: [[UInt8]] = [
        Array("inv-".utf8) + [0xFF] + Array(".txt".utf8),
        Array("over-".utf8) + [0xC0, 0xAF] + Array(".txt".utf8),
        Array("cut-".utf8) + [0xE3, 0x81] + Array(".txt".utf8),
        Array("cesu-".utf8) + [0xED, 0xA0, 0x80] + Array(".txt".utf8),
        Array("fn-\u{9B}31m.txt".utf8), Array("fn-\u{202E}gnp.txt".utf8), Array("tab\tbell\u{07}.txt".utf8),
        Array("lit%41.txt".utf8), Array("caf\u{E9}.txt".utf8), Array("cafe\u{301}.txt".utf8),
        Array("港口 notes.txt".utf8), Array("100% sure.txt".utf8),
    ]

    /// Writes `bytes` as the file whose name is `name`'s raw bytes in `folder`.
    static func write(_ name: [UInt8], in folder: String, _ text: String) throws {
        let path = Array(folder.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = open(path.map { CChar(bitPattern: $0) }, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(fd >= 0)
        defer { close(fd) }
        let bytes = Array(text.utf8)
        #expect(Glibc.write(fd, bytes, bytes.count) == bytes.count)
    }

    /// A library holding each of `names`, each file saying which one it is.
    static func library() throws -> (folder: TemporaryFolder, root: String) {
        let folder = try TemporaryFolder()
        try folder.mkdir("library")
        let root = folder.path + "/library"
        for (index, name) in names.enumerated() { try write(name, in: root, "Note \(index)\n\nThis is file number \(index).\n") }
        return (folder, root)
    }

    @Test func everyComponentDecodesToItsOwnBytesAndPrintsClean() throws {
        var random = SplitMix64(seed: 12)
        let samples = Self.names + (0..<2_000).map { _ in
            (0..<Int(random.next() % 12 + 1)).map { _ in
                let byte = UInt8(truncatingIfNeeded: random.next())
                return byte == 0 || byte == UInt8(ascii: "/") ? UInt8(ascii: "%") : byte
            }
        }
        for bytes in samples {
            let escaped = EscapedPath.component(bytes)
            #expect(EscapedPath.system(escaped) == (bytes + [0]).map { CChar(bitPattern: $0) }, "\(bytes) → \(escaped)")
            #expect(!escaped.unicodeScalars.contains { Sanitizer.isControlOrBidi($0.value) }, "\(escaped)")
            #expect(EscapedPath.system(EscapedPath.component(bytes, asciiOnly: true)) == EscapedPath.system(escaped))
        }
        #expect(EscapedPath.component(Array("港口 notes.txt".utf8)) == "港口 notes.txt")
        #expect(EscapedPath.component(Array("100% sure.txt".utf8)) == "100% sure.txt")
        #expect(EscapedPath.component(Array("lit%41.txt".utf8)) == "lit%2541.txt")
        #expect(EscapedPath.component(Self.names[0]) == "inv-%FF.txt")
        #expect(EscapedPath.component(Self.names[3]) == "cesu-%ED%A0%80.txt")
        #expect(EscapedPath.of("/home/a/100%41/b.txt") == "/home/a/100%2541/b.txt")
    }

    @Test func namesUnicodeCountsEqualGetDistinctIdsAndTheNFCOneKeepsItsForm() {
        let nfc = Array("caf\u{E9}.txt".utf8), nfd = Array("cafe\u{301}.txt".utf8)
        for order in [[nfc, nfd], [nfd, nfc]] {
            let ids = EscapedPath.names(order)
            #expect(Set(ids).count == 2)
            #expect(ids[order.firstIndex(of: nfc)!] == "caf\u{E9}.txt")
            #expect(ids[order.firstIndex(of: nfd)!] == "cafe%CC%81.txt")
        }
        #expect(EscapedPath.names([nfd]) == ["cafe\u{301}.txt"])
    }

    @Test func theScannerListsEveryNameAndEachIdResolvesToItsOwnFile() throws {
        let (folder, root) = try Self.library()
        defer { folder.remove() }
        let files = try LibraryScanner(root: root).scan().files
        #expect(files.count == Self.names.count)
        #expect(Set(files.map(\.id)).count == Self.names.count)
        let library = Library(root: root)
        for file in files {
            let resolved = try library.resolve(file.id, cwd: "/")
            #expect(resolved.id == file.id)
            let text = String(decoding: try FileReader.read(resolved.path), as: UTF8.self)
            let number = try #require(Int(text.split(separator: " ").last!.dropLast(2)))
            #expect(EscapedPath.system(file.id) == (Self.names[number] + [0]).map { CChar(bitPattern: $0) }, "\(file.id)")
        }
        // The NFD name typed as it is, in the library or as a path, is the NFD file's id.
        for typed in ["cafe\u{301}.txt", root + "/cafe\u{301}.txt"] {
            #expect(Array(try library.resolve(typed, cwd: "/").id.utf8) == Array("cafe%CC%81.txt".utf8), "\(typed)")
        }
        #expect(Array(try library.resolve("caf\u{E9}.txt", cwd: "/").id.utf8) == Array("caf\u{E9}.txt".utf8))
    }

    /// The case, as a user meets it: every id the text `list` prints is one `show` and
    /// `mark` take back, and marking the NFD file marks it alone.
    @Test func everyIdTheListPrintsIsAcceptedBackByShowAndMark() throws {
        let (folder, root) = try Self.library()
        defer { folder.remove() }
        let environment = ["XDG_CACHE_HOME": folder.path + "/cache", "XDG_STATE_HOME": folder.path + "/state"]
        let list = try CommandLineTests.run(["list", "--library", root], environment: environment)
        #expect(list.status == 0, "\(list.stderr)")
        let ids = list.stdout.split(separator: "\n").map { String($0.split(separator: "  ").last!) }
        #expect(ids.count == Self.names.count && Set(ids).count == ids.count, "\(list.stdout)")
        #expect(HostileOutputTests.isInert(list.stdout))
        for id in ids {
            let show = try CommandLineTests.run(["show", id, "--library", root, "--width", "60"], environment: environment)
            #expect(show.status == 0 && show.stdout.contains("This is file number"), "\(id): \(show.stderr)")
        }
        let nfd = "cafe%CC%81.txt"
        #expect(ids.contains(nfd) && ids.contains("caf\u{E9}.txt"))
        let mark = try CommandLineTests.run(["mark", nfd, "--read", "--library", root], environment: environment)
        #expect(mark.status == 0, "\(mark.stderr)")
        let json = try CommandLineTests.run(["list", "--json", "--library", root], environment: environment)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let read = entries.filter { $0["read"] as? Bool == true }.compactMap { $0["id"] as? String }
        #expect(read.count == 1 && read.first.map { Array($0.utf8) } == Array(nfd.utf8), "\(read)")
    }
}
