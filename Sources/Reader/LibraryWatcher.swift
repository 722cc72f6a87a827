import Foundation
import ReaderCore

/// Notices, through inotify, files added, changed, moved or removed in the library's folders
/// (new folders joining the watch) and the state file replaced by another reader. A thread of
/// its own reads the events; the key loop asks `takeChange()` between keys.
final class LibraryWatcher: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var changed = false
    private var folders: [Int32: String] = [:]
    private static let folderEvents = UInt32(IN_CREATE | IN_DELETE | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
                                             | IN_DELETE_SELF | IN_ATTRIB)

    /// Watches `library` (every folder under it) and `stateDirectory`; nil when inotify is
    /// unavailable. The folders are walked on the watcher's thread, so a big library does not
    /// delay the first screen.
    init?(library: String, stateDirectory: String) {
        fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        Thread.detachNewThread { [self] in
            watch(stateDirectory)
            watchTree(library)
            readEvents()
        }
    }

    /// Whether something changed since the last call.
    func takeChange() -> Bool {
        lock.withLock {
            defer { changed = false }
            return changed
        }
    }

    private func watch(_ folder: String) {
        let descriptor = inotify_add_watch(fd, folder, Self.folderEvents)
        if descriptor >= 0 { lock.withLock { folders[descriptor] = folder } }
    }

    /// `folder` and the folders under it (not through symlinks, not hidden ones).
    private func watchTree(_ folder: String) {
        watch(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !name.hasPrefix(".") {
            var info = stat()
            let path = folder + "/" + name
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { watchTree(path) }
        }
    }

    private func readEvents() {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (descriptor, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let name = String(decoding: buffer[nameStart..<(nameStart + length)].prefix { $0 != 0 }, as: UTF8.self)
                if mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
                   let parent = lock.withLock({ folders[descriptor] }) {
                    watchTree(parent + "/" + name)
                }
                // The cache's own and temporary files are not changes to the library.
                if !name.hasPrefix(".") { lock.withLock { changed = true } }
                offset = nameStart + length
            }
        }
    }
}
