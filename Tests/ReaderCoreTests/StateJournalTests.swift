import Foundation
import Testing
@testable import ReaderCore

/// Changes go to the journal beside the state file, a held lock is waited for a bounded time,
/// and a big journal is folded back into the file.
@Suite struct StateJournalTests {
    static let first = StateStoreTests.first, second = StateStoreTests.second

    func makeStore(_ folder: TemporaryFolder) -> StateStore {
        StateStore(directory: folder.path + "/state", clock: TickingClock().read)
    }

    func lines(_ path: String) -> [String] {
        (try? String(contentsOfFile: path, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
    }

    @Test func aChangeIsOneLineAppendedAndTheStateIsTheFileWithItsJournal() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = makeStore(folder)
        try store.apply([.read(Self.first, true)])  // the first change writes the file
        let file = try String(contentsOfFile: store.path, encoding: .utf8)
        try store.apply([.bookmarked(Self.second, true)])
        try store.apply([.position(Self.first, 40), .read(Self.second, true)])
        #expect(try String(contentsOfFile: store.path, encoding: .utf8) == file)
        #expect(lines(store.path + ".journal").count == 3)
        let state = StateStore(directory: store.directory).load()
        #expect(state.state(for: Self.first).read && state.state(for: Self.first).position == 40)
        #expect(state.state(for: Self.second).bookmarked && state.state(for: Self.second).read)
    }

    @Test func aTornLastLineIsIgnoredAndADamagedLineIsSaidAndKeptAside() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = makeStore(folder)
        try store.apply([.read(Self.first, true)])
        try store.apply([.bookmarked(Self.first, true)])
        let journal = store.path + ".journal"
        let handle = try #require(FileHandle(forWritingAtPath: journal))
        handle.seekToEndOfFile()
        handle.write(Data("{\"at\":3,\"fingerp".utf8))  // a crash in mid-append
        try handle.close()
        let torn = StateStore(directory: store.directory)
        #expect(torn.load().state(for: Self.first).bookmarked)
        #expect(torn.warnings.isEmpty, "\(torn.warnings)")
        // The next append starts on a line of its own; the torn line is now damage.
        try store.apply([.read(Self.second, true)])
        let damaged = StateStore(directory: store.directory)
        let state = damaged.load()
        #expect(state.state(for: Self.second).read && state.state(for: Self.first).bookmarked)
        #expect(damaged.warnings.count == 1 && damaged.warnings[0].contains("1 line could not be read"), "\(damaged.warnings)")
        // A whole write (here an import) keeps the damaged journal aside, not emptied.
        try damaged.merge(StateFile())
        let aside = try FileManager.default.contentsOfDirectory(atPath: store.directory).filter { $0.hasPrefix("state.json.journal.corrupt-") }
        #expect(aside.count == 1)
        #expect(StateStore(directory: store.directory).load().state(for: Self.second).read)
    }

    @Test func aJournalOverItsLimitIsFoldedIntoTheFileByTheNextLoad() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = makeStore(folder)
        store.compactionSize = 400
        try store.apply([.read(Self.first, true)])
        for offset in 1...8 { try store.apply([.position(Self.first, offset * 10)]) }
        #expect(store.journal.size > 400)
        let state = store.load()
        #expect(store.journal.size == 0)
        #expect(state.state(for: Self.first).position == 80)
        let file = try JSONDecoder().decode(StateFile.self, from: Data(contentsOf: URL(fileURLWithPath: store.path)))
        #expect(file == state)
    }

    /// A read never waits for another process's lock: with the lock held, the journal is
    /// replayed and left for a later fold.
    @Test func aHeldLockLeavesTheJournalUnfoldedAndTheReadDoesNotWait() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = makeStore(folder)
        store.compactionSize = 200
        try store.apply([.read(Self.first, true)])
        for offset in 1...4 { try store.apply([.position(Self.first, offset * 10)]) }
        let size = store.journal.size
        let lock = open(store.directory + "/state.json.lock", O_RDWR)
        #expect(lock >= 0 && flock(lock, LOCK_EX) == 0)
        defer { close(lock) }
        let start = Date()
        let state = store.load()
        #expect(Date().timeIntervalSince(start) < 1)
        #expect(state.state(for: Self.first).position == 40)
        #expect(store.journal.size == size)
    }

    @Test func aHeldLockIsWaitedForABoundedTimeThenTheChangeFailsAndNothingIsWritten() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = makeStore(folder)
        try store.apply([.read(Self.first, true)])
        let before = try String(contentsOfFile: store.path, encoding: .utf8)
        let lock = open(store.directory + "/state.json.lock", O_RDWR)
        #expect(lock >= 0 && flock(lock, LOCK_EX) == 0)
        defer { close(lock) }
        store.lockTimeout = 0.3
        var waits: [String] = []
        store.onWait = { waits.append($0) }
        let start = Date()
        #expect(throws: StateStoreError.lockTimedOut(store.directory + "/state.json.lock", seconds: 0.3)) {
            try store.apply([.bookmarked(Self.second, true)])
        }
        #expect(Date().timeIntervalSince(start) < 3)
        #expect(waits == [store.directory + "/state.json.lock"])
        #expect(try String(contentsOfFile: store.path, encoding: .utf8) == before)
        #expect(store.journal.size == 0)
        flock(lock, LOCK_UN)
        try store.apply([.bookmarked(Self.second, true)])
        #expect(store.load().state(for: Self.second).bookmarked)
    }

    /// The case: `reader mark` while another process holds the lock says it waits, then
    /// fails with a message instead of blocking forever.
    @Test func markWaitsForAHeldLockWithAMessageThenFails() throws {
        let setup = try StateProcessTests.Setup(articles: 1)
        defer { setup.remove() }
        #expect(try setup.run(["mark", StateProcessTests.Setup.id(0), "--read"]).status == 0)
        let lock = open(setup.state + "/state.json.lock", O_RDWR)
        #expect(lock >= 0 && flock(lock, LOCK_EX) == 0)
        defer { close(lock) }
        let run = try setup.run(["bookmark", StateProcessTests.Setup.id(0)])
        #expect(run.status == 1)
        #expect(run.stderr.contains("waiting for another reader to let go of"), "\(run.stderr)")
        #expect(run.stderr.contains("held the state's lock for 5 s; nothing was saved"), "\(run.stderr)")
        #expect(try setup.statesByPath()[StateProcessTests.Setup.id(0)]?.bookmarked == false)
    }
}
