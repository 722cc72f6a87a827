import Foundation
import Testing
@testable import ReaderCore

/// Controls and bidi overrides in file names reach no output raw, and an output that cannot be
/// written ends the command with a message, not a crash.
@Suite struct HostileOutputTests {
    /// File names with an 8-bit CSI, a right-to-left override, BEL and ESC in them.
    static let names = ["fn-\u{9B}31m harbour.txt", "fn-\u{202E}gnp harbour.txt", "fn-\u{07}\u{1B}[2J harbour.txt"]

    static func library() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for name in names { try folder.write("library/" + name, "Harbour notes\n\nThe harbour at dawn.\n") }
        return folder
    }

    static func environment(_ folder: TemporaryFolder) -> [String: String] {
        ["XDG_CACHE_HOME": folder.path + "/cache", "XDG_STATE_HOME": folder.path + "/state"]
    }

    /// No C0 control but the newline and the tab (`search` separates its fields with tabs), no
    /// C1 control, DEL or bidi control.
    static func isInert(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0 != "\n" && $0 != "\t" && Sanitizer.isControlOrBidi($0.value) }
    }

    @Test func listJSONPrintsNamesWithControlsAsEscapedIdsThatRoundTrip() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let library = folder.path + "/library"
        let run = try CommandLineTests.run(["list", "--json", "--library", library], environment: Self.environment(folder))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.isInert(run.stdout))
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let ids = entries.compactMap { $0["id"] as? String }
        #expect(Set(ids) == Set(Self.names.map(EscapedPath.of)))
        #expect(ids.contains("fn-%E2%80%AEgnp harbour.txt"))
        for id in ids {
            let show = try CommandLineTests.run(["show", id, "--library", library], environment: Self.environment(folder))
            #expect(show.status == 0 && show.stdout.contains("The harbour at dawn."), "\(id): \(show.stderr)")
        }
    }

    /// A path hint with a right-to-left override (from a state an older reader wrote, when ids
    /// kept controls raw) is exported escaped.
    @Test func stateExportEscapesABidiOverrideInAPathHint() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.mkdir("library")
        try folder.write("state/reader/state.json", #"{"version": 1, "articles": {"0123456789abcdef": "#
            + #"{"path": "fn-\u202egnp\u009b.txt", "read": true, "readAt": 5}}}"#)
        let run = try CommandLineTests.run(["state", "export", "--library", folder.path + "/library"], environment: Self.environment(folder))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.isInert(run.stdout), "\(run.stdout)")
        #expect(run.stdout.contains("\\u202e") && run.stdout.contains("\\u009b"), "\(run.stdout)")
    }

    /// JSON strings escape every C0 and C1 control, DEL and bidi control, whatever their source.
    @Test func jsonStringsEscapeControlsAndBidi() {
        let json = JSONText.string("a\u{9B}b\u{202E}c\u{1B}d\u{7F}e\u{2066}")
        #expect(json == #""a\u009bb\u202ec\u001bd\u007fe\u2066""#)
    }

    /// The byte test of whether a string needs escapes agrees with its scalars, for every scalar
    /// up to U+3000 and after each of the lead bytes it looks at.
    @Test func aStringIsEscapedExactlyWhenAScalarOfItNeedsIt() {
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let needs = scalar == "\"" || scalar == "\\" || Sanitizer.isControlOrBidi(value)
            for text in ["a\(Character(scalar))b", "\(Character(scalar))", "…\(Character(scalar))", "\u{A0}\(Character(scalar))"] {
                #expect((JSONText.string(text) != "\"" + text + "\"") == needs, "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test func searchAndLinksPrintNoControlFromANameOrAnArticle() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        try folder.write("library/links.md", "# Links\n\nSee [the \u{202E}harbour\u{1B}]2;x\u{07}](https://example.org/\u{9B}a) now.\n")
        let library = folder.path + "/library"
        for arguments in [["search", "harbour"], ["search", "harbour", "--json"], ["links", "links.md"], ["links", "links.md", "--json"],
                          ["list"], ["state", "export"]] {
            let run = try CommandLineTests.run(arguments + ["--library", library], environment: Self.environment(folder))
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(Self.isInert(run.stdout), "\(arguments): \(run.stdout.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(Self.isInert(run.stderr), "\(arguments)")
        }
    }

    @Test(arguments: [["list"], ["list", "--json"], ["search", "harbour"], ["show", "fn-\u{202E}gnp harbour.txt"]])
    func anOutputThatCannotBeWrittenEndsWithAMessage(_ arguments: [String]) throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments + ["--library", folder.path + "/library"]
        process.environment = ProcessInfo.processInfo.environment.merging(Self.environment(folder)) { $1 }
        process.standardOutput = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let err = Pipe()
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 1, "\(arguments): \(message)")
        #expect(message.contains("cannot write to standard output: No space left on device"), "\(arguments): \(message)")
    }

    /// A right-to-left override pasted at the library prompt, or in any text put on the screen,
    /// is not among the cells sent to the terminal.
    @Test func aBidiOverridePastedAtThePromptNeverReachesTheScreen() throws {
        let app = try AppDriver(width: 80, height: 24)
        app.send("/")
        app.dispatch(.key(.character("\u{202E}")))
        app.send("tide\u{2066}")
        #expect(app.state.prompt != nil)
        let cells = app.screen.cells.map(\.text).joined()
        #expect(Self.isInert(cells), "\(cells.unicodeScalars.filter { $0.value > 0x2000 })")
        var screen = Screen(width: 10, height: 1)
        _ = screen.put("a\u{202E}b\u{0301}\u{200F}c", x: 0, y: 0, style: .normal)
        #expect(screen.cells.map(\.text).joined() == "ab\u{0301}c" + String(repeating: " ", count: 7))
    }

    /// A library of what hurts — a FIFO, a symlink loop, a link to /dev/zero, a binary file, a
    /// 2 MB line, 2,000 links, 5,000 nested `<div>`s, control names — is searched, and listed,
    /// at once: the readable articles are found, the rest reported, nothing hangs.
    @Test(.hangGuard)
    func aHostileLibraryIsSearchedAndListedWithoutAHang() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let root = folder.path + "/library"
        #expect(mkfifo(root + "/fifo.txt", 0o600) == 0)
        #expect(symlink("/dev/zero", root + "/zero.txt") == 0)
        try folder.mkdir("library/loop")
        #expect(symlink("..", root + "/loop/again") == 0)
        try folder.write("library/binary.txt", bytes: [0x00, 0xFF, 0x00, 0x01] + Array(repeating: 0, count: 4_096))
        try folder.write("library/line.txt", "Harbour line\n\n" + String(repeating: "harbour 灯塔 ", count: 180_000) + "\n")
        try folder.write("library/links.md", "# Links\n\n" + (0..<2_000).map { "[harbour \($0)](https://e.org/\($0))" }.joined(separator: " "))
        try folder.write("library/nested.html", "<title>Nested</title>" + String(repeating: "<div>", count: 5_000) + "harbour")
        for arguments in [["search", "harbour"], ["list"], ["search", "灯塔", "--json"]] {
            let run = try CommandLineTests.run(arguments + ["--library", root], environment: Self.environment(folder), timeout: 90)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(Self.isInert(run.stdout) && Self.isInert(run.stderr), "\(arguments)")
            #expect(run.stderr.contains("fifo.txt") && run.stderr.contains("binary.txt"), "\(arguments): \(run.stderr)")
            if arguments == ["search", "harbour"] {
                for id in ["line.txt", "links.md", "nested.html", "fn-%E2%80%AEgnp harbour.txt"] {
                    #expect(run.stdout.contains(id), "\(id): \(run.stdout)")
                }
            }
        }
    }
}
