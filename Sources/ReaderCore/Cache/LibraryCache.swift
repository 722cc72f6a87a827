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
            let (rows, badRow) = Self.rows(of: bytes, from: firstEnd + 1)
            guard let badRow else { return rows }
            noteDamage("row \(badRow) does not check")
            return []
        }
    }

    /// The rows of the table's lines from byte `start` on, parsed on all cores in pieces cut at line ends,
    /// up to the first that does not parse or check (`badRow`, counting from 1 after the header).
    /// The pieces fill one array, each from a slot of its own (room for a row per line), closed up after.
    static func rows(of bytes: UnsafeRawBufferPointer, from start: Int) -> (rows: [CachedArticle], badRow: Int?) {
        let pieceCount = max(1, min(ProcessInfo.processInfo.activeProcessorCount, (bytes.count - start) >> 20))
        var cuts = [start]
        for piece in 1..<pieceCount {
            let from = max(start + (bytes.count - start) * piece / pieceCount, cuts[piece - 1])
            cuts.append(min(lineEnd(in: bytes, from: from) + 1, bytes.count))
        }
        cuts.append(bytes.count)
        let rooms = (0..<pieceCount).map { lineCount(in: bytes, cuts[$0]..<cuts[$0 + 1]) }
        let firsts = rooms.reduce(into: [0]) { $0.append($0.last! + $1) }
        var pieces = [(count: Int, bad: Bool)](repeating: (0, false), count: pieceCount)
        var badRow: Int?
        let rows = [CachedArticle](unsafeUninitializedCapacity: firsts[pieceCount]) { buffer, initialized in
            let base = buffer.baseAddress!
            pieces.withUnsafeMutableBufferPointer { results in
                // Each piece writes only its own slots and result, and the bytes are only read.
                nonisolated(unsafe) let (results, bytes, cuts, base) = (results, bytes, cuts, base)
                DispatchQueue.concurrentPerform(iterations: pieceCount) { piece in
                    results[piece] = Self.rows(of: bytes, in: cuts[piece]..<cuts[piece + 1], into: base + firsts[piece])
                }
            }
            // Closed up in order, up to the first piece with a bad row; the rows after it are dropped.
            var count = 0
            for (piece, result) in pieces.enumerated() {
                let first = base + firsts[piece]
                guard badRow == nil else {
                    first.deinitialize(count: result.count)
                    continue
                }
                if count < firsts[piece] { (base + count).moveInitialize(from: first, count: result.count) }
                count += result.count
                if result.bad { badRow = count + 1 }
            }
            initialized = count
        }
        return (rows, badRow)
    }

    /// Parses the lines in `range` into the slots from `slots` on (one per line at most), up to
    /// the first that does not check (then `bad`); returns how many it filled.
    private static func rows(of bytes: UnsafeRawBufferPointer, in range: Range<Int>,
                             into slots: UnsafeMutablePointer<CachedArticle>) -> (count: Int, bad: Bool) {
        var count = 0
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(lineEnd(in: bytes, from: start), range.upperBound)
            if end > start {
                guard let row = CachedArticle(line: bytes[start..<end]) else { return (count, true) }
                (slots + count).initialize(to: row)
                count += 1
            }
            start = end + 1
        }
        return (count, false)
    }

    /// How many lines `range` holds: its newlines, and one more for a last line without one.
    private static func lineCount(in bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int {
        var count = 0, start = range.lowerBound
        while start < range.upperBound {
            start = min(lineEnd(in: bytes, from: start), range.upperBound) + 1
            count += 1
        }
        return count
    }

    /// The offset of the first newline at or after `from`, else the end of `bytes`.
    private static func lineEnd(in bytes: UnsafeRawBufferPointer, from: Int) -> Int {
        guard from < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + from, 0x0A, bytes.count - from) else { return bytes.count }
        return base.distance(to: UnsafeRawPointer(found))
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
