import Foundation
import Testing
@testable import ReaderCore

/// The state file under real processes: SIGKILLed writers, concurrent writers, moved files.
@Suite(.serialized) struct StateProcessTests {
    /// A temporary library of `count` small articles and an empty state folder.
    struct Setup {
        let root: URL
        var library: String { root.appendingPathComponent("library").path }
        var state: String { root.appendingPathComponent("state").path }
        var cache: String { root.appendingPathComponent("cache").path }

        init(articles count: Int) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("reader-state-\(UUID())")
            let library = root.appendingPathComponent("library")
            try FileManager.default.createDirectory(at: library.appendingPathComponent("a"), withIntermediateDirectories: true)
            for index in 0..<count {
                let text = "Article number \(index)\n\nThis is the body of article \(index), long enough to read as prose.\n"
                try text.write(to: library.appendingPathComponent(Self.id(index)), atomically: true, encoding: .utf8)
            }
        }

        static func id(_ index: Int) -> String { "a/article-\(index).txt" }

        func run(_ arguments: [String]) throws -> CommandLineTests.Run {
            try CommandLineTests.run(arguments + ["--library", library, "--state-dir", state], environment: ["XDG_CACHE_HOME": cache])
        }

        /// The state's articles by path hint (the file and its journal); fails the test if the
        /// file does not parse.
        func statesByPath() throws -> [String: ArticleState] {
            let path = state + "/state.json"
            if let data = FileManager.default.contents(atPath: path) { _ = try JSONDecoder().decode(StateFile.self, from: data) }
            let store = StateStore(directory: state)
            let file = store.load()
            #expect(store.warnings.isEmpty, "\(store.warnings)")
            return Dictionary(file.articles.values.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// Starts `reader` without waiting for it.
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func aSIGKILLAtAnyMomentLeavesAFileThatParsesAndHoldsEveryAcknowledgedMark() throws {
        let setup = try Setup(articles: 120)
        defer { setup.remove() }
        var generator = SystemRandomNumberGenerator()
        var acknowledged: [String] = []
        var killed = 0
        // How long a mark takes here, so kills land before, during and after the write.
        let started = Date()
        #expect(try setup.run(["mark", Setup.id(119), "--read"]).status == 0)
        acknowledged.append(Setup.id(119))
        let typical = UInt32(max(2_000, Date().timeIntervalSince(started) * 1_000_000))
        for index in 0..<119 {
            let process = try Self.start(["mark", Setup.id(index), "--read", "--library", setup.library, "--state-dir", setup.state])
            // Every third kill comes early (during start-up or the first reads), the rest at any
            // moment up to twice a typical mark, so kills land before, during and after writes
            // whatever the machine's load.
            usleep(UInt32.random(in: 0...(index % 3 == 0 ? 3_000 : typical * 2), using: &generator))
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            if process.terminationReason == .exit && process.terminationStatus == 0 { acknowledged.append(Setup.id(index)) }
            if process.terminationReason == .uncaughtSignal { killed += 1 }
            let states = try setup.statesByPath()  // must parse after every kill
            for id in acknowledged { #expect(states[id]?.read == true, "acknowledged mark lost: \(id) after \(index + 1) runs") }
        }
        #expect(acknowledged.count + killed == 120)
        #expect(acknowledged.count > 1, "no write finished: the kills prove nothing")
        #expect(killed >= 10, "too few writers were killed to prove anything")
        // The next write cleans up what killed writers left behind.
        #expect(try setup.run(["mark", Setup.id(0), "--unread"]).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: setup.state).filter { $0.hasPrefix(".state.json.tmp.") }
        #expect(leftovers.isEmpty)
    }

    @Test(arguments: [2, 3])
    func concurrentWritersMarkingDisjointArticlesLoseNothing(writers: Int) throws {
        let perWriter = 15
        let setup = try Setup(articles: writers * perWriter)
        defer { setup.remove() }
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            for k in 0..<perWriter {
                let id = Setup.id(writer * perWriter + k)
                let command = k % 2 == 0 ? ["mark", id, "--read"] : ["bookmark", id]
                do {
                    let process = try Self.start(command + ["--library", setup.library, "--state-dir", setup.state])
                    process.waitUntilExit()
                    if process.terminationStatus != 0 { failures.add(id) }
                } catch { failures.add(id) }
            }
        }
        #expect(failures.ids.isEmpty)
        let states = try setup.statesByPath()
        for index in 0..<(writers * perWriter) {
            let state = states[Setup.id(index)]
            if (index % perWriter) % 2 == 0 { #expect(state?.read == true, "lost: \(Setup.id(index))") } else { #expect(state?.bookmarked == true, "lost: \(Setup.id(index))") }
        }
    }

    @Test func stateFollowsAnArticleThatIsMovedOrRenamed() throws {
        let setup = try Setup(articles: 3)
        defer { setup.remove() }
        #expect(try setup.run(["mark", Setup.id(1), "--read"]).status == 0)
        #expect(try setup.run(["bookmark", Setup.id(1)]).status == 0)
        let moved = setup.library + "/elsewhere/renamed.txt"
        try FileManager.default.createDirectory(atPath: setup.library + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: setup.library + "/" + Setup.id(1), toPath: moved)
        let list = try setup.run(["list", "--json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let entry = try #require(entries.first { $0["id"] as? String == "elsewhere/renamed.txt" })
        #expect(entry["read"] as? Bool == true)
        #expect(entry["bookmarked"] as? Bool == true)
        #expect(entries.filter { $0["read"] as? Bool == true }.count == 1)
    }

    @Test func stateFollowsASmallEditAtTheSamePath() throws {
        let setup = try Setup(articles: 2)
        defer { setup.remove() }
        #expect(try setup.run(["bookmark", Setup.id(0)]).status == 0)
        let path = setup.library + "/" + Setup.id(0)
        try (String(contentsOfFile: path, encoding: .utf8) + "\nA line added later.\n").write(toFile: path, atomically: true, encoding: .utf8)
        let list = try setup.run(["list", "--bookmarked", "--json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["id"] as? String } == [Setup.id(0)])
    }

    @Test func aCorruptStateFileIsMovedAsideWithAMessageAndTheReaderGoesOn() throws {
        let setup = try Setup(articles: 2)
        defer { setup.remove() }
        try FileManager.default.createDirectory(atPath: setup.state, withIntermediateDirectories: true)
        try Data("{ \"version\": 1, \"articles\": { broken".utf8).write(to: URL(fileURLWithPath: setup.state + "/state.json"))
        let list = try setup.run(["list", "--json"])
        #expect(list.status == 0)
        #expect(list.stderr.contains("state.json"))
        #expect(list.stderr.contains("corrupt"))
        let names = try FileManager.default.contentsOfDirectory(atPath: setup.state)
        let aside = try #require(names.first { $0.hasPrefix("state.json.corrupt-") })
        #expect(FileManager.default.contents(atPath: setup.state + "/" + aside) == Data("{ \"version\": 1, \"articles\": { broken".utf8))
        #expect(try setup.run(["mark", Setup.id(0), "--read"]).status == 0)
    }

    /// A newer schema makes the store read-only whatever its shape: only a file that does not
    /// parse at all, or has no newer version, is corrupt.
    @Test(arguments: ["{\"version\": 7, \"articles\": {}, \"future\": true}",
                      "{\"version\": 999, \"articles\": [1, 2, 3]}",
                      "{\"version\": 999, \"articles\": {\"0123456789abcdef\": {\"path\": \"a\", \"read\": \"yes\"}}}",
                      "{\"version\": 999}"])
    func aStateFileFromANewerSchemaIsLeftUntouched(_ text: String) throws {
        let setup = try Setup(articles: 2)
        defer { setup.remove() }
        try FileManager.default.createDirectory(atPath: setup.state, withIntermediateDirectories: true)
        let newer = Data(text.utf8)
        try newer.write(to: URL(fileURLWithPath: setup.state + "/state.json"))
        let mark = try setup.run(["mark", Setup.id(0), "--read"])
        #expect(mark.status != 0)
        #expect(mark.stderr.contains("newer"))
        #expect(FileManager.default.contents(atPath: setup.state + "/state.json") == newer)
        let list = try setup.run(["list"])
        #expect(list.status == 0)
        #expect(list.stderr.contains("newer"))
        #expect(FileManager.default.contents(atPath: setup.state + "/state.json") == newer)
        let left = try FileManager.default.contentsOfDirectory(atPath: setup.state).filter { $0.contains("corrupt") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test func exportThenImportMovesMarksToAnotherMachine() throws {
        let first = try Setup(articles: 3), second = try Setup(articles: 3)
        defer { first.remove(); second.remove() }
        #expect(try first.run(["mark", Setup.id(2), "--read"]).status == 0)
        #expect(try second.run(["bookmark", Setup.id(1)]).status == 0)
        let exported = try first.run(["state", "export"])
        let file = first.root.appendingPathComponent("export.json")
        try exported.stdout.write(to: file, atomically: true, encoding: .utf8)
        let imported = try second.run(["state", "import", file.path])
        #expect(imported.status == 0)
        #expect(imported.stdout.hasPrefix("merged the state of 1 article from "))
        let states = try second.statesByPath()
        #expect(states[Setup.id(2)]?.read == true)
        #expect(states[Setup.id(1)]?.bookmarked == true)
        let bad = first.root.appendingPathComponent("bad.json")
        try "not json".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try second.run(["state", "import", bad.path])
        #expect(refused.status != 0)
        #expect(refused.stderr.split(separator: "\n").count == 1)
        // An export cut short, or from a newer reader, is refused whole: nothing of it is merged.
        let cut = first.root.appendingPathComponent("cut.json")
        try #"{"articles": {"0123456789abcdef": {"path": "cut.txt", "read": true, "readAt": 9e9}, "#.write(to: cut, atomically: true, encoding: .utf8)
        let newer = first.root.appendingPathComponent("newer.json")
        try #"{"articles": {"0123456789abcdef": {"path": "new.txt", "read": true, "readAt": 9e9}}, "version": 9}"#
            .write(to: newer, atomically: true, encoding: .utf8)
        for path in [cut.path, newer.path] {
            let run = try second.run(["state", "import", path])
            #expect(run.status != 0 && run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        }
        #expect(try second.statesByPath().keys.sorted() == [Setup.id(1), Setup.id(2)])
    }

    @Test func markingAnUnknownArticleFailsWithOneLine() throws {
        let setup = try Setup(articles: 1)
        defer { setup.remove() }
        let run = try setup.run(["mark", "no/such.txt", "--read"])
        #expect(run.status != 0)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: setup.state + "/state.json"))
    }

    /// Under umask 000 the state and cache folders, and the parents made for them, are still 0700.
    @Test func theFoldersMadeForStateAndCacheAreTheOwnersOnlyWhateverTheUmask() throws {
        let setup = try Setup(articles: 2)
        defer { setup.remove() }
        let home = setup.root.path + "/xdg"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "umask 000; \"$0\" mark a/article-1.txt --read --library \"$1\" && \"$0\" search body --library \"$1\"",
                             CommandLineTests.binary.path, setup.library]
        process.environment = ["XDG_STATE_HOME": home + "/state/deep", "XDG_CACHE_HOME": home + "/cache", "HOME": "/nonexistent-home",
                               "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        for folder in ["/state", "/state/deep", "/state/deep/reader", "/cache", "/cache/reader"] {
            var info = stat()
            #expect(stat(home + folder, &info) == 0, "\(folder)")
            #expect(info.st_mode & 0o777 == 0o700, "\(folder): \(String(info.st_mode & 0o777, radix: 8))")
        }
    }
}

/// Ids that failed, collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ id: String) { lock.lock(); list.append(id); lock.unlock() }
    var ids: [String] { lock.lock(); defer { lock.unlock() }; return list }
}
