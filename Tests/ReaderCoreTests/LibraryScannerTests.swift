import Foundation
import Testing
@testable import ReaderCore

/// A temporary folder; each test removes its own with `defer { folder.remove() }`.
final class TemporaryFolder {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reader-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        // Resolve /tmp itself in case it is a symlink, so paths compare with what realpath gives.
        path = url.resolvingSymlinksInPath().path
    }

    /// Deletes the folder and everything in it (symlinks are removed, not followed).
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path + "/" + relative, withIntermediateDirectories: true)
    }

    func symlink(_ relative: String, to target: String) throws {
        guard Glibc.symlink(target, path + "/" + relative) == 0 else { throw SetupError("symlink \(relative) -> \(target): errno \(errno)") }
    }

    func fifo(_ relative: String) throws {
        guard mkfifo(path + "/" + relative, 0o644) == 0 else { throw SetupError("mkfifo \(relative): errno \(errno)") }
    }
}

struct SetupError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Runs `body` on another thread and gives up after `seconds`, so a call that blocks forever
/// (opening a FIFO, say) fails the test instead of hanging the run.
func finishing<T: Sendable>(within seconds: Double, _ body: @escaping @Sendable () -> T) -> T? {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        box.value = body()
        done.signal()
    }
    guard done.wait(timeout: .now() + seconds) == .success else { return nil }
    return box.value
}

/// Hands a value from the worker thread to the waiting one; the semaphore orders the accesses.
final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

@Suite struct LibraryScannerTests {
    static let pngBytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
                                    0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x10, 0x08, 0x06, 0x00, 0x00, 0x00]

    /// A library with every kind of good and bad entry; the library is `base/library`, and
    /// `base/outside.txt` lies outside it.
    static func makeLibrary() throws -> (folder: TemporaryFolder, root: String) {
        let folder = try TemporaryFolder()
        do {
            try fill(folder)
        } catch {
            folder.remove()
            throw error
        }
        return (folder, folder.path + "/library")
    }

    private static func fill(_ folder: TemporaryFolder) throws {
        let lib = "library"
        try folder.write("outside.txt", "A file outside the library\n\nIt must not be read.\n")
        try folder.write("\(lib)/first.txt", "Plain Text Title\n\nThe body of a plain text article. It is long enough to be prose, and it ends with a period.\n")
        try folder.write("\(lib)/notes.md", "# Markdown Heading Title\n\nSome markdown body text that reads as a paragraph.\n")
        try folder.write("\(lib)/long-form.markdown", "---\ntitle: Front Matter Title\nsaved: 2024-03-05\n---\n\nBody of the article.\n")
        try folder.write("\(lib)/nested/second.md", "# Nested Article\n\nA paragraph in a nested folder.\n")
        try folder.write("\(lib)/nested/deeper/third.txt", "Deeply Nested Title\n\nThe body is here, and it is a sentence.\n")
        try folder.write("\(lib)/page.pdf", "%PDF-1.4 skipped\n")
        try folder.write("\(lib)/readme", "no extension: skipped\n")
        try folder.write("\(lib)/.hidden.txt", "Hidden\n")
        try folder.write("\(lib)/.hidden-folder/inside.txt", "Hidden folder\n")
        try folder.write("\(lib)/binary.txt", bytes: pngBytes)
        try folder.fifo("\(lib)/pipe.txt")
        try folder.mkdir("\(lib)/loops")
        try folder.symlink("\(lib)/loops/a", to: "b")
        try folder.symlink("\(lib)/loops/b", to: "a")
        try folder.symlink("\(lib)/escape.txt", to: folder.path + "/outside.txt")
        try folder.symlink("\(lib)/nested/up", to: "..")
        try folder.symlink("\(lib)/alias.md", to: "nested/second.md")
    }

    static let expectedIDs = ["alias.md", "binary.txt", "first.txt", "long-form.markdown", "nested/deeper/third.txt",
                              "nested/second.md", "notes.md"]

    @Test func scanFindsArticlesWithRelativeSlashSeparatedIDs() throws {
        let (folder, root) = try Self.makeLibrary()
        defer { folder.remove() }
        let scan = try #require(finishing(within: 20) { Result { () throws(ArticleLoadError) in try LibraryScanner(root: root).scan() } },
                                "the scan did not finish: something opened the FIFO")
        let files = try scan.get().files
        #expect(files.map(\.id) == Self.expectedIDs)
        for file in files {
            #expect(!file.id.hasPrefix("/"))
            #expect(!file.id.contains("//"))
            #expect(!file.id.contains("\\"))
            #expect(file.path.hasPrefix(root + "/"))
            #expect(file.path.hasSuffix("/" + file.id))
        }
        #expect(files.first { $0.id == "long-form.markdown" }?.format == .markdown)
        #expect(files.first { $0.id == "nested/deeper/third.txt" }?.format == .text)
        #expect(files.first { $0.id == "binary.txt" }?.size == Self.pngBytes.count)
    }

    /// Checked against known rows, a walk keeps only the files no row holds as they are (a new
    /// one, a changed one) and counts the rest; a row of no file is simply not matched.
    @Test func aScanAgainstKnownRowsKeepsOnlyTheFilesThatDiffer() throws {
        let (folder, root) = try Self.makeLibrary()
        defer { folder.remove() }
        let rows = try Library(root: root).rows().rows
        let all = try LibraryScanner(root: root).scan()
        // The binary file has no row: it is dropped from the list.
        let rowless = all.files.map(\.id).filter { id in !rows.contains { $0.id == id } }
        #expect(rowless == ["binary.txt"] && rows.count > 4)
        let same = try LibraryScanner(root: root).scan(against: rows)
        #expect(same.files.map(\.id) == rowless && same.matched == rows.count && same.problems.count == all.problems.count)

        var known = rows
        known[1].size += 1
        let dropped = known.remove(at: 3)
        known.insert(CachedArticle(id: "nested/gone.txt", size: 1, modified: 1, format: .text, fingerprint: "0123456789abcdef",
                                   date: nil, title: "Gone"), at: known.firstIndex { $0.id > "nested/gone.txt" } ?? known.count)
        let differ = try LibraryScanner(root: root).scan(against: known)
        #expect(differ.files.map(\.id) == (rowless + [rows[1].id, dropped.id]).sorted())
        #expect(differ.matched == rows.count - 2)
    }

    /// A scanned file's path is its folder's (shared) and its id's last component; a file made
    /// from a path keeps that path, whatever its id.
    @Test func aFilesPathIsItsFolderAndNameOrThePathItWasGiven() throws {
        #expect(LibraryFile(id: "zh/茶.txt", folder: "/lib/zh", format: .text, size: 1, modified: 2).path == "/lib/zh/茶.txt")
        for (id, path) in [("zh/茶.txt", "/lib/zh/茶.txt"), ("notes/b.md", "/home/u/other.md"), ("c.md", "/c.md"), ("../d.txt", "/d.txt")] {
            #expect(LibraryFile(id: id, path: path, format: .text, size: 1, modified: 2).path == path)
        }
        #expect(LibraryFile(id: "e.md", path: "e.md", format: .markdown, size: 1, modified: 2).path == "./e.md")
        // Each scanned file's path, through a linked folder too, is the file the scan stated.
        let (folder, root) = try Self.makeLibrary()
        defer { folder.remove() }
        let files = try LibraryScanner(root: root).scan().files
        #expect(files.count == Self.expectedIDs.count)
        for file in files {
            var info = stat()
            #expect(stat(EscapedPath.system(file.path), &info) == 0 && UInt64(info.st_ino) == file.inode, "\(file.id)")
            #expect(file.path.hasSuffix("/" + (file.id.split(separator: "/").last.map(String.init) ?? "")))
        }
    }

    @Test func scanSkipsHiddenFilesAndOtherExtensionsQuietly() throws {
        let (folder, root) = try Self.makeLibrary()
        defer { folder.remove() }
        let scan = try LibraryScanner(root: root).scan()
        let mentioned = scan.files.map(\.id) + scan.problems.map(\.description)
        for name in ["page.pdf", "readme", ".hidden.txt", ".hidden-folder", "inside.txt"] {
            #expect(!mentioned.contains { $0.contains(name) }, "\(name) should be skipped without a word")
        }
    }

    @Test func scanReportsEachBadFileExactlyOnce() throws {
        let (folder, root) = try Self.makeLibrary()
        defer { folder.remove() }
        let outside = try #require(realpath(folder.path + "/outside.txt", nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        })
        let scan = try #require(finishing(within: 20) { Result { () throws(ArticleLoadError) in try LibraryScanner(root: root).scan() } },
                                "the scan did not finish: something opened the FIFO")
        let problems = try scan.get().problems
        let expected: [ArticleLoadError] = [
            .notRegularFile("pipe.txt", kind: "FIFO"),
            .symlinkLoop("loops/a"),
            .symlinkLoop("loops/b"),
            .outsideLibrary("escape.txt", target: outside),
            .symlinkLoop("nested/up"),
        ]
        #expect(problems.count == expected.count, "\(problems)")
        for problem in expected {
            #expect(problems.filter { $0 == problem }.count == 1, "expected \(problem) once in \(problems)")
        }
    }

    /// A folder of many entries has them looked at on all cores: the walk finds what it finds
    /// in a small folder (the same files, statuses and problems, in the same order).
    @Test func aBigFolderIsWalkedAsASmallOne() throws {
        let (folder, root) = try Self.makeLibrary()
        defer { folder.remove() }
        let small = try #require(finishing(within: 20) { Result { () throws(ArticleLoadError) in try LibraryScanner(root: root).scan() } })
            .get()
        var fillers: [String] = []
        for index in 0..<300 {
            for place in ["", "nested/"] {
                let id = place + String(format: "filler-%03d.md", index)
                try folder.write("library/" + id, String(repeating: "x", count: index + 1))
                fillers.append(id)
            }
            try folder.write("library/nested/skipped-\(index).png", "not an article")
        }
        let big = try #require(finishing(within: 20) { Result { () throws(ArticleLoadError) in try LibraryScanner(root: root).scan() } })
            .get()
        #expect(big.files.filter { !fillers.contains($0.id) } == small.files)
        #expect(big.problems == small.problems)
        let found = big.files.filter { fillers.contains($0.id) }
        #expect(found.map(\.id) == fillers.sorted())
        #expect(found.allSatisfy { $0.size == Int($0.id.dropFirst($0.id.count - 6).prefix(3))! + 1 && $0.inode != 0 })
    }

    @Test func scanReportsABrokenArticleSymlink() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("ok.txt", "Fine\n")
        try folder.symlink("gone.txt", to: "nowhere.txt")
        let scan = try LibraryScanner(root: folder.path).scan()
        #expect(scan.files.map(\.id) == ["ok.txt"])
        #expect(scan.problems == [.unreadable("gone.txt", reason: "broken symlink")])
    }

    @Test func scanOfAMissingFolderThrowsNotFound() {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("reader-missing-" + UUID().uuidString).path
        #expect(throws: ArticleLoadError.notFound(missing)) { try LibraryScanner(root: missing).scan() }
    }

    @Test func scanOfAFileInsteadOfAFolderThrows() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("file.txt", "not a folder\n")
        #expect(throws: ArticleLoadError.self) { try LibraryScanner(root: folder.path + "/file.txt").scan() }
    }

    @Test func libraryEntriesHaveTitlesAndReportTheBinaryFile() throws {
        let (folder, root) = try Self.makeLibrary()
        defer { folder.remove() }
        let listed = try #require(finishing(within: 30) { Result { () throws(ArticleLoadError) in try Library(root: root).entries() } },
                                  "listing the library did not finish")
        let (entries, problems) = try listed.get()
        let titles = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0.title) })
        #expect(titles["first.txt"] == "Plain Text Title")
        #expect(titles["notes.md"] == "Markdown Heading Title")
        #expect(titles["long-form.markdown"] == "Front Matter Title")
        #expect(titles["nested/second.md"] == "Nested Article")
        #expect(titles["alias.md"] == "Nested Article")
        #expect(titles["nested/deeper/third.txt"] == "Deeply Nested Title")
        #expect(titles["binary.txt"] == nil)
        #expect(Set(entries.map(\.id)) == Set(Self.expectedIDs).subtracting(["binary.txt"]))
        #expect(entries.first { $0.id == "long-form.markdown" }?.saved == "2024-03-05")
        #expect(problems.filter { $0 == .binary("binary.txt") }.count == 1, "\(problems)")
        #expect(problems.contains(.notRegularFile("pipe.txt", kind: "FIFO")))
        #expect(problems.count == 6, "five from the scan and the binary file: \(problems)")
    }

    @Test func fallbackTitleIsTheFileNameWithoutFolderOrExtension() {
        #expect(Library.fallbackTitle("nested/deeper/my-article.txt") == "my-article")
        #expect(Library.fallbackTitle("notes.v2.md") == "notes.v2")
        #expect(Library.fallbackTitle(".profile") == ".profile")
    }

    // MARK: FileReader

    @Test func fileReaderRefusesAFIFOWithoutBlocking() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.fifo("pipe.txt")
        let path = folder.path + "/pipe.txt"
        let outcome = try #require(finishing(within: 10) { Result { () throws(ArticleLoadError) in try FileReader.read(path) } },
                                   "FileReader.read blocked on a FIFO")
        #expect(throws: ArticleLoadError.notRegularFile(path, kind: "FIFO")) { try outcome.get() }
    }

    @Test func fileReaderRefusesAFileAboveTheLimit() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("big.txt", String(repeating: "x", count: 100))
        let path = folder.path + "/big.txt"
        #expect(throws: ArticleLoadError.tooLarge(path, size: 100, limit: 64)) { try FileReader.read(path, limit: 64) }
        #expect(try FileReader.read(path, limit: 100).count == 100)
    }

    @Test func fileReaderTruncatesAtTheLimitWhenAsked() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("big.txt", "0123456789abcdef")
        #expect(try FileReader.read(folder.path + "/big.txt", limit: 10, truncate: true) == Array("0123456789".utf8))
    }

    @Test func fileReaderReadsTheWholeFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let bytes = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try folder.write("data.txt", bytes: bytes)
        #expect(try FileReader.read(folder.path + "/data.txt") == bytes)
        try folder.write("empty.txt", bytes: [])
        #expect(try FileReader.read(folder.path + "/empty.txt") == [])
    }

    @Test func fileReaderReportsMissingFilesLoopsAndFolders() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.symlink("a.txt", to: "b.txt")
        try folder.symlink("b.txt", to: "a.txt")
        try folder.mkdir("dir.txt")
        #expect(throws: ArticleLoadError.notFound(folder.path + "/none.txt")) { try FileReader.read(folder.path + "/none.txt") }
        #expect(throws: ArticleLoadError.symlinkLoop(folder.path + "/a.txt")) { try FileReader.read(folder.path + "/a.txt") }
        #expect(throws: ArticleLoadError.notRegularFile(folder.path + "/dir.txt", kind: "directory")) {
            try FileReader.read(folder.path + "/dir.txt")
        }
    }

    @Test func fileReaderRefusesACharacterDevice() {
        #expect(throws: ArticleLoadError.notRegularFile("/dev/zero", kind: "device")) { try FileReader.read("/dev/zero") }
    }

    // An unreadable (chmod 000) file is not tested: the tests run as root, who can read it anyway.
}
