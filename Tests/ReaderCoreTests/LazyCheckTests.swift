import Foundation
import Testing
@testable import ReaderCore

/// The lazy check (`--lazy-check`): the folders a full check recorded (`FolderStamps`) stand in
/// for a stat of every file, so a list or search answers from the cache while no article was
/// added, removed or renamed, and from a full check as soon as one was.
@Suite struct LazyCheckTests {
    /// Sets every folder of the library (the library's own too) to the mtime `seconds`: long
    /// enough ago that a walk records them (a folder changed within a second of the walk is not).
    static func settle(_ root: String, at seconds: Int) throws {
        let folders = [root] + (FileManager.default.subpaths(atPath: root) ?? []).map { root + "/" + $0 }
            .filter { (try? FileManager.default.attributesOfItem(atPath: $0)[.type] as? FileAttributeType) == .typeDirectory }
        for folder in folders {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(seconds))], ofItemAtPath: folder)
        }
    }

    /// Replaces the file at `path` as most editors save: a new file renamed over the old one.
    static func replace(_ path: String, with text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// A library of a few articles in folders, settled, with its cache.
    static func library() throws -> (folder: TemporaryFolder, root: String, library: Library) {
        let folder = try TemporaryFolder()
        var random = SplitMix64(seed: 21)
        for id in ["a.txt", "sea/b.md", "sea/deep/c.txt", "land/d.txt"] {
            try folder.write("library/" + id, SearchIndexTests.article(&random))
        }
        let root = folder.path + "/library"
        try settle(root, at: 1_600_000_000)
        return (folder, root, Library(root: root, cache: LibraryCache(root: root, cacheHome: folder.path + "/cache")))
    }

    @Test func theRecordRoundTripsAndRefusesAnyOtherText() throws {
        let stamp = try #require(FileStamp.of(path: "/"))
        let record = FolderStamps(root: "/lib", table: stamp, signature: "00ff00ff00ff00ff",
                                  folders: [.init(path: "/lib", stamp: stamp), .init(path: "/lib/a\tb %41", stamp: stamp)])
        #expect(FolderStamps(text: record.text) == record)
        var lines = record.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(FolderStamps(text: String(record.text.dropLast())) == nil, "cut short")
        lines[4] = lines[4].replacingOccurrences(of: "/lib", with: "/lix")
        #expect(FolderStamps(text: lines.joined(separator: "\n")) == nil, "a changed line fails its check")
        #expect(FolderStamps(text: record.text.replacingOccurrences(of: "reader-folders 1", with: "reader-folders 2")) == nil)
        #expect(FolderStamps(text: "") == nil)
    }

    @Test func aLazyListTakesTheTableWhileNoFolderChanged() throws {
        let (folder, root, library) = try Self.library()
        defer { folder.remove() }
        let full = try library.rows().rows
        #expect(full.map(\.id) == ["a.txt", "land/d.txt", "sea/b.md", "sea/deep/c.txt"])
        #expect(try library.rows(lazy: true).rows == full)
        // An edit in place moves no folder's mtime: a lazy check does not see it, a full one does.
        let handle = try #require(FileHandle(forWritingAtPath: root + "/a.txt"))
        handle.seekToEndOfFile()
        handle.write(Data("\nOne more line.\n".utf8))
        handle.closeFile()
        #expect(try library.rows(lazy: true).rows == full)
        let edited = try library.rows().rows
        #expect(edited.first?.size != full.first?.size)
        #expect(try library.rows(lazy: true).rows == edited, "the full check recorded the folders again")
    }

    /// A table another writer put in place since the record (a new file, another stamp) is not
    /// the table the walk found the files as: the lazy check is a full one.
    @Test func aTableWrittenSinceTheRecordIsNotTrusted() throws {
        let (folder, root, library) = try Self.library()
        defer { folder.remove() }
        let cache = try #require(library.cache)
        let full = try library.rows().rows
        // A row no file matches: a check of the files reads that file again.
        var forged = full
        forged[0].size += 1
        #expect(cache.save(forged) != nil)
        #expect(!library.foldersStand(beside: cache.loadStampedRows().stamp))
        #expect(try library.rows(lazy: true).rows == Library(root: root).rows().rows)
        #expect(cache.loadRows() == full, "the full check wrote the table again")
        #expect(library.foldersStand(beside: cache.loadStampedRows().stamp), "and recorded the folders beside it")
    }

    @Test func aLazyListSeesArticlesAddedRemovedRenamedAndSavedOver() throws {
        let (folder, root, library) = try Self.library()
        defer { folder.remove() }
        _ = try library.rows()
        var random = SplitMix64(seed: 5)
        let changes: [(String, () throws -> Void)] = [
            ("added deep down", { try folder.write("library/sea/deep/new.txt", SearchIndexTests.article(&random)) }),
            ("removed", { try FileManager.default.removeItem(atPath: root + "/land/d.txt") }),
            ("renamed", { try FileManager.default.moveItem(atPath: root + "/sea/b.md", toPath: root + "/sea/b2.md") }),
            ("saved over by rename", { try Self.replace(root + "/a.txt", with: "A new title\n\nA new body.\n") }),
            ("a folder added", { try folder.write("library/sky/e.txt", SearchIndexTests.article(&random)) }),
        ]
        for (round, (what, change)) in changes.enumerated() {
            try Self.settle(root, at: 1_600_000_000 + 100 * round)
            _ = try library.rows()  // recorded
            try change()
            #expect(try library.rows(lazy: true).rows == (try Library(root: root).rows().rows), "\(what)")
        }
        #expect(try library.rows(lazy: true).rows.map(\.title).contains("A new title"))
    }

    @Test func aWalkThatMetAProblemOrAFolderJustChangedIsNotRecorded() throws {
        let (folder, root, library) = try Self.library()
        defer { folder.remove() }
        let cache = try #require(library.cache)
        let recorded = { FileManager.default.fileExists(atPath: cache.foldersPath) }
        try folder.write("library/sea/fresh.txt", "Just saved\n\nA moment ago.\n")
        _ = try library.rows()
        #expect(!recorded(), "a folder changed within a second of the walk")
        try Self.settle(root, at: 1_600_000_000)
        _ = try library.rows()
        #expect(recorded())
        // A FIFO where an article would be is a problem each full check reports: never trusted away.
        unlink(cache.foldersPath)
        #expect(mkfifo(root + "/land/pipe.txt", 0o600) == 0)
        try Self.settle(root, at: 1_600_000_100)
        #expect(try library.rows().problems.count == 1)
        #expect(!recorded())
        #expect(try library.rows(lazy: true).problems.count == 1)
    }

    @Test func aDamagedRecordIsReadAsNoneAndWrittenAgain() throws {
        let (folder, root, library) = try Self.library()
        defer { folder.remove() }
        let cache = try #require(library.cache)
        let full = try library.rows().rows
        let sound = try String(contentsOfFile: cache.foldersPath, encoding: .utf8)
        for damage in ["", "reader-folders 1\n", String(sound.dropLast(3)), sound.replacingOccurrences(of: "\t1", with: "\t2")] {
            try damage.write(toFile: cache.foldersPath, atomically: true, encoding: .utf8)
            try folder.write("library/land/d.txt", "Changed in place\n\nand the record is damaged.\n")
            let lazy = try library.rows(lazy: true).rows
            #expect(try lazy == Library(root: root).rows().rows, "\(damage.count) bytes")
            #expect(lazy != full)
            #expect(try String(contentsOfFile: cache.foldersPath, encoding: .utf8) != damage)
        }
    }

    @Test func aLazySearchAnswersFromTheIndexWithoutALookAtTheFiles() throws {
        let (folder, root, library) = try Self.library()
        defer { folder.remove() }
        let cache = try #require(library.cache)
        #expect(try LibrarySearch.indexed("quokka", in: library, cache: cache, lazy: true).count == 0)
        try "\nA quokka was seen.\n".write(toFile: root + "/sea/deep/c.txt", atomically: false, encoding: .utf8)
        #expect(try LibrarySearch.indexed("quokka", in: library, cache: cache, lazy: true).count == 0, "edited in place")
        #expect(try LibrarySearch.indexed("quokka", in: library, cache: cache).count == 1)
        #expect(try LibrarySearch.indexed("quokka", in: library, cache: cache, lazy: true).count == 1)
        try FileManager.default.removeItem(atPath: root + "/sea/deep/c.txt")
        #expect(try LibrarySearch.indexed("quokka", in: library, cache: cache, lazy: true).count == 0, "removed")
    }

    @Test(arguments: [1, 2] as [UInt64])
    func aLazySearchEqualsAScanAfterRandomAdditionsDeletionsMovesAndSaves(_ seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = folder.path + "/library"
        let cache = LibraryCache(root: root, cacheHome: folder.path + "/cache")
        let library = Library(root: root, cache: cache)
        var ids = (0..<24).map { "dir\($0 % 3)/a\($0).txt" }
        for id in ids { try folder.write("library/" + id, SearchIndexTests.article(&random)) }
        for round in 0..<4 {
            try Self.settle(root, at: 1_600_000_000 + 1_000 * round)
            for _ in 0..<6 {
                let path = { (id: String) in root + "/" + id }
                switch random.below(4) {
                case 0 where !ids.isEmpty: try Self.replace(path(ids[random.below(ids.count)]), with: SearchIndexTests.article(&random))
                case 1:
                    let id = "dir\(random.below(5))/new-\(round)-\(random.below(1_000)).txt"
                    if !ids.contains(id) { ids.append(id) }
                    try folder.write("library/" + id, SearchIndexTests.article(&random))
                case 2 where !ids.isEmpty: try FileManager.default.removeItem(atPath: path(ids.remove(at: random.below(ids.count))))
                case 3 where !ids.isEmpty:
                    let id = ids.remove(at: random.below(ids.count))
                    let moved = "dir\(random.below(3))/moved-\(round)-" + (id as NSString).lastPathComponent
                    if FileManager.default.fileExists(atPath: path(moved)) { ids.append(id); continue }
                    try FileManager.default.moveItem(atPath: path(id), toPath: path(moved))
                    ids.append(moved)
                default: break
                }
            }
            // The first lazy search after the changes checks every file; the folders are settled
            // again and the second answers from the index alone.
            for pass in ["after the changes", "from the index alone"] {
                if pass == "from the index alone" {
                    try Self.settle(root, at: 1_600_000_500 + 1_000 * round)
                    _ = try library.rows()
                    let folders = try #require(cache.standingFolders(root: root), "round \(round)")
                    #expect(try cache.index().holds(signature: folders.signature), "round \(round)")
                }
                for query in SearchIndexTests.queries {
                    let lazy = try LibrarySearch.indexed(query, in: library, cache: cache, lazy: true)
                    let scanned = try LibrarySearch.scanned(query, in: Library(root: root))
                    #expect(lazy.results == scanned.results, "\(query), round \(round), \(pass)")
                    #expect(lazy.count == scanned.count, "\(query), round \(round), \(pass)")
                }
            }
        }
    }
}
