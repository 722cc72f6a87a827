import Foundation

/// Walks a library folder recursively for articles: `.txt`, `.md`, `.markdown`, `.html`, `.htm`,
/// `.xhtml`, `.mhtml` and `.mht` files.
///
/// Hidden files and folders are skipped, as are other extensions (quietly), and the `NAME_files/`
/// folder a browser saves beside `NAME.html`: its files belong to that page. Symlinks are
/// followed inside the library only; loops, links out of it, FIFOs, sockets, devices,
/// unreadable and oversized files are reported, one problem each, and do not stop the walk.
public struct LibraryScanner {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// What a walk found.
    public struct Scan: Sendable {
        public var files: [LibraryFile] = []
        public var problems: [ArticleLoadError] = []
        /// How many files matched their known row, and are not in `files`.
        public var matched = 0
        /// Which known rows a file matched (by their place among the known rows).
        public var matchedRows: [Bool] = []
        /// The library folder's real path (escaped).
        public var root = ""
        /// Every folder walked, statted before its entries were read.
        public var folders: [FolderStamps.Folder] = []
        /// Whether a folder was changed within `settling` of the walk's start (or since): a change
        /// made in the same tick of the file system's clock as the walk read it would leave its
        /// mtime as the walk found it, so such a walk's folders are not recorded for a lazy check.
        public var unsettled = false
    }

    /// How long before a walk a folder's change makes the walk `unsettled`.
    static let settling = 1_000_000_000

    /// The library folder's real path and its status; throws if it is missing or not a folder.
    @discardableResult
    public func checkRoot() throws(ArticleLoadError) -> (path: String, info: stat) {
        guard let realRoot = EscapedPath.real(EscapedPath.of(root)) else { throw .notFound(root) }
        var info = stat()
        guard stat(EscapedPath.system(realRoot), &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { throw .notRegularFile(root, kind: "file, not a folder,") }
        return (realRoot, info)
    }

    /// Walks the library; throws only if the library folder itself cannot be read. With `known`
    /// (rows in id order), a file that its row holds as it is counts as `matched` and is not kept:
    /// a check of a big library that finds nothing changed holds no list of its files.
    public func scan(against known: [CachedArticle] = []) throws(ArticleLoadError) -> Scan {
        let (realRoot, info) = try checkRoot()
        var scan = Scan()
        scan.root = realRoot
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let started = Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec)
        scan.matchedRows = [Bool](repeating: false, count: known.count)
        var walk = Walk(realRoot: realRoot, visited: [[UInt64(info.st_dev), UInt64(info.st_ino)]], known: known,
                        settled: started - Self.settling)
        walk.folder(realRoot, id: "", into: &scan)
        // Folders reached through symlinks come last, so a folder's own path names its articles;
        // a link to a folder already walked is an alias (skipped) or, to an ancestor, a loop.
        while !walk.linkedFolders.isEmpty {
            let link = walk.linkedFolders.removeFirst()
            if walk.visited.contains(link.key) {
                if link.target == realRoot || link.parent.hasPrefix(link.target + "/") || link.parent == link.target {
                    scan.problems.append(.symlinkLoop(link.id))
                }
                continue
            }
            walk.visited.insert(link.key)
            walk.folder(link.target, id: link.id, into: &scan)
        }
        scan.files.sort { $0.id < $1.id }
        return scan
    }

    /// The name a walk gives the entry `component` (escaped) of `folder` (escaped), which another
    /// entry of the folder may share as Unicode text.
    static func name(of component: String, in folder: String) -> String {
        guard let dir = opendir(EscapedPath.system(folder)) else { return component }
        defer { closedir(dir) }
        let wanted = Array(EscapedPath.system(component).dropLast()).map { UInt8(bitPattern: $0) }
        var entries: [[UInt8]] = []
        while let entry = readdir(dir) { entries.append(Walk.bytes(of: entry)) }
        let names = EscapedPath.names(entries)
        return entries.firstIndex(of: wanted).map { names[$0] } ?? component
    }
}

/// One walk's memory: the folders seen (by device and inode) and the folder links to follow.
private struct Walk {
    let realRoot: String
    var visited: Set<[UInt64]>
    var linkedFolders: [(id: String, target: String, parent: String, key: [UInt64])] = []
    /// Rows in id order: a file one of them holds as it is is counted, not kept.
    let known: [CachedArticle]
    /// The time (ns since the epoch) a folder changed at or after makes the scan unsettled.
    let settled: Int

    init(realRoot: String, visited: Set<[UInt64]>, known: [CachedArticle], settled: Int) {
        (self.realRoot, self.visited, self.known, self.settled) = (realRoot, visited, known, settled)
    }

    mutating func folder(_ directory: String, id prefix: String, into scan: inout LibraryScanner.Scan) {
        guard let dir = opendir(EscapedPath.system(directory)) else {
            scan.problems.append(.unreadable(prefix.isEmpty ? directory : prefix, reason: String(cString: strerror(errno))))
            return
        }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var info = stat()
        if fstat(fd, &info) == 0 {
            let stamp = FileStamp(info)
            scan.folders.append(FolderStamps.Folder(path: directory, stamp: stamp))
            if stamp.modified >= settled { scan.unsettled = true }
        } else {
            scan.unsettled = true
        }
        var entries: [[UInt8]] = []
        while let entry = readdir(dir) {
            let bytes = Self.bytes(of: entry)
            if bytes.first == UInt8(ascii: ".") { continue }
            // A regular file of another kind needs no stat at all.
            if entry.pointee.d_type == UInt8(DT_REG), !ArticleFormat.hasArticleExtension(bytes) { continue }
            entries.append(bytes)
        }
        let names = EscapedPath.names(entries)
        let pages = Set(names.compactMap(Self.pageStem))
        let listed = zip(names, entries).sorted(by: { $0.0 < $1.0 }).filter { name, _ in
            !(name.hasSuffix("_files") && pages.contains(String(name.dropLast(6))))
        }
        for ((name, _), status) in zip(listed, Self.statuses(of: listed.map(\.1), in: fd)) {
            guard var info = status else { continue }
            let path = directory + "/" + name
            let id = prefix.isEmpty ? name : prefix + "/" + name
            var mode = info.st_mode & S_IFMT
            var linkTarget: String?
            if mode == S_IFLNK {
                guard let target = EscapedPath.real(path) else {
                    if ArticleFormat(fileName: name) != nil || errno == ELOOP {
                        scan.problems.append(errno == ELOOP ? .symlinkLoop(id) : .unreadable(id, reason: "broken symlink"))
                    }
                    continue
                }
                guard target == realRoot || target.hasPrefix(realRoot + "/") else {
                    scan.problems.append(.outsideLibrary(id, target: target))
                    continue
                }
                guard stat(EscapedPath.system(path), &info) == 0 else { continue }
                mode = info.st_mode & S_IFMT
                linkTarget = target
            }
            if mode == S_IFDIR {
                let key = [UInt64(info.st_dev), UInt64(info.st_ino)]
                if let linkTarget {
                    linkedFolders.append((id, linkTarget, directory, key))
                } else if !visited.contains(key) {
                    visited.insert(key)
                    folder(path, id: id, into: &scan)
                }
                continue
            }
            guard let format = ArticleFormat(fileName: name) else { continue }
            if let kind = FileReader.kindName(mode) { scan.problems.append(.notRegularFile(id, kind: kind)); continue }
            if !Self.mayRead(info) { scan.problems.append(.unreadable(id, reason: String(cString: strerror(EACCES)))); continue }
            if Int(info.st_size) > FileReader.sizeLimit {
                scan.problems.append(.tooLarge(id, size: Int(info.st_size), limit: FileReader.sizeLimit))
                continue
            }
            let file = LibraryFile(id: id, folder: directory, format: format, status: info)
            if let row = knownRow(id), known[row].matches(file) {
                scan.matched += 1
                scan.matchedRows[row] = true
            } else {
                scan.files.append(file)
            }
        }
    }

    /// The place of `id`'s known row, by binary search.
    private func knownRow(_ id: String) -> Int? {
        guard !known.isEmpty else { return nil }
        let index = known.lastIndex(notAfter: id, by: \.id)
        return known[index].id == id ? index : nil
    }

}

extension Walk {
    /// The status of each of `names` in the folder open as `fd` (nil where it cannot be had),
    /// without following a symlink: on all cores when there are many (the walk's time is these
    /// calls, and a warm list waits for the walk).
    static func statuses(of names: [[UInt8]], in fd: Int32) -> [stat?] {
        var statuses: [stat?] = Array(repeating: nil, count: names.count)
        let pieces = names.count >= 256 ? ProcessInfo.processInfo.activeProcessorCount : 1
        statuses.withUnsafeMutableBufferPointer { slots in
            // Each piece writes only its own run of slots.
            nonisolated(unsafe) let slots = slots
            @Sendable func status(_ index: Int) {
                var info = stat()
                let found = names[index].withUnsafeBufferPointer { name in
                    withUnsafeTemporaryAllocation(of: CChar.self, capacity: name.count + 1) { path in
                        name.withMemoryRebound(to: CChar.self) { _ = path.initialize(fromContentsOf: $0) }
                        path[name.count] = 0
                        return fstatat(fd, path.baseAddress!, &info, AT_SYMLINK_NOFOLLOW) == 0
                    }
                }
                if found { slots[index] = info }
            }
            guard pieces > 1 else { return names.indices.forEach(status) }
            DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                for index in names.count * piece / pieces..<names.count * (piece + 1) / pieces { status(index) }
            }
        }
        return statuses
    }

    /// The name of a directory entry, byte for byte.
    static func bytes(of entry: UnsafeMutablePointer<dirent>) -> [UInt8] {
        withUnsafePointer(to: entry.pointee.d_name) {
            $0.withMemoryRebound(to: UInt8.self, capacity: 256) { Array(UnsafeBufferPointer(start: $0, count: strlen($0))) }
        }
    }

    /// The name of a saved page without its extension (`NAME` of `NAME.html`), whose `NAME_files`
    /// folder belongs to it.
    static func pageStem(_ name: String) -> String? {
        guard let format = ArticleFormat(fileName: name), format == .html, let dot = name.lastIndex(of: ".") else { return nil }
        return String(name[..<dot])
    }

    /// Whether the permission bits let this process read the file (without a syscall per file;
    /// supplementary groups are not consulted, and a refused read still says why).
    static func mayRead(_ info: stat) -> Bool {
        let uid = geteuid()
        if uid == 0 { return true }
        if info.st_uid == uid { return info.st_mode & S_IRUSR != 0 }
        if info.st_gid == getegid() { return info.st_mode & S_IRGRP != 0 }
        return info.st_mode & S_IROTH != 0
    }
}
