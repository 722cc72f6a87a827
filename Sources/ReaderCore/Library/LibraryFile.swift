import Glibc

/// A file the scanner found: an article candidate with its id, path and stat facts.
public struct LibraryFile: Equatable, Sendable {
    /// The path relative to the library, with `/` separators.
    public var id: String
    /// The absolute path of its folder: one string the scanner's files of a folder share.
    public var folder: String
    /// Its name in `folder` when that is not the last component of `id`.
    private var otherName: String?
    public var format: ArticleFormat
    public var size: Int
    /// Modification time, nanoseconds since the epoch: with the size, the inode and the
    /// change time, what tells a cached row is still true.
    public var modified: Int
    /// The file's inode number.
    public var inode: UInt64 = 0
    /// Status change time (ctime), nanoseconds since the epoch: it moves when the mtime is put back.
    public var changed: Int = 0

    /// The file in `folder` named as `id`'s last component.
    init(id: String, folder: String, format: ArticleFormat, size: Int, modified: Int, inode: UInt64 = 0, changed: Int = 0) {
        (self.id, self.folder, self.format, self.size, self.modified, self.inode, self.changed) =
            (id, folder, format, size, modified, inode, changed)
    }

    /// The file at the absolute `path`.
    public init(id: String, path: String, format: ArticleFormat, size: Int, modified: Int, inode: UInt64 = 0, changed: Int = 0) {
        let (folder, name) = Self.split(path)
        self.init(id: id, folder: String(folder), format: format, size: size, modified: modified, inode: inode, changed: changed)
        if name != Self.split(id).name { otherName = String(name) }
    }

    /// The absolute path.
    public var path: String { folder + "/" + (otherName ?? String(Self.split(id).name)) }

    /// A path's folder (empty at the root, `.` for a bare name) and last component.
    private static func split(_ path: String) -> (folder: Substring, name: Substring) {
        guard let slash = path.utf8.lastIndex(of: 0x2F) else { return (".", path[...]) }
        return (path[..<slash], path[path.index(after: slash)...])
    }
}

extension LibraryFile {
    /// The file at `path` as `stat` describes it.
    init(id: String, path: String, format: ArticleFormat, status info: stat) {
        self.init(id: id, path: path, format: format, size: 0, modified: 0)
        setStatus(info)
    }

    /// The file `id` of the scanner's `folder` as `stat` describes it.
    init(id: String, folder: String, format: ArticleFormat, status info: stat) {
        self.init(id: id, folder: folder, format: format, size: 0, modified: 0)
        setStatus(info)
    }

    private mutating func setStatus(_ info: stat) {
        func nanoseconds(_ time: timespec) -> Int { Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec) }
        (size, modified) = (Int(info.st_size), nanoseconds(info.st_mtim))
        (inode, changed) = (UInt64(info.st_ino), nanoseconds(info.st_ctim))
    }
}
