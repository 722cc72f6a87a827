import Foundation
import Testing
@testable import ReaderCore

/// The built `reader` binary, driven as a script would drive it.
@Suite struct CommandLineTests {
    /// What a run printed and how it ended.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: [UInt8]
        /// True when a signal ended the process (a crash), not an exit.
        var signalled = false
    }

    /// Bytes read on another thread.
    final class Collected: @unchecked Sendable {
        var data = Data()
    }

    static let binary = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("reader")

    /// Runs `reader` with `arguments`; one still running after `timeout` seconds is killed, and
    /// the run throws `CancellationError`.
    static func run(_ arguments: [String], environment: [String: String] = [:], timeout: Double = 20) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["XDG_CONFIG_HOME"] = "/nonexistent-config"
        env["HOME"] = "/nonexistent-home"
        env.removeValue(forKey: "READER_LIBRARY")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = DispatchTime.now() + timeout
        let outBox = Collected(), errBox = Collected()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) { outBox.data = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: reading) { errBox.data = err.fileHandleForReading.readDataToEndOfFile() }
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { process.waitUntilExit(); finished.signal() }
        if finished.wait(timeout: deadline) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            reading.wait()
            throw CancellationError()
        }
        reading.wait()
        let (outData, errData) = (outBox.data, errBox.data)
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: Array(outData),
                   signalled: process.terminationReason == .uncaughtSignal)
    }

    let samples = TestSupport.samples.path

    @Test func binaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path))
    }

    @Test func listJSONCarriesTheContractFields() throws {
        let run = try Self.run(["list", "--json", "--library", samples])
        #expect(run.status == 0)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count >= 8)
        for entry in entries {
            for key in ["id", "title", "format", "path", "read", "bookmarked"] { #expect(entry[key] != nil, "\(key) missing") }
            #expect(entry["read"] as? Bool == false)
            #expect(entry["bookmarked"] as? Bool == false)
        }
        #expect(entries.contains { ($0["id"] as? String) == "zh/city-library-reopens.txt" && ($0["format"] as? String) == "txt" })
    }

    @Test func readerWithoutASubcommandPrintsTheList() throws {
        let bare = try Self.run(["--library", samples])
        let list = try Self.run(["list", "--library", samples])
        #expect(bare.status == 0)
        #expect(bare.stdout == list.stdout)
        #expect(!bare.stdout.contains("\u{1B}"))
    }

    @Test func anUnknownArticleIsOneLineOnStderrAndAFailure() throws {
        let run = try Self.run(["show", "no/such-article.txt", "--library", samples])
        #expect(run.status != 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("no/such-article.txt"))
    }

    @Test(arguments: [["list", "--bogus"], ["show"], ["show", "x.txt", "--width", "0"], ["links", "x", "--json", "--nope"]])
    func aBadFlagIsOneLineOnStderrAndAFailure(arguments: [String]) throws {
        let run = try Self.run(arguments + ["--library", samples])
        #expect(run.status != 0)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    }

    @Test func aBinaryFileIsRefusedWithItsReason() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("reader-binary-\(UUID()).txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 1, 2, 3, 0, 0]).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try Self.run(["show", file.path, "--library", samples])
        #expect(run.status != 0)
        #expect(run.stderr.contains("binary"))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test func showPrintsNoEscapeOrControlBytesFromAHostileArticle() throws {
        let run = try Self.run(["show", "hostile/escapes.txt", "--library", samples, "--full"])
        #expect(run.status == 0)
        for byte in run.stdoutBytes { #expect(byte >= 0x20 || byte == 0x0A, "control byte \(byte)") }
        for scalar in run.stdout.unicodeScalars {
            #expect(!(0x80...0x9F).contains(scalar.value) && !(0x202A...0x202E).contains(scalar.value) && !(0x2066...0x2069).contains(scalar.value))
        }
    }

    @Test func showWrapsToEightyColumnsWhenStdoutIsNotATerminal() throws {
        let run = try Self.run(["show", "en/robot-vacuum-three-months.txt", "--library", samples], environment: ["COLUMNS": "30"])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        #expect(lines.contains { DisplayWidth.of($0) > 60 })
    }

    @Test func showAcceptsAPathOutsideTheLibrary() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("reader-outside-\(UUID()).md")
        try "---\ntitle: Outside\n---\nA body that reads as prose.\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try Self.run(["show", file.path, "--library", samples, "--width", "40"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Outside\n"))
    }

    @Test func linksListsHarmfulSchemesAsNotOpenable() throws {
        let run = try Self.run(["links", "hostile/escapes.txt", "--json", "--library", samples])
        #expect(run.status == 0)
        let links = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(links.allSatisfy { $0.keys.sorted() == ["label", "n", "openable", "url"] })
        let byURL = Dictionary(links.map { (($0["url"] as? String) ?? "", ($0["openable"] as? Bool) ?? true) }, uniquingKeysWith: { a, _ in a })
        #expect(byURL["javascript:alert(1)"] == false)
        #expect(byURL["file:///etc/passwd"] == false)
        #expect(byURL.contains { $0.key.hasPrefix("https://") && $0.value })
    }

    @Test func listDoesNotHangOnAFIFOAndReportsIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reader-fifo-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(mkfifo(dir.appendingPathComponent("pipe.txt").path, 0o600) == 0)
        try "Title\n\nBody text that reads as prose.\n".write(to: dir.appendingPathComponent("ok.txt"), atomically: true, encoding: .utf8)
        let run = try Self.run(["list", "--json", "--library", dir.path], timeout: 10)
        #expect(run.status == 0)
        #expect(run.stderr.contains("pipe.txt"))
        #expect(run.stderr.contains("FIFO"))
        #expect(run.stdout.contains("ok.txt"))
    }

    @Test func anInstalledReaderFindsItsThemesAndSamplesBesideIt() throws {
        // The layout `make install PREFIX=…` makes: bin/reader, share/reader/{themes,samples}.
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("reader-prefix-\(UUID())")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let share = prefix.appendingPathComponent("share/reader")
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.binary, to: prefix.appendingPathComponent("bin/reader"))
        try FileManager.default.copyItem(at: TestSupport.repositoryRoot.appendingPathComponent("themes"), to: share.appendingPathComponent("themes"))
        try "title = red\n".write(to: share.appendingPathComponent("themes/installed-only.theme"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: share.appendingPathComponent("samples"), withIntermediateDirectories: true)
        try "Installed sample\n\nA body that reads as prose.\n".write(to: share.appendingPathComponent("samples/marker.txt"), atomically: true, encoding: .utf8)
        let installed = prefix.appendingPathComponent("bin/reader").path
        for (arguments, expected) in [(["themes"], "installed-only"), (["list"], "Installed sample")] {
            var process = Process(), out = Pipe()
            // A process another test forks meanwhile can hold the fresh copy open for writing
            // until it execs: the copy is then busy (ETXTBSY) for a moment, so it is tried again.
            for attempt in 0... {
                (process, out) = (Process(), Pipe())
                process.executableURL = URL(fileURLWithPath: installed)
                process.arguments = arguments
                process.environment = ["HOME": prefix.path, "XDG_CACHE_HOME": prefix.path + "/cache",
                                       "XDG_STATE_HOME": prefix.path + "/state", "PATH": "/usr/bin:/bin"]
                process.standardOutput = out
                process.standardError = FileHandle.nullDevice
                do {
                    try process.run()
                    break
                } catch let error as NSError
                            where attempt < 50 && (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(ETXTBSY) {
                    usleep(20_000)
                }
            }
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(text.contains(expected), "\(arguments): \(text)")
        }
    }

    @Test func pipedListPrintsWholeIdsAndTitlesAndCOLUMNSCutsOnlyTitles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reader-ids-\(UUID())")
        let folder = root.appendingPathComponent("a-rather-long-folder-name-for-saved-pages/and-another-level-below-it")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let title = "A title long enough that an eighty-column table would have to cut it somewhere near here"
        try (title + "\n\nSome text of the article.\n").write(to: folder.appendingPathComponent("an-article-with-a-long-name.txt"),
                                                             atomically: true, encoding: .utf8)
        let id = "a-rather-long-folder-name-for-saved-pages/and-another-level-below-it/an-article-with-a-long-name.txt"
        let piped = try Self.run(["list", "--library", root.path], environment: ["COLUMNS": ""])
        #expect(piped.stdout.contains(id))
        #expect(piped.stdout.contains(title))
        let narrow = try Self.run(["list", "--library", root.path], environment: ["COLUMNS": "60"])
        #expect(narrow.stdout.hasSuffix(id + "\n"))
        #expect(!narrow.stdout.contains(title))
        // The id as printed is one show takes.
        let printed = String(try #require(piped.stdout.split(separator: " ").last)).trimmingCharacters(in: .newlines)
        #expect(try Self.run(["show", printed, "--library", root.path]).status == 0)
    }

    @Test func versionAndMarkUsageSayWhatTheyShould() throws {
        let version = try Self.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("reader "))
        let help = try Self.run(["mark", "--help"])
        #expect(help.stdout.contains("(--read | --unread)"))
        #expect(!help.stdout.contains("--read --unread"))
    }
}
