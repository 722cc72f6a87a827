import Glibc

/// What tells a file or folder is as it was when it was statted: its size, mtime and ctime (in
/// nanoseconds), inode and device. A folder's mtime and ctime move when an entry is added to it,
/// removed from it or renamed in it; a file replaced by rename has another inode.
public struct FileStamp: Equatable, Sendable {
    public var size: Int
    public var modified: Int
    public var changed: Int
    public var inode: UInt64
    public var device: UInt64

    /// The stamp of a status `stat` gave.
    public init(_ info: stat) {
        func nanoseconds(_ time: timespec) -> Int { Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec) }
        (size, modified, changed) = (Int(info.st_size), nanoseconds(info.st_mtim), nanoseconds(info.st_ctim))
        (inode, device) = (UInt64(info.st_ino), UInt64(info.st_dev))
    }

    /// The stamp of what the escaped `path` names now (through symlinks); nil when it cannot be statted.
    public static func of(path: String) -> FileStamp? {
        var info = stat()
        return stat(EscapedPath.system(path), &info) == 0 ? FileStamp(info) : nil
    }

    /// The five numbers, tab-separated, as `init(fields:)` reads them.
    var fields: String { "\(size)\t\(modified)\t\(changed)\t\(inode)\t\(device)" }

    /// The stamp of five numbers as `fields` writes them.
    init?<Fields: Collection<Substring>>(fields: Fields) {
        guard fields.count == 5 else { return nil }
        let parts = Array(fields)
        guard let size = Int(parts[0]), size >= 0, let modified = Int(parts[1]), let changed = Int(parts[2]),
              let inode = UInt64(parts[3]), let device = UInt64(parts[4]) else { return nil }
        (self.size, self.modified, self.changed, self.inode, self.device) = (size, modified, changed, inode, device)
    }
}
