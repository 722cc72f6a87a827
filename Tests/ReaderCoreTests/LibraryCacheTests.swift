import Foundation
import Testing
@testable import ReaderCore

@Suite struct LibraryCacheTests {
    /// The row parsed back from its own `articles.tsv` line.
    func roundTrip(_ row: CachedArticle) -> CachedArticle? {
        Array(row.line.utf8).withUnsafeBytes { CachedArticle(line: $0[...]) }
    }

    func parse(_ line: String) -> CachedArticle? {
        Array(line.utf8).withUnsafeBytes { CachedArticle(line: $0[...]) }
    }

    /// `fields` with the check a line ends with.
    static func checked(_ fields: String) -> String {
        var hash = Hash64()
        hash.mix(fields)
        return fields + "\t" + hash.hex
    }

    /// A library folder with a few articles, and a cache folder beside it.
    func makeLibrary() throws -> (folder: TemporaryFolder, root: String, cacheHome: String) {
        let folder = try TemporaryFolder()
        do {
            try folder.write("library/zh/tea.txt", """
                山里的茶馆

                从镇上坐半小时的小巴，再沿着石阶往上走二十分钟，就能看到那家开在竹林边上的茶馆。茶馆没有招牌，只在门口挂着一面褪了色的蓝布旗子。

                """)
            try folder.write("library/en/harbour.md", """
                ---
                title: Notes from the Harbour
                saved: 2024-06-01
                ---

                The old lighthouse on the breakwater was repainted this spring, and the harbour master plans to open it to visitors.

                """)
            try folder.write("library/ja/ramen.txt", """
                駅前のラーメン屋

                駅前に新しいラーメン屋ができた。スープは鶏がらで、麺は細めのストレート。昼どきには行列ができている。

                """)
            try folder.write("library/ko/bread.txt", "주말의 빵 굽기\n\n지난 주말에는 처음으로 단팥빵을 구워 보았습니다. 반죽은 생각보다 손이 많이 갔습니다.\n")
        } catch {
            folder.remove()
            throw error
        }
        return (folder, folder.path + "/library", folder.path + "/cache")
    }

    func status(of path: String) throws -> Glibc.stat {
        var info = Glibc.stat()
        guard stat(path, &info) == 0 else { throw SetupError("stat \(path): errno \(errno)") }
        return info
    }

    // MARK: - Rows

    @Test func aRowSurvivesItsLineIncludingAnIDWithTabNewlineAndBackslash() throws {
        let row = CachedArticle(id: "odd\tname\nwith\\back\\slash\\t and \\n\r.txt", size: 12345, modified: 1_717_171_717_123_456_789,
                                format: .text, fingerprint: "0123456789abcdef", date: "2024-05-01",
                                title: "A title\twith a tab, a \\ and \\n literally", site: "Tide\tTimes",
                                tags: ["sea level", "a\tb", "潮汐"], minutes: 4)
        let line = row.line
        #expect(!line.utf8.contains(0x0A) && !line.utf8.contains(0x0D))
        #expect(line.utf8.filter { $0 == 0x09 }.count == 13)
        #expect(roundTrip(row) == row)
    }

    @Test func aRowWithoutDateSiteOrMinutesSurvivesItsLine() {
        let row = CachedArticle(id: "中文/标题.md", size: 0, modified: 0, format: .markdown, fingerprint: "ffffffffffffffff", date: nil,
                                title: "标题：中文、日本語、한국어")
        #expect(roundTrip(row) == row)
    }

    static let good = "a\t1\t2\t3\t4\ttxt\t0123456789abcdef\t-\ttitle\t-\t\t-\t-"

    @Test(arguments: ["", "just one field", checked("a\t1\t2\t3\t4\ttxt\t0123456789abcdef\t-\ttitle\t-\t\t-"),  // twelve fields and the check
                      checked(good + "\textra"),  // fourteen and the check
                      checked("a\t1\t2\t3\t4\ttxt\t0123456789abcdef\t-\ttitle\t-\t\t-\t0123"),  // short legacy fingerprint
                      good + "\t0000000000000000",  // a check that does not match
                      checked(good).replacingOccurrences(of: "title", with: "eltit"),  // a field changed after the check
                      checked("a\t2\t1\t3\t4\ttxt\t0123456789abcdef\t-\ttitle\t-\t\t-\t-").replacingOccurrences(of: "\t2\t1\t", with: "\t1\t2\t"),
                      checked("a\tx\t2\t3\t4\ttxt\t0123456789abcdef\t-\ttitle\t-\t\t-\t-"),  // size not a number
                      checked("a\t1\t2\t3\t4\tpdf\t0123456789abcdef\t-\ttitle\t-\t\t-\t-"),  // unknown format
                      checked("a\t1\t2\t3\t4\ttxt\t0123\t-\ttitle\t-\t\t-\t-"),  // short fingerprint
                      checked("a\t-1\t2\t3\t4\ttxt\t0123456789abcdef\t-\ttitle\t-\t\t-\t-"),  // negative size
                      checked("a\t9999999999999999999\t2\t3\t4\ttxt\t0123456789abcdef\t-\ttitle\t-\t\t-\t-"),  // overflows, 19 digits
                      checked("a\t99999999999999999999\t2\t3\t4\ttxt\t0123456789abcdef\t-\ttitle\t-\t\t-\t-")])  // 20 digits
    func aMalformedLineIsNoRow(_ line: String) {
        #expect(parse(line) == nil)
    }

    @Test func aWellFormedLineParses() {
        let row = parse(Self.checked("zh/a.txt\t42\t7\t99\t8\ttxt\t0123456789abcdef\t2024-01-02\tTitle\tTide Times\tsea\\nsalt\t12\t-"))
        #expect(row == CachedArticle(id: "zh/a.txt", size: 42, modified: 7, inode: 99, changed: 8, format: .text,
                                     fingerprint: "0123456789abcdef", date: "2024-01-02", title: "Title", site: "Tide Times",
                                     tags: ["sea", "salt"], minutes: 12))
    }

    // MARK: - Loading the table

    @Test func aMissingTableLoadsEmpty() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let cache = LibraryCache(root: folder.path, cacheHome: folder.path + "/cache")
        #expect(cache.loadRows().isEmpty)
    }

    /// Tables that are not this version's, by name.
    static let foreignTables: [String: [UInt8]] = [
        "binary garbage": [0xFF, 0x00, 0xFE, 0x13, 0x0A, 0x09, 0x09],
        "a newer version": Array("reader-cache 99\n".utf8),
        "an older version": Array("reader-cache 10\n".utf8),
        "a header without its newline": Array(LibraryCache.header.utf8),
        "another program's file": Array("SQLite format 3\u{0}\n".utf8),
        "an empty file": [],
    ]

    @Test(arguments: foreignTables.keys.sorted())
    func aGarbageOrForeignTableLoadsEmpty(_ kind: String) throws {
        let bytes = try #require(Self.foreignTables[kind])
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let cache = LibraryCache(root: folder.path, cacheHome: folder.path + "/cache")
        let good = CachedArticle(id: "a.txt", size: 1, modified: 2, format: .text, fingerprint: "0123456789abcdef", date: nil, title: "A")
        // A good table first, then the bad bytes in its place.
        cache.withLock { cache.save([good]) }
        #expect(cache.loadRows() == [good])
        try Data(bytes).write(to: URL(fileURLWithPath: cache.directory + "/articles.tsv"))
        #expect(cache.loadRows().isEmpty)
    }

    @Test func aTableWithOneBadRowLoadsEmpty() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let cache = LibraryCache(root: folder.path, cacheHome: folder.path + "/cache")
        cache.withLock {}
        let good = CachedArticle(id: "a.txt", size: 1, modified: 2, format: .text, fingerprint: "0123456789abcdef", date: nil, title: "A")
        let table = LibraryCache.header + "\n" + good.line + "\nbroken\trow\n"
        try Data(table.utf8).write(to: URL(fileURLWithPath: cache.directory + "/articles.tsv"))
        #expect(cache.loadRows().isEmpty)
    }

    /// Rows saved in any order load back in id order.
    @Test func aSavedTableLoadsBack() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let cache = LibraryCache(root: folder.path, cacheHome: folder.path + "/cache")
        let rows = [3, 0, 4, 1, 2].map { index in
            CachedArticle(id: "folder \(index)/article\t\(index).txt", size: index * 10, modified: index,
                          format: index.isMultiple(of: 2) ? .text : .markdown, fingerprint: String(repeating: "\(index)", count: 16),
                          date: index == 0 ? nil : "2024-01-0\(index)", title: "Title \(index)")
        }
        cache.withLock { cache.save(rows) }
        #expect(cache.loadRows() == rows.sorted { $0.id < $1.id })
        cache.withLock { cache.save(rows.sorted { $0.id < $1.id }) }
        #expect(cache.loadRows() == rows.sorted { $0.id < $1.id })
    }

    /// A table of megabytes is parsed in pieces on all cores: the rows come back whole and in order, and a
    /// bad row far into it is numbered by its place in the whole table.
    @Test func aBigTableLoadsBackInOrderAndABadRowIsNumberedInTheWholeTable() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let cache = LibraryCache(root: folder.path, cacheHome: folder.path + "/cache")
        let rows = (0..<20_000).map { index in
            CachedArticle(id: String(format: "年/%05d.txt", index), size: index, modified: index, format: .text,
                          fingerprint: String(format: "%016x", index), date: "2024-01-01",
                          title: "第\(index)篇 " + String(repeating: "長い題名 long title ", count: 8))
        }
        cache.withLock { cache.save(rows) }
        let path = cache.directory + "/articles.tsv"
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0 > 4 << 20)
        #expect(cache.loadRows() == rows)
        #expect(cache.takeDamage() == nil)

        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[15_001] = lines[15_001].replacingOccurrences(of: "第15000篇", with: "第15001篇")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        #expect(cache.loadRows().isEmpty)
        #expect(cache.takeDamage()?.contains("row 15001 does not check") == true)
    }

    /// Read a few bytes at a time, a table gives the rows it gives when read at once: lines and a
    /// header longer than a piece, a last line without its newline, a bad row numbered in the whole.
    @Test(arguments: [1, 7, 64, 300, 1 << 20])
    func aTableReadInSmallPiecesIsTheTableReadAtOnce(_ pieceBytes: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let rows = (0..<40).map { index in
            CachedArticle(id: "記事/\(index).txt", size: index, modified: index, format: .text,
                          fingerprint: String(format: "%016x", index), date: nil,
                          title: String(repeating: "題 title ", count: index * 7 % 60))
        }
        let path = folder.path + "/table.tsv"
        func load(_ text: String) throws -> (header: String, rows: [CachedArticle], badRow: Int?)? {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return LibraryCache.readTable(at: path, wanted: LibraryCache.header, pieceBytes: pieceBytes)
                .map { ($0.header, $0.rows, $0.badRow) }
        }
        let lines = rows.map(\.line)
        let whole = try load(LibraryCache.header + "\n" + lines.joined(separator: "\n"))
        #expect(whole?.header == LibraryCache.header && whole?.rows == rows && whole?.badRow == nil)
        let spaced = try load(LibraryCache.header + "\n\n" + lines.joined(separator: "\n\n") + "\n")
        #expect(spaced?.rows == rows && spaced?.badRow == nil)

        var broken = lines
        broken[29] = broken[29].replacingOccurrences(of: "記事", with: "记事")
        let bad = try load(LibraryCache.header + "\n" + broken.joined(separator: "\n") + "\n")
        #expect(bad?.badRow == 30 && bad?.rows.count == 29)

        let other = try load(String(repeating: "another header ", count: 30) + "\n" + lines[0])
        #expect(other?.header == String(repeating: "another header ", count: 30) && other?.rows == [])
        #expect(try load("")?.header == "")
    }

    /// Files added before, among and after the others, changed and deleted all at once: the
    /// table brought up to date in place gives the rows a list without a cache gives, whether
    /// the list reads the table itself or is given the rows.
    @Test(arguments: [false, true])
    func aTableBroughtUpToDateInPlaceIsTheListWithoutACache(_ given: Bool) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = folder.path + "/library"
        func article(_ name: String, _ words: String) throws {
            try folder.write("library/" + name, "# \(words.capitalized)\n\nA paragraph about \(words), written for the test.\n")
        }
        for index in stride(from: 10, to: 90, by: 4) { try article("m/\(index).md", "note \(index)") }
        let cache = LibraryCache(root: root, cacheHome: folder.path + "/cache")
        let library = Library(root: root, cache: cache)
        _ = try library.rows()
        for index in [10, 30, 50, 86] { try FileManager.default.removeItem(atPath: root + "/m/\(index).md") }
        for name in ["a/first.md", "m/11.md", "m/12.md", "m/55.md", "m/99.md", "z/last.md", "m/61.md"] { try article(name, "new " + name) }
        for index in [14, 58, 82] { try article("m/\(index).md", "changed note \(index), longer than it was") }
        let rows = try given ? library.check(cache.loadRows()).rows : library.rows().rows
        #expect(rows == (try Library(root: root).rows().rows))
        #expect(rows.count == 20 - 4 + 7 && cache.loadRows() == rows)
        #expect(rows.first { $0.id == "m/58.md" }?.title == "Changed Note 58, Longer Than It Was")
    }

    @Test func theCacheFolderIsNamedByTheLibrarysRealPath() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.mkdir("library")
        try folder.symlink("alias", to: folder.path + "/library")
        let direct = LibraryCache(root: folder.path + "/library", cacheHome: folder.path + "/cache")
        let linked = LibraryCache(root: folder.path + "/alias", cacheHome: folder.path + "/cache")
        let other = LibraryCache(root: folder.path, cacheHome: folder.path + "/cache")
        #expect(direct.directory == linked.directory)
        #expect(direct.directory != other.directory)
        #expect(direct.directory.hasPrefix(folder.path + "/cache/"))
    }

    // MARK: - The library with a cache

    @Test func rowsWithACacheAreTheRowsWithout() throws {
        let (folder, root, cacheHome) = try makeLibrary()
        defer { folder.remove() }
        let cache = LibraryCache(root: root, cacheHome: cacheHome)
        let plain = try Library(root: root).rows()
        #expect(plain.rows.count == 4)
        #expect(plain.rows.map(\.title).contains("Notes from the Harbour"))
        let cold = try Library(root: root, cache: cache).rows()
        let warm = try Library(root: root, cache: cache).rows()
        #expect(cold.rows == plain.rows)
        #expect(warm.rows == plain.rows)
        #expect(cold.problems.isEmpty && warm.problems.isEmpty)
        // And the entries the list shows.
        #expect(try Library(root: root, cache: cache).entries().entries == (try Library(root: root).entries().entries))
    }

    /// The first screen's list is the cache's, read without a look at the files: none before a
    /// first listing; then the last listing's entries, with the marks given, until `entries`
    /// finds what changed.
    @Test func theCachedEntriesAreTheLastListingsUntilTheFilesAreChecked() throws {
        let (folder, root, cacheHome) = try makeLibrary()
        defer { folder.remove() }
        let library = Library(root: root, cache: LibraryCache(root: root, cacheHome: cacheHome))
        #expect(library.cachedEntries() == nil)
        #expect(Library(root: root).cachedEntries() == nil)
        let listed = try library.entries().entries
        #expect(library.cachedEntries() == listed)
        let harbour = try #require(listed.first { $0.id == "en/harbour.md" })
        var state = StateFile()
        state.articles[harbour.fingerprint] = ArticleState(path: harbour.id, read: true)
        #expect(library.cachedEntries(state: state)?.first { $0.id == harbour.id }?.read == true)
        // A file gone is still in the cache's list, not in the list checked.
        try FileManager.default.removeItem(atPath: root + "/en/harbour.md")
        #expect(library.cachedEntries()?.map(\.id) == listed.map(\.id))
        let checked = try library.entries().entries
        #expect(!checked.contains { $0.id == harbour.id } && checked.count == listed.count - 1)
        #expect(library.cachedEntries() == checked)
    }

    /// The first screens saved by a reader that quit come back with the marks given; a damaged
    /// or other-version file gives none.
    @Test func theFirstScreensComeBackWithTheirMarksAndNotWhenDamaged() throws {
        let (folder, root, cacheHome) = try makeLibrary()
        defer { folder.remove() }
        let cache = LibraryCache(root: root, cacheHome: cacheHome)
        let library = Library(root: root, cache: cache)
        #expect(library.firstScreenEntries() == nil)
        let listed = try library.entries().entries
        let shown = Array(listed.prefix(3))
        library.saveFirstScreen(shown)
        #expect(library.firstScreenEntries() == shown)
        var state = StateFile()
        state.articles[shown[1].fingerprint] = ArticleState(path: shown[1].id, read: true)
        #expect(library.firstScreenEntries(state: state)?.map(\.read) == [false, true, false])
        let path = cache.directory + "/first-screen.tsv"
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        try saved.replacingOccurrences(of: shown[2].title, with: "Another title").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(library.firstScreenEntries() == nil)
        try saved.replacingOccurrences(of: "reader-first-screen 1", with: "reader-first-screen 0")
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(library.firstScreenEntries() == nil)
    }

    /// The table's rows a caller has just read are not read again: they are the answer while
    /// every file matches its row; once one does not, that file's row is read again and the
    /// rest are still the caller's (brought up to date in place, not read from the table again).
    @Test func rowsTheCallerReadAreTheAnswerUntilAFileChanges() throws {
        let (folder, root, cacheHome) = try makeLibrary()
        defer { folder.remove() }
        let cache = LibraryCache(root: root, cacheHome: cacheHome)
        let library = Library(root: root, cache: cache)
        _ = try library.rows()
        var known = cache.loadRows()
        #expect(known.map(\.id) == ["en/harbour.md", "ja/ramen.txt", "ko/bread.txt", "zh/tea.txt"])
        known[0].title = "A title only the caller's rows hold"
        known[1].title = "Another title only the caller's rows hold"
        let unchanged = try library.check(known)
        #expect(unchanged.rows == known && !unchanged.changed)
        try folder.write("library/en/harbour.md", "# The Harbour at Night\n\nThe lamps come on one by one along the quay.\n")
        try FileManager.default.removeItem(atPath: root + "/zh/tea.txt")
        let checked = try library.check(known)
        var expected = try Library(root: root).rows().rows
        expected[1].title = known[1].title
        #expect(checked.changed && checked.rows == expected)
        #expect(checked.rows.map(\.title).first == "The Harbour at Night" && checked.rows.count == 3)
        #expect(cache.loadRows() == checked.rows)
    }

    /// The proof the cache is used: a title changed in the table (its row's check made again)
    /// is what the next list shows, since the file's size, times and inode still stand.
    @Test func aSecondListDoesNotReadUnchangedFilesAgain() throws {
        let (folder, root, cacheHome) = try makeLibrary()
        defer { folder.remove() }
        let cache = LibraryCache(root: root, cacheHome: cacheHome)
        let library = Library(root: root, cache: cache)
        let first = try library.rows()
        var rows = cache.loadRows()
        let harbour = try #require(rows.firstIndex { $0.id == "en/harbour.md" })
        rows[harbour].title = "Remembered by the cache"
        cache.withLock { cache.save(rows) }
        let second = try library.rows()
        #expect(second.rows.first { $0.id == "en/harbour.md" }?.title == "Remembered by the cache")
        #expect(second.rows.count == first.rows.count && second.problems.isEmpty)
    }

    /// A same-size edit with the old modification time put back is still seen: the change time
    /// moved, so the row is read again.
    @Test func aSameSizeEditWithItsMtimePutBackIsReadAgain() throws {
        let (folder, root, cacheHome) = try makeLibrary()
        defer { folder.remove() }
        let library = Library(root: root, cache: LibraryCache(root: root, cacheHome: cacheHome))
        let first = try library.rows()
        let path = root + "/en/harbour.md"
        let before = try status(of: path)
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "Notes from the Harbour", with: "Notes from the Station")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        let after = try status(of: path)
        #expect(after.st_size == before.st_size && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
        let second = try library.rows()
        #expect(second.rows.first { $0.id == "en/harbour.md" }?.title == "Notes from the Station")
        #expect(first.rows.first { $0.id == "en/harbour.md" }?.title == "Notes from the Harbour")
        #expect(second.rows == (try Library(root: root).rows().rows))
    }

    /// Damage to the table is said once, and the list read again is as sound as the first;
    /// another version's table or none at all is replaced without a word.
    @Test(arguments: ["a row's byte changed", "rows swapped with their titles", "garbage header", "fifo", "another version", "missing"])
    func damageToTheTableIsSaidOnceAndRepaired(_ kind: String) throws {
        let (folder, root, cacheHome) = try makeLibrary()
        defer { folder.remove() }
        let cache = LibraryCache(root: root, cacheHome: cacheHome)
        let library = Library(root: root, cache: cache)
        let listed = try library.rows().rows
        #expect(cache.takeDamage() == nil)
        let path = cache.directory + "/articles.tsv"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        switch kind {
        case "a row's byte changed": text = text.replacingOccurrences(of: "山里的茶馆", with: "山里的茶舘")
        case "rows swapped with their titles":
            var lines = text.split(separator: "\n").map(String.init)
            var first = lines[1].split(separator: "\t", omittingEmptySubsequences: false), second = lines[2].split(separator: "\t", omittingEmptySubsequences: false)
            (first[8], second[8]) = (second[8], first[8])
            lines[1] = first.joined(separator: "\t")
            lines[2] = second.joined(separator: "\t")
            text = lines.joined(separator: "\n") + "\n"
        case "garbage header": text = "\u{0}\u{FF}garbage\n" + text
        case "another version": text = text.replacingOccurrences(of: LibraryCache.header, with: "reader-cache 3")
        default: break
        }
        switch kind {
        case "fifo": unlink(path); mkfifo(path, 0o600)
        case "missing": unlink(path)
        default: try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        #expect(try library.rows().rows == listed)
        let damage = cache.takeDamage()
        #expect((damage != nil) == !["another version", "missing"].contains(kind), "\(kind): \(damage ?? "nil")")
        #expect(damage.map { $0.contains("the list's cache was damaged") } != false)
        #expect(cache.takeDamage() == nil)
        #expect(try library.rows().rows == listed)
        #expect(cache.takeDamage() == nil, "repaired by the list read again")
    }

    /// A FIFO, a symlink to a device or a directory in the table's place: read as no table, at
    /// once, and the list is read again and saved in its place.
    @Test(.hangGuard, arguments: ["fifo", "symlink to /dev/zero", "symlink to the real table", "folder"])
    func aTableThatIsNotARegularFileIsNeverWaitedOn(_ kind: String) throws {
        let (folder, root, cacheHome) = try makeLibrary()
        defer { folder.remove() }
        let cache = LibraryCache(root: root, cacheHome: cacheHome)
        let listed = try Library(root: root, cache: cache).rows().rows
        let path = cache.directory + "/articles.tsv"
        switch kind {
        case "fifo": unlink(path); mkfifo(path, 0o600)
        case "symlink to /dev/zero": unlink(path); symlink("/dev/zero", path)
        case "symlink to the real table": rename(path, path + ".real"); symlink(path + ".real", path)
        default: unlink(path); mkdir(path, 0o700)
        }
        #expect(cache.loadRows().isEmpty)
        #expect(cache.loadRows().isEmpty)
        #expect(try Library(root: root, cache: cache).rows().rows == listed)
    }

    @Test func aChangedFileIsReadAgain() throws {
        let (folder, root, cacheHome) = try makeLibrary()
        defer { folder.remove() }
        let library = Library(root: root, cache: LibraryCache(root: root, cacheHome: cacheHome))
        _ = try library.rows()
        try folder.write("library/ko/bread.txt", "새로운 제목\n\n내용이 바뀌었습니다. 빵 대신 이번에는 쿠키를 구웠습니다.\n")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_500_000_000)], ofItemAtPath: root + "/ko/bread.txt")
        let rows = try library.rows().rows
        #expect(rows.first { $0.id == "ko/bread.txt" }?.title == "새로운 제목")
        #expect(rows == (try Library(root: root).rows().rows))
    }

    @Test func aFileThatTurnedBinaryIsDroppedAndReported() throws {
        let (folder, root, cacheHome) = try makeLibrary()
        defer { folder.remove() }
        let library = Library(root: root, cache: LibraryCache(root: root, cacheHome: cacheHome))
        _ = try library.rows()
        try folder.write("library/ja/ramen.txt", bytes: [0x00, 0x01, 0x02, 0x00, 0xFF])
        let (rows, problems) = try library.rows()
        #expect(!rows.contains { $0.id == "ja/ramen.txt" })
        #expect(problems.contains { if case .binary = $0 { true } else { false } })
        #expect(rows.count == 3)
    }
}
