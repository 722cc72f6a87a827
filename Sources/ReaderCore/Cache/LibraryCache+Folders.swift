import Foundation

/// The record of the library's folders that a lazy check trusts (`FolderStamps`, `folders.tsv`).
extension LibraryCache {
    var foldersPath: String { directory + "/folders.tsv" }

    /// The record the last full check left, when it is sound, of the library whose real path is
    /// `root`, and every folder still stands as it says.
    func standingFolders(root: String) -> FolderStamps? {
        guard let record = loadFolders(), record.root == root, record.stand() else { return nil }
        return record
    }

    /// Records the folders of `scan`, a walk that found every file as the table stamped `table`
    /// holds it (`rows`), unless the record says so already. A walk that met a problem (which a
    /// lazy check would not report) or found a folder just changed (`unsettled`) is not recorded.
    func recordFolders(of scan: LibraryScanner.Scan, table: FileStamp?, rows: [CachedArticle]) {
        guard let table, scan.problems.isEmpty, !scan.unsettled else { return }
        if let old = loadFolders(), old.root == scan.root, old.table == table, old.folders == scan.folders { return }
        let record = FolderStamps(root: scan.root, table: table, signature: SearchIndex.signature(of: rows),
                                  folders: scan.folders)
        replace("folders.tsv") { fd in Descriptor.write(record.text, to: fd) == nil }
    }

    /// The record on disk, if it is one (a regular file, not through a symlink, that checks).
    private func loadFolders() -> FolderStamps? {
        let fd = open(foldersPath, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size < 64 << 20 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            filled += count
        }
        return String(validating: bytes, as: UTF8.self).flatMap(FolderStamps.init(text:))
    }
}
