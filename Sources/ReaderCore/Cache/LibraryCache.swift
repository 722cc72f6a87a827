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
    }

    static let header = "reader-cache 12"
    var tablePath: String { directory + "/articles.tsv" }

    /// The table on disk; empty when missing, corrupt or from another version.
    public func load() -> Table {
        let rows = loadRows()
        var table = Table()
        table.rows.reserveCapacity(rows.count)
        for row in rows { table.rows[row.id] = row }
        return table
    }

    /// The table's rows on disk, in id order (as `save` writes them); none when the table is
    /// missing, corrupt or from another version.
    public func loadRows() -> [CachedArticle] {
        guard let contents = Self.read(tablePath) else {
            var info = stat()
            if lstat(tablePath, &info) == 0 { noteDamage("it is not a regular file that can be read") }
            return []
        }
        return contents.withUnsafeBytes { bytes -> [CachedArticle] in
            guard let firstEnd = bytes.firstIndex(of: 0x0A),
                  String(decoding: bytes[..<firstEnd], as: UTF8.self) == Self.header else {
                // Another version's table is simply replaced; anything else is damage.
                if !bytes.starts(with: "reader-cache ".utf8) { noteDamage("its header is not a table's") }
                return []
            }
            var rows: [CachedArticle] = []
            rows.reserveCapacity(bytes.count / 128)
            var start = firstEnd + 1
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                if end > start {
                    guard let row = CachedArticle(line: bytes[start..<end]) else {
                        noteDamage("row \(rows.count + 1) does not check")
                        return []
                    }
                    rows.append(row)
                }
                start = end + 1
            }
            return rows
        }
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

    /// The bytes of the regular file at `path` (not through a symlink; a FIFO or device in its
    /// place is not waited on, and a file that shrinks while read cannot fault, as a mapping would).
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size < 1 << 32 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        return filled == bytes.count ? bytes : nil
    }

    /// Writes the table: a temporary file renamed over the old one.
    public func save(_ table: Table) {
        var out = Self.header + "\n"
        for row in table.rows.values.sorted(by: { $0.id < $1.id }) {
            out += row.line
            out += "\n"
        }
        let temporary = directory + "/.articles.tsv.\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(out.utf8)) else { return }
        if rename(temporary, tablePath) != 0 { unlink(temporary) }
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
