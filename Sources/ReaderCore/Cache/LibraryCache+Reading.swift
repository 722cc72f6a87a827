import Foundation

/// Reading a table file (a header line, then a row per line, as `write` makes it) a piece of
/// its bytes at a time, so that a big table never sits in memory beside its rows.
extension LibraryCache {
    /// How many bytes of a table are read and parsed at a time (parsed on all cores).
    static let tablePieceBytes = 4 << 20

    /// The header line of the regular file at `path` (not through a symlink; a FIFO or device in
    /// its place is not waited on) and, when that is `wanted`, its rows up to the first that does
    /// not parse or check (`badRow`, counting from 1 after the header), and the stamp of the file
    /// read; nil when it cannot be read. It is read `pieceBytes` at a time, or a line at a time
    /// where a line is longer.
    static func readTable(at path: String, wanted: String, pieceBytes: Int = tablePieceBytes)
        -> (header: String, rows: [CachedArticle], badRow: Int?, stamp: FileStamp)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var buffer = [UInt8](repeating: 0, count: max(1, min(Int(info.st_size), pieceBytes)))
        var filled = 0
        var header: String?
        var rows: [CachedArticle] = []
        while true {
            // A line longer than the buffer makes it bigger.
            if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            filled += count
            let atEnd = count == 0
            // Whole lines only, but for the last one.
            let usable = atEnd ? filled : buffer[..<filled].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            if usable > 0 {
                var start = 0
                if header == nil {
                    let end = buffer[..<usable].firstIndex(of: 0x0A) ?? usable
                    header = String(decoding: buffer[..<end], as: UTF8.self)
                    guard header == wanted else { return (header!, [], nil, FileStamp(info)) }
                    start = min(end + 1, usable)
                }
                let (piece, badRow) = buffer.withUnsafeBytes { bytes in
                    Self.rows(of: UnsafeRawBufferPointer(rebasing: bytes[..<usable]), from: start)
                }
                if rows.isEmpty && !piece.isEmpty && !atEnd {
                    // Room for the rows the rest holds at this piece's rate, so the array is not copied.
                    let rate = Double(piece.count) / Double(usable - start)
                    rows.reserveCapacity(Int(rate * Double(max(0, Int(info.st_size) - start)) * 1.05) + 64)
                }
                if let badRow { return (header!, rows + piece, rows.count + badRow, FileStamp(info)) }
                rows.append(contentsOf: piece)
                buffer.withUnsafeMutableBytes { bytes in
                    _ = memmove(bytes.baseAddress!, bytes.baseAddress! + usable, filled - usable)
                }
                filled -= usable
            }
            if atEnd { return (header ?? "", rows, nil, FileStamp(info)) }
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
}
