import Foundation

/// Reads a file's bytes safely: `lstat` first, so FIFOs, sockets and devices are refused
/// before anything can block; `O_NONBLOCK | O_NOFOLLOW`; a size cap.
public enum FileReader {
    /// Files above this are refused (64 MiB).
    public static let sizeLimit = 64 << 20

    /// The bytes of the regular file at `path` (an `EscapedPath`; symlinks followed), at most `limit` of them
    /// when `truncate` is set, else refused when larger.
    public static func read(_ path: String, limit: Int = sizeLimit, truncate: Bool = false) throws(ArticleLoadError) -> [UInt8] {
        let systemPath = EscapedPath.system(path)
        var info = stat()
        guard stat(systemPath, &info) == 0 else {
            let code = errno
            if code == ENOENT { throw .notFound(path) }
            if code == ELOOP { throw .symlinkLoop(path) }
            throw .unreadable(path, reason: String(cString: strerror(code)))
        }
        if let kind = kindName(info.st_mode) { throw .notRegularFile(path, kind: kind) }
        let size = Int(info.st_size)
        if size > limit && !truncate { throw .tooLarge(path, size: size, limit: limit) }
        let fd = open(systemPath, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw .unreadable(path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var opened = stat()
        guard fstat(fd, &opened) == 0 else { throw .unreadable(path, reason: String(cString: strerror(errno))) }
        if let kind = kindName(opened.st_mode) { throw .notRegularFile(path, kind: kind) }
        let wanted = min(Int(opened.st_size), limit)
        var bytes = [UInt8](repeating: 0, count: wanted)
        var filled = 0
        while filled < wanted {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, wanted - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            filled += n
        }
        if filled < wanted { bytes.removeSubrange(filled...) }
        return bytes
    }

    /// Feeds the bytes of the file at `path` from `offset` to its end to `body`, `length` at a time
    /// (the last piece may be shorter), keeping none of them.
    static func forEachPiece(of path: String, from offset: Int, length: Int,
                             _ body: (UnsafeRawBufferPointer) -> Void) throws(ArticleLoadError) {
        let fd = open(EscapedPath.system(path), O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw .unreadable(path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var opened = stat()
        guard fstat(fd, &opened) == 0 else { throw .unreadable(path, reason: String(cString: strerror(errno))) }
        if let kind = kindName(opened.st_mode) { throw .notRegularFile(path, kind: kind) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: length, alignment: 8)
        defer { buffer.deallocate() }
        var position = offset, atEnd = false
        while !atEnd {
            var filled = 0
            while filled < length {
                let n = pread(fd, buffer.baseAddress! + filled, length - filled, off_t(position + filled))
                if n < 0, errno == EINTR { continue }
                if n < 0 { throw .unreadable(path, reason: String(cString: strerror(errno))) }
                if n == 0 { atEnd = true; break }
                filled += n
            }
            if filled > 0 { body(UnsafeRawBufferPointer(rebasing: buffer[..<filled])) }
            position += filled
        }
    }

    /// A name for anything that is not a regular file.
    static func kindName(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "directory"
        case S_IFIFO: return "FIFO"
        case S_IFSOCK: return "socket"
        case S_IFCHR, S_IFBLK: return "device"
        default: return "special file"
        }
    }
}
