import Foundation
import Synchronization

/// The derived data of one library under `$XDG_CACHE_HOME/reader/<library hash>/`:
/// `articles.tsv` (a row per file: list metadata and fingerprint), the full-text index
/// (`SearchIndex`, `index.sqlite`), the first screens (`first-screen.tsv`) and the folders a
/// lazy check trusts (`FolderStamps`, `folders.tsv`).
///
/// Deleting it loses nothing; a corrupt or stale part is rebuilt. Writers of the table hold
/// `lock`; readers need none: the table is replaced by rename.
public final class LibraryCache: Sendable {
    public let directory: String
    /// Why the table on disk could not be used, until taken.
    private let damage = Mutex<String?>(nil)

    /// The cache of the library at `root`, under `cacheHome` (the `reader` cache folder).
    public init(root: String, cacheHome: String) {
        var real = root
        if let resolved = realpath(root, nil) {
            real = String(cString: resolved)
            free(resolved)
        }
        directory = cacheHome + "/" + Fingerprint.of(Array(real.utf8))
    }

    static let header = "reader-cache 12"
    var tablePath: String { directory + "/articles.tsv" }

    /// The table's rows on disk, in id order (as `save` writes them); none when the table is
    /// missing, corrupt or from another version.
    public func loadRows() -> [CachedArticle] { loadStampedRows().rows }

    /// The table's rows on disk, as `loadRows` has them, and the stamp of the file they were read
    /// from (nil when none was read).
    public func loadStampedRows() -> (rows: [CachedArticle], stamp: FileStamp?) {
        guard let table = Self.readTable(at: tablePath, wanted: Self.header) else {
            var info = stat()
            if lstat(tablePath, &info) == 0 { noteDamage("it is not a regular file that can be read") }
            return ([], nil)
        }
        guard table.header == Self.header else {
            // Another version's table is simply replaced; anything else is damage.
            if !table.header.hasPrefix("reader-cache ") { noteDamage("its header is not a table's") }
            return ([], nil)
        }
        guard let badRow = table.badRow else { return (table.rows, table.stamp) }
        noteDamage("row \(badRow) does not check")
        return ([], nil)
    }

    private func noteDamage(_ why: String) {
        damage.withLock { $0 = "the list's cache was damaged (\(why)); the library was read again" }
    }

    /// Why the table on disk could not be used, once (nil if it was sound, missing or another
    /// version's): the list was read from the files instead, and saved in its place.
    public func takeDamage() -> String? {
        damage.withLock { value in
            defer { value = nil }
            return value
        }
    }

    /// Writes the table of `rows`: a temporary file renamed over the old one. The stamp of the
    /// table written; nil when it could not be.
    @discardableResult
    public func save(_ rows: [CachedArticle]) -> FileStamp? {
        write(rows, header: Self.header, to: "articles.tsv")
    }

    /// Writes `rows` in id order (sorted first unless they are) under `header` to the file
    /// `name` of the cache's folder, 1 MiB at a time: a temporary file renamed over the old one.
    /// The stamp of the file written; nil when it could not be.
    @discardableResult
    func write(_ rows: [CachedArticle], header: String, to name: String) -> FileStamp? {
        let sorted = zip(rows, rows.dropFirst()).allSatisfy { $0.id < $1.id } ? rows : rows.sorted { $0.id < $1.id }
        return replace(name) { fd in
            var out = header + "\n", written = true
            for row in sorted {
                out += row.line
                out += "\n"
                if out.utf8.count >= 1 << 20 {
                    written = written && Descriptor.write(out, to: fd) == nil
                    out = ""
                }
            }
            return written && Descriptor.write(out, to: fd) == nil
        }
    }

    /// Replaces the file `name` of the cache's folder with a temporary file that `body` writes
    /// (true when it wrote it all), renamed over it. The stamp of the file in its place (the
    /// rename moves its ctime); nil when it could not be written.
    @discardableResult
    func replace(_ name: String, _ body: (Int32) -> Bool) -> FileStamp? {
        let temporary = directory + "/." + name + ".\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return nil }
        let written = body(fd)
        guard close(fd) == 0, written, rename(temporary, directory + "/" + name) == 0 else {
            unlink(temporary)
            return nil
        }
        var info = stat()
        return lstat(directory + "/" + name, &info) == 0 ? FileStamp(info) : nil
    }

    /// Runs `body` holding the cache's lock (creating the folder first).
    public func withLock<T, Failure: Error>(_ body: () throws(Failure) -> T) throws(Failure) -> T {
        PrivateFolder.create(directory)
        let fd = open(directory + "/lock", O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o600)
        if fd >= 0 { while flock(fd, LOCK_EX) != 0 && errno == EINTR {} }
        defer { if fd >= 0 { flock(fd, LOCK_UN); close(fd) } }
        return try body()
    }

    /// The library's full-text index (opened afresh: one per thread).
    public func index() throws(SQLiteError) -> SearchIndex { try SearchIndex(directory: directory) }
}
