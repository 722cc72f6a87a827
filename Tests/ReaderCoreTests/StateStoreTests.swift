import Foundation
import Testing
@testable import ReaderCore

/// A clock for a `StateStore` that ticks one second per reading.
final class TickingClock: @unchecked Sendable {
    private var now: Double
    private let lock = NSLock()

    init(start: Double = 1_700_000_000) { now = start }

    func read() -> Double {
        lock.lock()
        defer { lock.unlock() }
        now += 1
        return now
    }
}

@Suite struct StateStoreTests {
    static let first = ArticleKey(fingerprint: "0123456789abcdef", id: "zh/library.txt")
    static let second = ArticleKey(fingerprint: "fedcba9876543210", id: "en/harbour.md")

    /// A state folder (not yet created) inside a temporary folder.
    func makeStore(_ folder: TemporaryFolder, clock: TickingClock = TickingClock()) -> StateStore {
        StateStore(directory: folder.path + "/state", clock: clock.read)
    }

    func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map(Array.init) }

    func names(in directory: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted() }

    // MARK: - Changes

    @Test func readBookmarkAndPositionChangesReadBack() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = makeStore(folder, clock: TickingClock(start: 100))
        #expect(store.load() == StateFile())
        try store.apply([.read(Self.first, true), .bookmarked(Self.first, true), .position(Self.first, 4200)])
        try store.apply([.bookmarked(Self.second, true)])

        let again = makeStore(folder).load()
        #expect(again.version == StateFile.currentVersion)
        let state = again.state(for: Self.first)
        #expect(state == ArticleState(path: "zh/library.txt", read: true, readAt: 101, bookmarked: true, bookmarkedAt: 101,
                                      position: 4200, positionAt: 101))
        #expect(again.state(for: Self.second) == ArticleState(path: "en/harbour.md", bookmarked: true, bookmarkedAt: 102))
        #expect(again.articles.count == 2)
    }

    /// A `state.json` that is a symlink (kept in a synced folder, say) stays one: the file it
    /// points to is written, atomically in its own folder, and moved aside there when corrupt;
    /// a dangling link is followed to where it points.
    @Test(arguments: [true, false])
    func aSymlinkedStateFileIsWrittenThroughToItsTarget(_ targetExists: Bool) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.mkdir("state")
        try folder.mkdir("synced")
        let target = folder.path + "/synced/reader-state.json"
        if targetExists { try Data("{\"version\": 1, \"articles\": {}}".utf8).write(to: URL(fileURLWithPath: target)) }
        #expect(symlink("../synced/reader-state.json", folder.path + "/state/state.json") == 0)
        let store = makeStore(folder)
        try store.apply([.read(Self.first, true)])
        var info = stat()
        #expect(lstat(folder.path + "/state/state.json", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        let written = try JSONDecoder().decode(StateFile.self, from: Data(contentsOf: URL(fileURLWithPath: target)))
        #expect(written.state(for: Self.first).read)
        #expect(makeStore(folder).load().state(for: Self.first).read)
        // Corrupt: moved aside beside the target, the link kept.
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: target))
        try store.apply([.bookmarked(Self.second, true)])
        #expect(lstat(folder.path + "/state/state.json", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/synced").contains { $0.hasPrefix("reader-state.json.corrupt-") })
        #expect(makeStore(folder).load().state(for: Self.second).bookmarked)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/synced").allSatisfy { !$0.hasPrefix(".state.json.tmp") })
    }

    @Test func laterChangesReplaceEarlierOnesAndANegativePositionBecomesZero() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = makeStore(folder, clock: TickingClock(start: 100))
        try store.apply([.read(Self.first, true), .bookmarked(Self.first, true), .position(Self.first, 50)])
        try store.apply([.read(Self.first, false)])
        try store.apply([.bookmarked(Self.first, false), .position(Self.first, -7)])
        let state = store.load().state(for: Self.first)
        #expect(state == ArticleState(path: "zh/library.txt", read: false, readAt: 102, bookmarked: false, bookmarkedAt: 103,
                                      position: 0, positionAt: 103))
    }

    @Test func aChangeAfterAMoveFollowsTheArticleToItsNewID() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = makeStore(folder)
        try store.apply([.read(Self.first, true)])
        let moved = ArticleKey(fingerprint: Self.first.fingerprint, id: "archive/library.txt")
        try store.apply([.bookmarked(moved, true)])
        let file = store.load()
        #expect(file.articles.count == 1)
        #expect(file.state(for: moved).read)
        #expect(file.state(for: moved).bookmarked)
        #expect(file.state(for: moved).path == "archive/library.txt")
    }

    @Test func aChangeAfterAnEditRekeysTheEntryToTheNewFingerprint() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = makeStore(folder)
        try store.apply([.read(Self.first, true)])
        let edited = ArticleKey(fingerprint: "1111111111111111", id: Self.first.id)
        try store.apply([.position(edited, 12)])
        let file = store.load()
        #expect(file.articles.keys.sorted() == ["1111111111111111"])
        #expect(file.state(for: edited).read)
        #expect(file.state(for: edited).position == 12)
    }

    // MARK: - Merging

    @Test func mergingTakesTheLaterChangeOfEachField() {
        let mine = ArticleState(path: "old.txt", read: true, readAt: 10, bookmarked: true, bookmarkedAt: 5, position: 100, positionAt: 20)
        let theirs = ArticleState(path: "new.txt", read: false, readAt: 4, bookmarked: false, bookmarkedAt: 8, position: 50, positionAt: 30)
        let expected = ArticleState(path: "new.txt", read: true, readAt: 10, bookmarked: false, bookmarkedAt: 8, position: 50, positionAt: 30)
        #expect(mine.merged(with: theirs) == expected)
        #expect(theirs.merged(with: mine) == expected)
    }

    @Test func aLaterUnbookmarkWinsOverAnEarlierBookmarkEitherWay() {
        let bookmarked = ArticleState(path: "a.txt", bookmarked: true, bookmarkedAt: 100)
        let unbookmarked = ArticleState(path: "a.txt", bookmarked: false, bookmarkedAt: 200)
        #expect(bookmarked.merged(with: unbookmarked).bookmarked == false)
        #expect(unbookmarked.merged(with: bookmarked).bookmarked == false)
        #expect(unbookmarked.merged(with: bookmarked).bookmarkedAt == 200)
        // And a later bookmark wins over an earlier removal.
        let rebookmarked = ArticleState(path: "a.txt", bookmarked: true, bookmarkedAt: 300)
        #expect(unbookmarked.merged(with: rebookmarked).bookmarked)
    }

    @Test func mergingAnExportedStateKeepsALaterRemovalOnDisk() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = makeStore(folder, clock: TickingClock(start: 1000))
        try store.apply([.bookmarked(Self.first, false)])  // at 1001
        let exported = StateFile(articles: [
            Self.first.fingerprint: ArticleState(path: Self.first.id, read: true, readAt: 2000, bookmarked: true, bookmarkedAt: 500),
            Self.second.fingerprint: ArticleState(path: Self.second.id, bookmarked: true, bookmarkedAt: 500),
        ])
        try store.merge(exported)
        let file = store.load()
        #expect(file.state(for: Self.first).bookmarked == false)
        #expect(file.state(for: Self.first).read)
        #expect(file.state(for: Self.second).bookmarked)
    }

    // MARK: - Keys

    @Test func anEntryIsFoundByFingerprintAfterAMove() {
        let file = StateFile(articles: ["aaaaaaaaaaaaaaaa": ArticleState(path: "inbox/tea.md", read: true, readAt: 1)])
        let moved = ArticleKey(fingerprint: "aaaaaaaaaaaaaaaa", id: "archive/2024/tea.md")
        #expect(file.key(for: moved) == "aaaaaaaaaaaaaaaa")
        #expect(file.key(for: moved, liveFingerprints: ["aaaaaaaaaaaaaaaa"]) == "aaaaaaaaaaaaaaaa")
        #expect(file.state(for: moved, liveFingerprints: ["aaaaaaaaaaaaaaaa"]).read)
    }

    @Test func anEntryIsFoundByItsPathHintAfterAnEdit() {
        let file = StateFile(articles: ["aaaaaaaaaaaaaaaa": ArticleState(path: "inbox/tea.md", read: true, readAt: 1),
                                        "cccccccccccccccc": ArticleState(path: "inbox/other.md", bookmarked: true, bookmarkedAt: 1)])
        let edited = ArticleKey(fingerprint: "bbbbbbbbbbbbbbbb", id: "inbox/tea.md")
        #expect(file.key(for: edited, liveFingerprints: ["bbbbbbbbbbbbbbbb", "cccccccccccccccc"]) == "aaaaaaaaaaaaaaaa")
        #expect(file.state(for: edited, liveFingerprints: ["bbbbbbbbbbbbbbbb"]).read)
    }

    @Test func anEntryIsNotTakenByPathWhenAnotherLiveFileOwnsItsFingerprint() {
        // tea.md moved to archive/, and a new, different tea.md saved in its place.
        let file = StateFile(articles: ["aaaaaaaaaaaaaaaa": ArticleState(path: "inbox/tea.md", read: true, readAt: 1)])
        let newcomer = ArticleKey(fingerprint: "bbbbbbbbbbbbbbbb", id: "inbox/tea.md")
        let live: Set<String> = ["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"]
        #expect(file.key(for: newcomer, liveFingerprints: live) == nil)
        #expect(file.state(for: newcomer, liveFingerprints: live) == ArticleState(path: "inbox/tea.md"))
        #expect(file.key(for: ArticleKey(fingerprint: "aaaaaaaaaaaaaaaa", id: "archive/tea.md"), liveFingerprints: live) == "aaaaaaaaaaaaaaaa")
    }

    @Test func anUnknownArticleHasAFreshState() {
        let file = StateFile(articles: ["aaaaaaaaaaaaaaaa": ArticleState(path: "inbox/tea.md", read: true, readAt: 1)])
        let other = ArticleKey(fingerprint: "dddddddddddddddd", id: "inbox/coffee.md")
        #expect(file.key(for: other) == nil)
        #expect(file.state(for: other) == ArticleState(path: "inbox/coffee.md"))
    }

    // MARK: - A damaged, newer or older file

    /// Corrupt state files by name: the content, and a word the warning must carry.
    static let corruptFiles: [String: (content: String, mentioned: String)] = [
        "cut short": ("{ \"version\": 1, \"articles\": { oops", "JSON"),
        "a version that is no number": ("{\"version\": \"one\", \"articles\": {}}", "version"),
        "binary": ("\u{00}\u{01}binary\u{FF}", "JSON"),
        "no version": ("{\"articles\": {}}", "version"),
    ]

    @Test(arguments: corruptFiles.keys.sorted())
    func aCorruptFileIsMovedAsideWithAWarningAndLoadsEmpty(_ kind: String) throws {
        let (content, mentioned) = try #require(Self.corruptFiles[kind])
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = makeStore(folder)
        try folder.mkdir("state")
        let corrupt = Array(content.utf8)
        try folder.write("state/state.json", bytes: corrupt)

        #expect(store.load() == StateFile())
        #expect(!FileManager.default.fileExists(atPath: store.path))
        let aside = names(in: store.directory).filter { $0.hasPrefix("state.json.corrupt-") }
        #expect(aside.count == 1)
        let asidePath = store.directory + "/" + (aside.first ?? "")
        #expect(bytes(asidePath) == corrupt)
        #expect(store.warnings.count == 1)
        let warning = store.warnings.first ?? ""
        #expect(warning.contains(store.path))
        #expect(warning.contains(asidePath))
        #expect(warning.contains(mentioned))
        // The parse error is the reader's own, with where it went wrong.
        do {
            _ = try StateJSONReader.parse(corrupt)
            Issue.record("the content parsed")
        } catch {
            #expect(warning.contains(Sanitizer.line(error.description)) && error.description.contains("at byte"))
        }

        // Saving starts a fresh file and leaves the corrupt copy alone.
        try store.apply([.read(Self.first, true)])
        #expect(store.load().state(for: Self.first).read)
        #expect(bytes(asidePath) == corrupt)
    }

    @Test func aCorruptFileFoundWhileSavingIsMovedAsideToo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = makeStore(folder)
        try store.apply([.read(Self.first, true)])
        try folder.write("state/state.json", "not json at all")
        try store.apply([.bookmarked(Self.second, true)])
        let file = store.load()
        #expect(file.articles.keys.sorted() == [Self.second.fingerprint])
        let aside = names(in: store.directory).filter { $0.hasPrefix("state.json.corrupt-") }
        #expect(aside.count == 1)
        #expect(bytes(store.directory + "/" + (aside.first ?? "")) == Array("not json at all".utf8))
        #expect(store.warnings.count == 1)
    }

    /// Two corruptions in quick succession (within the same second) keep both corrupt copies.
    @Test func aSecondCorruptFileDoesNotOverwriteTheFirstCopy() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = makeStore(folder)
        try folder.mkdir("state")
        try folder.write("state/state.json", "first corrupt content")
        _ = store.load()
        try folder.write("state/state.json", "second corrupt content")
        _ = store.load()
        let kept = Set(names(in: store.directory).filter { $0.hasPrefix("state.json.corrupt-") }
            .compactMap { bytes(store.directory + "/" + $0) }.map { String(decoding: $0, as: UTF8.self) })
        #expect(kept == ["first corrupt content", "second corrupt content"])
    }

    @Test func aFileFromANewerSchemaIsReadButNeverWritten() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let content = """
            {"version": 99, "articles": {"0123456789abcdef": {"path": "zh/library.txt", "read": true, "readAt": 5, "colour": "blue"}},
             "futureField": [1, 2, 3]}
            """
        try folder.write("state/state.json", content)
        let store = makeStore(folder)
        let file = store.load()
        #expect(file.version == 99)
        #expect(file.state(for: Self.first).read)
        #expect(store.isReadOnly)
        #expect(store.warnings.count == 1)
        #expect(store.warnings.first?.contains("99") == true)

        #expect(throws: StateStoreError.newerSchema(store.path, version: 99)) { try store.apply([.bookmarked(Self.first, true)]) }
        #expect(throws: StateStoreError.newerSchema(store.path, version: 99)) { try store.merge(StateFile()) }
        #expect(bytes(store.path) == Array(content.utf8))
        #expect(names(in: store.directory).allSatisfy { !$0.hasPrefix(".state.json.tmp.") && !$0.contains(".bak") })
    }

    @Test func aStoreThatNeverLoadedStillRefusesToWriteANewerFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let content = "{\"version\": 2, \"articles\": {}}"
        try folder.write("state/state.json", content)
        let store = makeStore(folder)
        #expect(throws: StateStoreError.newerSchema(store.path, version: 2)) { try store.apply([.read(Self.first, true)]) }
        #expect(store.isReadOnly)
        #expect(bytes(store.path) == Array(content.utf8))
    }

    @Test func anOlderFileIsMigratedOnWriteAndTheOriginalKeptAsABackup() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let content = "{\"version\": 0, \"articles\": {\"fedcba9876543210\": {\"path\": \"en/harbour.md\", \"bookmarked\": true, \"bookmarkedAt\": 7}}}\n"
        try folder.write("state/state.json", content)
        let store = makeStore(folder)
        #expect(store.load().version == 0)
        #expect(!store.isReadOnly)
        try store.apply([.read(Self.first, true)])

        let backup = store.path + ".v0.bak"
        #expect(bytes(backup) == Array(content.utf8))
        let migrated = try JSONDecoder().decode(StateFile.self, from: Data(contentsOf: URL(fileURLWithPath: store.path)))
        #expect(migrated.version == StateFile.currentVersion)
        #expect(migrated.state(for: Self.second).bookmarked)
        #expect(migrated.state(for: Self.first).read)
        // A second write keeps the backup as it was.
        try store.apply([.read(Self.second, true)])
        #expect(bytes(backup) == Array(content.utf8))
    }

    // MARK: - The file on disk

    @Test func staleTemporaryFilesAreRemovedOnTheNextWrite() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = makeStore(folder)
        try store.apply([.read(Self.first, true)])
        try folder.write("state/.state.json.tmp.4242", "{\"version\": 1, \"art")
        try folder.write("state/.state.json.tmp.99999", "")
        try folder.write("state/keep-me.txt", "unrelated")
        try store.apply([.read(Self.second, true)])
        #expect(names(in: store.directory) == ["keep-me.txt", "state.json", "state.json.journal", "state.json.lock"])
    }

    @Test func theWrittenFileIsPrivateAndParses() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = makeStore(folder)
        try store.apply([.read(Self.first, true), .position(Self.second, 99)])
        var info = stat()
        #expect(stat(store.path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(info.st_mode & S_IFMT == S_IFREG)
        let parsed = try JSONDecoder().decode(StateFile.self, from: Data(contentsOf: URL(fileURLWithPath: store.path)))
        #expect(parsed == store.load())
        #expect(parsed.articles.count == 2)
        #expect(stat(store.directory, &info) == 0)
        #expect(info.st_mode & 0o077 == 0)
    }

    @Test func twoStoresOnTheSameFolderInterleavingWritesLoseNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let clock = TickingClock()
        let one = makeStore(folder, clock: clock), two = makeStore(folder, clock: clock)
        // Both loaded before either wrote, as two readers open at once would.
        #expect(one.load() == StateFile() && two.load() == StateFile())
        let keys = (0..<40).map { ArticleKey(fingerprint: String(format: "%016lx", $0 + 1), id: "article-\($0).txt") }
        for (index, key) in keys.enumerated() {
            if index.isMultiple(of: 2) {
                try one.apply([.read(key, true)])
                try two.apply([.bookmarked(keys[0], index.isMultiple(of: 4))])
            } else {
                try two.apply([.read(key, true), .position(key, index)])
            }
        }
        // The same article from both sides: each field as last set.
        try one.apply([.position(keys[1], 777)])
        try two.apply([.bookmarked(keys[1], true)])
        for file in [one.load(), two.load()] {
            #expect(file.articles.count == keys.count)
            #expect(keys.allSatisfy { file.state(for: $0).read })
            #expect(file.state(for: keys[0]).bookmarked == false)  // last set at index 38, not a multiple of 4
            #expect(file.state(for: keys[1]).position == 777)
            #expect(file.state(for: keys[1]).bookmarked)
            #expect(file.state(for: keys[3]).position == 3)
        }
    }

    @Test func twoStoresWritingFromTwoThreadsLoseNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let directory = folder.path + "/state"
        let failures = ResultBox<Int>()
        failures.value = 0
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            let store = StateStore(directory: directory)
            for index in 0..<30 {
                let key = ArticleKey(fingerprint: String(format: "%08lx%08lx", writer + 1, index), id: "w\(writer)/\(index).txt")
                do { try store.apply([.read(key, true)]) } catch {
                    lock.lock(); failures.value! += 1; lock.unlock()
                }
            }
        }
        #expect(failures.value == 0)
        let file = StateStore(directory: directory).load()
        #expect(file.articles.count == 60)
        #expect(file.articles.values.allSatisfy { $0.read })
    }

    // MARK: - Decoding

    @Test func missingFieldsDecodeToDefaults() throws {
        let json = """
            {"version": 1, "articles": {
              "aaaaaaaaaaaaaaaa": {"path": "only-path.txt"},
              "bbbbbbbbbbbbbbbb": {},
              "cccccccccccccccc": {"read": true, "position": -5}
            }}
            """
        let file = try JSONDecoder().decode(StateFile.self, from: Data(json.utf8))
        #expect(file.articles["aaaaaaaaaaaaaaaa"] == ArticleState(path: "only-path.txt"))
        #expect(file.articles["bbbbbbbbbbbbbbbb"] == ArticleState(path: ""))
        #expect(file.articles["cccccccccccccccc"] == ArticleState(path: "", read: true))
        let bare = try JSONDecoder().decode(StateFile.self, from: Data("{\"version\": 1}".utf8))
        #expect(bare == StateFile())
    }

    @Test func aFileWithMissingFieldsLoadsThroughTheStore() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("state/state.json", "{\"version\": 1, \"articles\": {\"0123456789abcdef\": {\"read\": true}}}")
        let store = makeStore(folder)
        let file = store.load()
        #expect(store.warnings.isEmpty)
        #expect(file.state(for: Self.first) == ArticleState(path: "", read: true))
    }
}
