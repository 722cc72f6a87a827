import Glibc

/// A file the scanner found: an article candidate with its id, path and stat facts.
public struct LibraryFile: Equatable, Sendable {
    /// The path relative to the library, with `/` separators.
    public var id: String
    /// The absolute path.
    public var path: String
    public var format: ArticleFormat
    public var size: Int
    /// Modification time, nanoseconds since the epoch: with the size, the inode and the
    /// change time, what tells a cached row is still true.
    public var modified: Int
    /// The file's inode number.
    public var inode: UInt64 = 0
    /// Status change time (ctime), nanoseconds since the epoch: it moves when the mtime is put back.
    public var changed: Int = 0
}

extension LibraryFile {
    /// The file at `path` as `stat` describes it.
    init(id: String, path: String, format: ArticleFormat, status info: stat) {
        func nanoseconds(_ time: timespec) -> Int { Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec) }
        self.init(id: id, path: path, format: format, size: Int(info.st_size), modified: nanoseconds(info.st_mtim),
                  inode: UInt64(info.st_ino), changed: nanoseconds(info.st_ctim))
    }
}
