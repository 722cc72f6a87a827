import Foundation
import Synchronization

/// The derived data of one library under `$XDG_CACHE_HOME/reader/<library hash>/`:
/// `articles.tsv` (a row per file: list metadata and fingerprint) and the full-text index
/// (`SearchIndex`, `index.sqlite`).
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

    /// The table: every row, by id.
    public struct Table: Equatable, Sendable {
        public var rows: [String: CachedArticle] = [:]

        /// The table of `rows`, by id.
        init(_ rows: [CachedArticle] = []) {
            self.rows.reserveCapacity(rows.count)
            for row in rows { self.rows[row.id] = row }
        }
    }

    static let header = "reader-cache 12"
    var tablePath: String { directory + "/articles.tsv" }

    /// The table on disk; empty when missing, corrupt or from another version.
    public func load() -> Table { Table(loadRows()) }

    /// The table's rows on disk, in id order (as `save` writes them); none when the table is
    /// missing, corrupt or from another version.
    public func loadRows() -> [CachedArticle] {
        guard let table = Self.readTable(at: tablePath, wanted: Self.header) else {
            var info = stat()
            if lstat(tablePath, &info) == 0 { noteDamage("it is not a regular file that can be read") }
            return []
        }
        guard table.header == Self.header else {
            // Another version's table is simply replaced; anything else is damage.
            if !table.header.hasPrefix("reader-cache ") { noteDamage("its header is not a table's") }
            return []
        }
        guard let badRow = table.badRow else { return table.rows }
        noteDamage("row \(badRow) does not check")
        return []
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

    /// Writes the table: a temporary file renamed over the old one.
    public func save(_ table: Table) {
        write(table.rows.values, header: Self.header, to: "articles.tsv")
    }

    /// Writes `rows` in id order under `header` to the file `name` of the cache's folder: a
    /// temporary file renamed over the old one.
    func write(_ rows: some Collection<CachedArticle>, header: String, to name: String) {
        var out = header + "\n"
        for row in rows.sorted(by: { $0.id < $1.id }) {
            out += row.line
            out += "\n"
        }
        let temporary = directory + "/." + name + ".\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(out.utf8)) else { return }
        if rename(temporary, directory + "/" + name) != 0 { unlink(temporary) }
    }

    /// Runs `body` holding the cache's lock (creating the folder first).
    public func withLock<T>(_ body: () throws -> T) rethrows -> T {
        PrivateFolder.create(directory)
        let fd = open(directory + "/lock", O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o600)
        if fd >= 0 { while flock(fd, LOCK_EX) != 0 && errno == EINTR {} }
        defer { if fd >= 0 { flock(fd, LOCK_UN); close(fd) } }
        return try body()
    }

    /// The library's full-text index (opened afresh: one per thread).
    public func index() throws(SQLiteError) -> SearchIndex { try SearchIndex(directory: directory) }
}
