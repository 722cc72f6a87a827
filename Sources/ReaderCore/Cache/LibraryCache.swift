import Foundation

/// The derived data of one library under `$XDG_CACHE_HOME/reader/<library hash>/`:
/// `articles.tsv` (a row per file: list metadata, fingerprint, where its text is) and the
/// append-only text stores `text.<generation>` and `folded.<generation>` that search reads.
///
/// Deleting it loses nothing; a corrupt or stale part is rebuilt. Writers hold `lock`;
/// readers need none: the table is replaced by rename, and the stores only grow until a
/// compaction writes a new generation.
public final class LibraryCache: Sendable {
    public let directory: String

    /// The cache of the library at `root`, under `cacheHome` (the `reader` cache folder).
    public init(root: String, cacheHome: String) {
        var real = root
        if let resolved = realpath(root, nil) {
            real = String(cString: resolved)
            free(resolved)
        }
        directory = cacheHome + "/" + Fingerprint.of(head: Array(real.utf8), size: real.utf8.count)
    }

    /// The table: every row, and the generation of the stores it points into.
    public struct Table: Equatable, Sendable {
        public var generation = 1
        public var rows: [String: CachedArticle] = [:]
    }

    static let header = "reader-cache 9"
    var tablePath: String { directory + "/articles.tsv" }
    func storePath(_ kind: String, _ generation: Int) -> String { directory + "/\(kind).\(generation)" }

    // MARK: - Table

    /// The table on disk; empty when missing, corrupt or from another version. Rows that point
    /// past the end of their store lose their text ranges.
    public func load() -> Table {
        guard let file = MappedFile(path: tablePath) else { return Table() }
        let bytes = file.bytes
        guard let firstEnd = bytes.firstIndex(of: 0x0A) else { return Table() }
        let head = String(decoding: bytes[..<firstEnd], as: UTF8.self).split(separator: " ")
        guard head.count == 3, "\(head[0]) \(head[1])" == Self.header, head[2].hasPrefix("gen="),
              let generation = Int(head[2].dropFirst(4)) else { return Table() }
        var table = Table(generation: generation)
        var start = firstEnd + 1
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            if end > start {
                guard let row = CachedArticle(line: bytes[start..<end]) else { return Table() }
                table.rows[row.id] = row
            }
            start = end + 1
        }
        let textSize = fileSize(storePath("text", generation)), foldedSize = fileSize(storePath("folded", generation))
        for (id, row) in table.rows where (row.text?.upperBound ?? 0) > textSize || (row.folded?.upperBound ?? 0) > foldedSize {
            table.rows[id]?.text = nil
            table.rows[id]?.folded = nil
        }
        return table
    }

    /// Writes the table: a temporary file renamed over the old one.
    public func save(_ table: Table) {
        var out = "\(Self.header) gen=\(table.generation)\n"
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
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let fd = open(directory + "/lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd >= 0 { while flock(fd, LOCK_EX) != 0 && errno == EINTR {} }
        defer { if fd >= 0 { flock(fd, LOCK_UN); close(fd) } }
        return try body()
    }

    // MARK: - Stores

    /// Appends each record's text and folded text to the stores and points its row at them.
    /// Each folded record is followed by a 0xFF byte, which UTF-8 never holds, so no match
    /// can run from one record into the next. Call with the lock held.
    public func append(_ records: [(id: String, text: [UInt8], folded: [UInt8])], to table: inout Table) {
        guard !records.isEmpty else { return }
        let textPath = storePath("text", table.generation), foldedPath = storePath("folded", table.generation)
        let textAt = fileSize(textPath), foldedAt = fileSize(foldedPath)
        var textOut: [UInt8] = [], foldedOut: [UInt8] = []
        for record in records where table.rows[record.id] != nil {
            table.rows[record.id]?.text = (textAt + textOut.count)..<(textAt + textOut.count + record.text.count)
            table.rows[record.id]?.folded = (foldedAt + foldedOut.count)..<(foldedAt + foldedOut.count + record.folded.count)
            textOut += record.text
            foldedOut += record.folded
            foldedOut.append(0xFF)
        }
        guard appendBytes(textOut, to: textPath, expectedSize: textAt), appendBytes(foldedOut, to: foldedPath, expectedSize: foldedAt) else {
            for record in records { table.rows[record.id]?.text = nil; table.rows[record.id]?.folded = nil }
            return
        }
    }

    /// Rewrites the stores with only the live rows' text, as a new generation, when more than
    /// half of them is dead. Call with the lock held; the old generation is removed after the
    /// table that names the new one is saved.
    public func compactIfWasteful(_ table: inout Table) {
        let live = table.rows.values.reduce(0) { $0 + ($1.folded?.count ?? 0) }
        let stored = fileSize(storePath("folded", table.generation))
        guard stored > 8 << 20, stored > live * 2 else { return }
        let old = table.generation
        guard let oldText = mapped(storePath("text", old)), let oldFolded = mapped(storePath("folded", old)) else { return }
        var fresh = table
        fresh.generation = old + 1
        for path in [storePath("text", fresh.generation), storePath("folded", fresh.generation)] { unlink(path) }
        var records: [(id: String, text: [UInt8], folded: [UInt8])] = []
        for row in table.rows.values {
            guard let text = row.text, let folded = row.folded else { continue }
            records.append((row.id, Array(oldText.bytes[text]), Array(oldFolded.bytes[folded])))
        }
        append(records, to: &fresh)
        table = fresh
        save(table)
        unlink(storePath("text", old))
        unlink(storePath("folded", old))
    }

    /// A store of a generation (`text` or `folded`), mapped read-only.
    public func mappedStore(_ kind: String, generation: Int) -> MappedFile? { mapped(storePath(kind, generation)) }

    private func mapped(_ path: String) -> MappedFile? { MappedFile(path: path) }

    private func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Appends `bytes` to the file, which must be `expectedSize` long now (else it was
    /// truncated or replaced, and the caller's offsets would be wrong).
    private func appendBytes(_ bytes: [UInt8], to path: String, expectedSize: Int) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, Int(info.st_size) == expectedSize else { return false }
        return bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 { if errno == EINTR { continue }; return false }
                written += n
            }
            return true
        }
    }
}
