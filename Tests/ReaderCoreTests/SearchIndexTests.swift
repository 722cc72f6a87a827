import Foundation
import Synchronization
import Testing
@testable import ReaderCore

/// The full-text index against the search that reads every file: after random edits, additions,
/// deletions and moves; stale or damaged; cut to its best results.
@Suite struct SearchIndexTests {
    static let words = ["harbour", "lantern", "tide", "ferry", "council", "market", "bridge", "river", "north", "garden"]
    static let han = ["码头", "灯塔", "渡轮", "市场", "花园", "河流", "北方", "桥梁"]
    static let kana = ["みなと", "とうだい", "フェリー", "いちば"]
    static let queries = ["harbour", "tide ferry", "\"north garden\"", "码头", "灯", "塔渡", "みなと", "ふぇりー", "market 市场", "tag:sea",
                          "author:holm", "zzz", "h", "ma", "ho", "ti", "market f", "码头 ri", "zq", "9"]

    /// A random article: a title and paragraphs of the words above, sometimes with front matter.
    static func article(_ random: inout SplitMix64) -> String {
        func phrase(_ count: Int) -> String {
            (0..<count).map { _ in
                switch random.below(3) {
                case 0: words[random.below(words.count)]
                case 1: han[random.below(han.count)] + han[random.below(han.count)]
                default: kana[random.below(kana.count)]
                }
            }.joined(separator: random.oneIn(3) ? "" : " ")
        }
        let body = (0..<random.within(1...4)).map { _ in phrase(random.within(4...14)) + "." }.joined(separator: "\n\n")
        if random.oneIn(3) {
            return "---\ntitle: \(phrase(3))\nauthor: Ingrid Holm\ntags: [sea, \(words[random.below(words.count)])]\n---\n\n\(body)\n"
        }
        return phrase(random.within(2...5)) + "\n\n" + body + "\n"
    }

    func compare(_ folder: TemporaryFolder, _ cache: LibraryCache, update: Bool = true, _ comment: String) throws {
        let root = folder.path + "/library"
        for query in Self.queries {
            let indexed = try LibrarySearch.indexed(query, in: Library(root: root, cache: cache), cache: cache, update: update)
            let scanned = try LibrarySearch.scanned(query, in: Library(root: root))
            #expect(indexed.results == scanned.results, "\(query), \(comment)")
            #expect(indexed.count == scanned.count, "\(query), \(comment)")
            // Brought up to date, the index answers a query as it is typed alone, by its keys.
            guard update else { continue }
            let keys = try #require(try cache.index().keys(), "\(comment)")
            let typed = try LibrarySearch.scanned(query, in: Library(root: root), typing: true)
            #expect(try LibrarySearch.matched(query, cache: cache, keys: keys) == MatchedArticles(ids: typed.results.map(\.id)),
                    "\(query), \(comment), typed")
            // And Enter's answer: the same articles, each of the rank the scan gives it.
            var ranked = MatchedArticles(keys: [], capacity: typed.count, ranked: true)
            for result in typed.results {
                ranked.insert(MatchedArticles.key(of: result.id), rank: (result.titleMatches ? 1 << 32 : 0) | Int64(result.matches))
            }
            #expect(try LibrarySearch.matched(query, cache: cache, keys: keys, ranked: true) == ranked, "\(query), \(comment), ranked")
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func theIndexEqualsAScanAfterRandomEditsAdditionsDeletionsAndMoves(_ seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let cache = LibraryCache(root: folder.path + "/library", cacheHome: folder.path + "/cache")
        var ids = (0..<30).map { "dir\($0 % 3)/a\($0).\($0 % 4 == 0 ? "md" : "txt")" }
        for id in ids { try folder.write("library/" + id, Self.article(&random)) }
        try compare(folder, cache, "seed \(seed), first")
        for round in 0..<4 {
            for _ in 0..<8 {
                let path = { (id: String) in folder.path + "/library/" + id }
                switch random.below(4) {
                case 0 where !ids.isEmpty:  // edit, with a new time
                    let id = ids[random.below(ids.count)]
                    try folder.write("library/" + id, Self.article(&random))
                    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(1_600_000_000 + round * 100 + random.below(99)))],
                                                          ofItemAtPath: path(id))
                case 1:  // add
                    let id = "dir\(random.below(4))/new-\(round)-\(random.below(1_000)).txt"
                    if !ids.contains(id) { ids.append(id) }
                    try folder.write("library/" + id, Self.article(&random))
                case 2 where !ids.isEmpty:  // delete
                    let id = ids.remove(at: random.below(ids.count))
                    try FileManager.default.removeItem(atPath: path(id))
                case 3 where !ids.isEmpty:  // move
                    let id = ids.remove(at: random.below(ids.count))
                    let moved = "moved/\(round)-\(random.below(1_000))-" + (id as NSString).lastPathComponent
                    try FileManager.default.createDirectory(atPath: folder.path + "/library/moved", withIntermediateDirectories: true)
                    if !FileManager.default.fileExists(atPath: path(moved)) {
                        try FileManager.default.moveItem(atPath: path(id), toPath: path(moved))
                        ids.append(moved)
                    } else {
                        ids.append(id)
                    }
                default: break
                }
            }
            // The index left stale answers from itself plus a read of the rest; then brought up to date.
            try compare(folder, cache, update: false, "seed \(seed), round \(round), stale index")
            try compare(folder, cache, "seed \(seed), round \(round)")
        }
        #expect(try cache.index().stamps().count == ids.count)
    }

    @Test func aLimitGivesTheBestResultsAndTheCountOfAll() throws {
        var random = SplitMix64(seed: 9)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for index in 0..<40 { try folder.write("library/a\(index).txt", Self.article(&random)) }
        let root = folder.path + "/library", cache = LibraryCache(root: root, cacheHome: folder.path + "/cache")
        let all = try LibrarySearch.indexed("harbour", in: Library(root: root, cache: cache), cache: cache)
        let best = try LibrarySearch.indexed("harbour", in: Library(root: root, cache: cache), cache: cache, limit: 5)
        #expect(all.count > 5 && all.count == all.results.count)
        #expect(best.count == all.count)
        #expect(best.results == Array(all.results.prefix(5)))
        #expect(try LibrarySearch.scanned("harbour", in: Library(root: root), limit: 5).results == best.results)
        let bare = try LibrarySearch.indexed("harbour", in: Library(root: root, cache: cache), cache: cache, snippets: false)
        #expect(bare.results.map(\.id) == all.results.map(\.id))
        #expect(bare.results.allSatisfy { $0.snippet.isEmpty && $0.title.isEmpty })
    }

    /// The best few of every query, and the count of all, whether the title matches alone hold
    /// them (ranked alone, the rest only counted) or every match is ranked: as a scan finds them.
    @Test(arguments: [1, 2, 7, 30] as [Int])
    func theBestFewAreTheScansWhetherTheTitlesHoldThemOrNot(_ limit: Int) throws {
        let (folder, root, cache) = try Self.randomLibrary(seed: 31, count: 120)
        defer { folder.remove() }
        var titlesHeld = 0
        for query in Self.queries + ["harbour tag:sea", "author:holm tide", "\"tide ferry\"", "灯塔 みなと"] {
            let indexed = try LibrarySearch.indexed(query, in: Library(root: root, cache: cache), cache: cache, limit: limit)
            let scanned = try LibrarySearch.scanned(query, in: Library(root: root), limit: limit)
            #expect(indexed.results == scanned.results, "\(query), limit \(limit)")
            #expect(indexed.count == scanned.count, "\(query), limit \(limit)")
            if scanned.results.count == limit, scanned.results.allSatisfy(\.titleMatches) { titlesHeld += 1 }
        }
        #expect(titlesHeld >= 3, "too few queries whose best were all title matches to prove anything")
    }

    /// The best of many articles that rank the same are the first by id, whether the ties are
    /// looked up one by one or, past the tie limit, sorted by SQLite.
    @Test func tiesAtTheLimitAreBrokenByIdEitherWay() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // Thirty articles with the word once, three with it twice, one with it in the title.
        for index in 0..<30 { try folder.write("library/t\((index * 7) % 30).txt", "Note \(index)\n\nThe ferry left the quay at noon.\n") }
        for index in 0..<3 { try folder.write("library/twice\(index).txt", "Note\n\nA ferry, then another ferry.\n") }
        try folder.write("library/zz-title.txt", "The Ferry\n\nIt crossed at dawn.\n")
        let root = folder.path + "/library", cache = LibraryCache(root: root, cacheHome: folder.path + "/cache")
        let all = try LibrarySearch.indexed("ferry", in: Library(root: root, cache: cache), cache: cache)
        let index = try cache.index()
        let query = try SearchQuery("ferry")
        for limit in [1, 4, 5, 10, 34, 40] {
            let looked = try index.search(query, limit: limit), sorted = try index.search(query, limit: limit, tieLimit: 0)
            #expect(looked == sorted && looked.count == 34, "limit \(limit)")
            #expect(looked.hits.map(\.id) == Array(all.results.prefix(limit).map(\.id)), "limit \(limit)")
        }
        #expect(all.results.prefix(5).map(\.id) == ["zz-title.txt", "twice0.txt", "twice1.txt", "twice2.txt", "t0.txt"])
    }

    /// Damage done to `index.sqlite`, by name.
    static let damages: [String: @Sendable (String) throws -> Void] = [
        "garbage bytes": { try Data("not a database at all\u{0}\u{FF}".utf8).write(to: URL(fileURLWithPath: $0)) },
        "zero-filled": { try Data(count: 64 * 1_024).write(to: URL(fileURLWithPath: $0)) },
        "truncated": { _ = truncate($0, 1_000) },
        "overwritten in the middle": { path in
            guard let handle = FileHandle(forUpdatingAtPath: path) else { throw SetupError("cannot open \(path)") }
            try handle.seek(toOffset: 4_096)
            handle.write(Data(repeating: 0xA5, count: 8_192))
            try handle.close()
        },
        "a FIFO": { path in unlink(path); mkfifo(path, 0o600) },
        "a symlink to /dev/zero": { path in unlink(path); symlink("/dev/zero", path) },
        "a FIFO for its journal": { path in mkfifo(path + "-wal", 0o600) },
        "another schema version": { path in
            let database = try SQLiteDatabase(path: path)
            try database.execute("PRAGMA user_version = 99")
        },
        "folded by another version": { path in
            let database = try SQLiteDatabase(path: path)
            try database.execute("UPDATE info SET value = 'x' WHERE key = 'fold'")
        },
    ]

    @Test(.hangGuard, arguments: damages.keys.sorted())
    func aDamagedIndexIsRebuiltWithOneNoticeAndGivesTheSameAnswers(_ damage: String) throws {
        let library = try SearchLibrary()
        defer { library.remove() }
        let queries = LibrarySearchTests.queries
        let answers = try queries.map(library.indexed)
        let path = library.cache.directory + "/index.sqlite"
        for suffix in ["-wal", "-shm"] { unlink(path + suffix) }
        let harm = try #require(Self.damages[damage])
        let left = ["-wal", "-shm"].filter { FileManager.default.fileExists(atPath: path + $0) }
        #expect(left.isEmpty, "\(left)")
        try harm(path)
        let first = try LibrarySearch.indexed("lighthouse", in: library.library, cache: library.cache)
        #expect(first.notice?.contains("rebuilding") == true, "\(damage): \(first.notice ?? "no notice")")
        #expect(try queries.map(library.indexed) == answers, "\(damage)")
        #expect(try LibrarySearch.indexed("lighthouse", in: library.library, cache: library.cache).notice == nil)
    }

    /// A library of `count` random articles (`a0.txt`…), with a cache folder beside it.
    static func randomLibrary(seed: UInt64, count: Int) throws -> (folder: TemporaryFolder, root: String, cache: LibraryCache) {
        var random = SplitMix64(seed: seed)
        let folder = try TemporaryFolder()
        for index in 0..<count { try folder.write("library/a\(index).txt", Self.article(&random)) }
        let root = folder.path + "/library"
        return (folder, root, LibraryCache(root: root, cacheHome: folder.path + "/cache"))
    }

    /// The reader's index job and the searches typed meanwhile open a new index at once: none
    /// takes another's tables for damage, and each answers as a scan does.
    @Test(.hangGuard, arguments: 1...3)
    func connectionsOpeningANewIndexAtOnceNeitherRebuildNorFail(_ round: Int) throws {
        let (folder, root, cache) = try Self.randomLibrary(seed: UInt64(round), count: 30)
        defer { folder.remove() }
        let library = Library(root: root, cache: cache)
        let rows = try library.rows().rows
        let expected = try LibrarySearch.scanned("harbour", in: Library(root: root)).results.map(\.id)
        let outcomes = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            let outcome: String
            do {
                let index = try cache.index()
                if worker == 0 { _ = try index.update(rows, root: root) }
                let answer = try LibrarySearch.indexed("harbour", in: library, cache: cache, scope: .rows(rows), update: false)
                outcome = answer.notice ?? index.rebuilt ?? (answer.results.map(\.id) == expected ? "ok" : "other answer")
            } catch {
                outcome = "\(error)"
            }
            outcomes.withLock { $0.append(outcome) }
        }
        #expect(outcomes.withLock { $0 } == Array(repeating: "ok", count: 8))
    }

    /// The keys read of an index answer a search as it is typed only while the index holds what
    /// it held then: not once an update changed it, nor from an index built again in its place.
    @Test func theKeysOfAnIndexChangedSinceAnswerNothing() throws {
        var random = SplitMix64(seed: 12)
        let (folder, root, cache) = try Self.randomLibrary(seed: 11, count: 20)
        defer { folder.remove() }
        let library = Library(root: root, cache: cache)
        #expect(try cache.index().keys() == nil)
        _ = try LibrarySearch.indexed("harbour", in: library, cache: cache)
        let keys = try #require(try cache.index().keys())
        #expect(keys.count == 20)
        let matched = try #require(try LibrarySearch.matched("harb", cache: cache, keys: keys))
        #expect(matched == MatchedArticles(ids: try LibrarySearch.scanned("harb", in: library, typing: true).results.map(\.id)))
        #expect(matched.count > 0)
        try folder.write("library/added.txt", Self.article(&random))
        _ = try LibrarySearch.indexed("harbour", in: library, cache: cache)
        #expect(try LibrarySearch.matched("harb", cache: cache, keys: keys) == nil)
        let current = try #require(try cache.index().keys())
        #expect(try LibrarySearch.matched("harb", cache: cache, keys: current) != nil)
        // Built again from the same files: the same rows, another index.
        let index = try cache.index()
        _ = try SearchIndex.replacing(index, after: SQLiteError(code: 11, message: "test"))
        _ = try LibrarySearch.indexed("harbour", in: library, cache: cache)
        #expect(try LibrarySearch.matched("harb", cache: cache, keys: current) == nil)
        #expect(try cache.index().keys() != nil)
    }

    /// A query under way when its search is cancelled stops with SQLITE_INTERRUPT, from the
    /// thread that cancels; once it is over, cancelling interrupts nothing.
    @Test(.hangGuard) func cancellingInterruptsTheQueryUnderWay() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try SQLiteDatabase(path: folder.path + "/slow.sqlite")
        let progress = WorkProgress()
        let started = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            started.wait()
            usleep(50_000)
            progress.cancel()
        }
        let statement = try database.prepare("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n")
        // The count never ends by itself: only the interrupt stops it (else the hang guard fails the test).
        do {
            try progress.interruptible(by: database.interrupter) { () throws(SQLiteError) in
                started.signal()
                _ = try statement.step()
            }
            Issue.record("the endless query ended")
        } catch {
            #expect(error.code == 9)  // SQLITE_INTERRUPT
        }
        statement.reset()
        #expect(try database.prepare("SELECT 1").step())
        // Cancelled once its work is over, a progress calls the interrupt no more.
        let after = WorkProgress(), interrupted = WorkProgress()
        after.interruptible(by: { interrupted.cancel() }) {}
        after.cancel()
        #expect(!interrupted.isCancelled)
    }

    /// The index records the rows it was found to hold, so a search of the same rows reads no
    /// stamps: an edit, a file gone, an update cut short or a file it could not read undo it.
    @Test func theIndexKnowsWhenItHoldsTheRowsAsTheyAre() throws {
        var random = SplitMix64(seed: 5)
        let (folder, root, cache) = try Self.randomLibrary(seed: 4, count: 200)
        defer { folder.remove() }
        let library = Library(root: root, cache: cache)
        var rows = try library.rows().rows
        let index = try cache.index()
        #expect(try !index.holds(rows))
        _ = try index.update(rows, root: root)
        #expect(try index.holds(rows))
        #expect(try !index.holds(Array(rows.dropLast())))
        // An edit: not held until the next update.
        try folder.write("library/a7.txt", "Edited\n\nharbour harbour lantern\n")
        rows = try library.rows().rows
        #expect(try !index.holds(rows))
        _ = try LibrarySearch.indexed("harbour", in: library, cache: cache)
        #expect(try index.holds(rows))
        // An update cut short leaves it not held.
        try FileManager.default.removeItem(atPath: root + "/a3.txt")
        for index in 200..<400 { try folder.write("library/a\(index).txt", Self.article(&random)) }
        rows = try library.rows().rows
        let progress = WorkProgress()
        progress.cancel()
        _ = try index.update(rows, root: root, progress: progress)
        #expect(try !index.holds(rows))
        #expect(try !index.holds(try library.rows().rows.filter { $0.id != "a200.txt" }))
        _ = try index.update(rows, root: root)
        #expect(try index.holds(rows))
        // A file it could not read (gone since the list was read): not held.
        try folder.write("library/a9.txt", "Edited again\n\nharbour\n")
        rows = try library.rows().rows
        try FileManager.default.removeItem(atPath: root + "/a9.txt")
        #expect(try index.update(rows, root: root).map(\.id) == ["a9.txt"])
        #expect(try !index.holds(rows))
        #expect(try LibrarySearch.indexed("harbour", in: library, cache: cache).results.map(\.id)
                == (try LibrarySearch.scanned("harbour", in: Library(root: root)).results.map(\.id)))
    }
}
