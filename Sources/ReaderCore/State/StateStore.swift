import Foundation

/// The state file on disk, written as SAFETY.md says: lock, re-read, merge, temp file, fsync,
/// rename, directory fsync. Two processes writing at once lose nothing; a SIGKILL at any
/// moment leaves a file that parses and holds every change that was acknowledged.
///
/// - A change is appended to the `StateJournal` beside the file (one fsynced line), so a mark
///   costs the same at 100,000 articles as at 10; reading replays the journal over the file, and
///   a reader that finds the journal over `compactionSize` (1 MiB) writes both as one file again.
/// - The lock is waited for at most `lockTimeout` seconds, `onWait` told once the wait begins;
///   then the change fails with `lockTimedOut`, and nothing is written.
/// - A corrupt file is moved aside to `state.json.corrupt-<time>`, never overwritten.
/// - A file from a newer schema is read but never written (`isReadOnly`).
/// - An older schema is migrated in memory; the old file is kept as `state.json.v<N>.bak`.
/// - A `state.json` that is a symlink stays one: the file it points to is what is written
///   (atomically, in that file's folder) and moved aside when corrupt.
public final class StateStore {
    public let directory: String
    public var path: String { directory + "/state.json" }
    var lockPath: String { directory + "/state.json.lock" }
    private let clock: () -> Double
    /// How long a change waits for another process's lock before it fails.
    public var lockTimeout: Double = 5
    /// Told (with the lock's path) when a change has to wait for another process's lock.
    public var onWait: ((String) -> Void)?
    /// A journal larger than this is folded into the state file by the next `load`.
    public var compactionSize = 1 << 20
    var journal: StateJournal { StateJournal(path: target + ".journal") }

    /// Messages for the user about the file (corrupt, newer), to print on stderr.
    public private(set) var warnings: [String] = []
    /// True when the file on disk is from a newer schema: nothing will be written.
    public var isReadOnly: Bool { newerVersion != nil }
    /// The newer schema the file on disk was found to be of.
    private var newerVersion: Int?

    public init(directory: String, clock: @escaping () -> Double = { Date().timeIntervalSince1970 }) {
        self.directory = directory
        self.clock = clock
    }

    // MARK: - Reading

    /// The state as it is now (the file and its journal); empty when there is none. A corrupt
    /// file is moved aside; a journal grown over `compactionSize` is folded into the file.
    public func load() -> StateFile {
        // Folded only when no other process holds the lock: a read never waits for one.
        if journal.size > compactionSize, !isReadOnly,
           let file = try? withLock(waiting: 0, { () throws(StateStoreError) -> StateFile in try rewrite { _ in } }) {
            return file
        }
        switch read() {
        case .missing: return replayingJournal(over: StateFile())
        case .parsed(let file): return replayingJournal(over: file)
        case .corrupt:
            // Move it aside under the lock, so two processes do not both do it.
            return (try? withLock { () throws(StateStoreError) -> StateFile in try readForWrite() }) ?? StateFile()
        }
    }

    /// `file` with the journal's changes applied in order; damaged lines are said once.
    private func replayingJournal(over file: StateFile) -> StateFile {
        let (entries, damaged) = journal.read()
        if damaged > 0 { noteJournalDamage(damaged) }
        guard !entries.isEmpty, file.version <= StateFile.currentVersion else { return file }
        var file = file
        for entry in entries { file.apply(entry.change, at: entry.time) }
        return file
    }

    private func noteJournalDamage(_ lines: Int) {
        let message = "\(Sanitizer.line(journal.path)): \(lines) line\(lines == 1 ? "" : "s") could not be read and \(lines == 1 ? "was" : "were") skipped"
        if !warnings.contains(message) { warnings.append(message) }
    }

    private enum ReadResult {
        case missing, parsed(StateFile), corrupt(String)
    }

    /// Reads and decodes the file as it streams in (`StateJSONReader`), noting a newer schema.
    private func read() -> ReadResult {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .missing }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .corrupt("it is not a regular file") }
        do {
            let file = try StateJSONReader.parse(fd: fd)
            if file.version > StateFile.currentVersion { noteNewer(file.version) }
            return .parsed(file)
        } catch {
            // A newer schema may have any shape: only its version is read, and it is never written.
            if let bytes = try? FileReader.read(path), let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
               let version = object["version"] as? Int, version > StateFile.currentVersion {
                noteNewer(version)
                return .parsed(StateFile(version: version))
            }
            return .corrupt(error.description)
        }
    }

    /// Makes the store read-only for a file of a newer schema, and says so once.
    private func noteNewer(_ version: Int) {
        guard !isReadOnly else { return }
        newerVersion = version
        warnings.append(StateStoreError.newerSchema(path, version: version).description)
    }

    /// The file written: `state.json`, or where it points when it is a symlink (made absolute,
    /// even when the link dangles).
    var target: String {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return path }
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { return path }
        return link.hasPrefix("/") ? link : directory + "/" + link
    }

    /// Under the lock: the current file and its journal, with a corrupt file moved aside (and said so).
    private func readForWrite() throws(StateStoreError) -> StateFile {
        switch read() {
        case .missing: return replayingJournal(over: StateFile())
        case .parsed(let file): return replayingJournal(over: file)
        case .corrupt(let reason):
            // Never over an earlier copy: a second corrupt file in the same second gets a suffix.
            let target = target
            var aside = target + ".corrupt-" + Self.timestamp()
            var suffix = 1
            while FileManager.default.fileExists(atPath: aside) {
                aside = target + ".corrupt-" + Self.timestamp() + "-\(suffix)"
                suffix += 1
            }
            if rename(target, aside) != 0 { throw .cannotWrite(path, reason: String(cString: strerror(errno))) }
            warnings.append("\(Sanitizer.line(path)): corrupt (\(Sanitizer.line(reason))); moved aside to \(Sanitizer.line(aside)); starting with empty state")
            return replayingJournal(over: StateFile())
        }
    }

    // MARK: - Writing

    /// Applies `changes` and returns once they are durable: appended to the journal when the
    /// file on disk is of this schema, else through a whole write (the first, or a migration).
    /// `liveFingerprints` gives the fingerprints of the library's files, asked only when an
    /// article is found by its path hint (so an entry another file owns is not taken over).
    public func apply(_ changes: [StateChange], liveFingerprints: () -> Set<String> = { [] }) throws(StateStoreError) {
        let time = clock()
        try withLock { () throws(StateStoreError) in
            if let newerVersion { throw .newerSchema(path, version: newerVersion) }
            switch snapshotVersion() {
            case .some(let version) where version == StateFile.currentVersion:
                removeStaleTemporaryFiles()
                try journal.append(changes, at: time)
            case .some(let version) where version > StateFile.currentVersion:
                noteNewer(version)
                throw .newerSchema(path, version: version)
            default:
                _ = try rewrite { file in
                    for change in changes { file.apply(change, at: time, liveFingerprints: liveFingerprints) }
                }
            }
        }
    }

    /// The version the file on disk declares, read from its last bytes, where this store writes
    /// it; nil when there is no file (the first change writes one) or the tail does not say (a
    /// file written by hand, or damaged), and the whole file must be read.
    private func snapshotVersion() -> Int? {
        let fd = open(target, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let length = min(Int(info.st_size), 64)
        var tail = [UInt8](repeating: 0, count: length)
        guard pread(fd, &tail, length, info.st_size - off_t(length)) == length else { return nil }
        let text = String(decoding: tail, as: UTF8.self)
        guard let range = text.range(of: "\"version\"", options: .backwards) else { return nil }
        let rest = text[range.upperBound...].filter { !$0.isWhitespace }
        guard rest.hasPrefix(":"), rest.hasSuffix("}") else { return nil }
        return Int(rest.dropFirst().dropLast())
    }

    /// Merges `other` (an exported state) into the file on disk.
    @discardableResult
    public func merge(_ other: StateFile) throws(StateStoreError) -> StateFile {
        try update { file in file = file.merged(with: other) }
    }

    /// Merges the exported state in the file open at `fd` (named `name`) into the file on disk,
    /// each entry as it is read, so the export is never held whole; how many entries it had, and
    /// how many the state now holds. An export that does not parse, or is of a newer schema,
    /// changes nothing.
    public func merge(streamingFrom fd: Int32, named name: String) throws(StateStoreError) -> (imported: Int, total: Int) {
        var imported = 0
        // Merged in place: a failure throws before anything is written.
        let file = try update { file throws(StateStoreError) in
            var reader = StateJSONReader(descriptor: fd)
            let version: Int
            do throws(StateJSONReader.Failure) {
                version = try reader.entries { key, theirs in
                    imported += 1
                    file.articles[key] = file.articles[key].map { $0.merged(with: theirs) } ?? theirs
                }
            } catch {
                throw .invalidImport(name, reason: error.description)
            }
            guard version <= StateFile.currentVersion else { throw .newerSchema(name, version: version) }
        }
        return (imported, file.articles.count)
    }

    /// Lock, re-read, change, write atomically; the new content once it is durable.
    private func update(_ change: (inout StateFile) throws(StateStoreError) -> Void) throws(StateStoreError) -> StateFile {
        try withLock { () throws(StateStoreError) -> StateFile in try rewrite(change) }
    }

    /// Under the lock: re-read (the file and its journal), change, write the file whole, empty
    /// the journal.
    private func rewrite(_ change: (inout StateFile) throws(StateStoreError) -> Void) throws(StateStoreError) -> StateFile {
        removeStaleTemporaryFiles()
        var file = try readForWrite()
        if isReadOnly || file.version > StateFile.currentVersion { throw .newerSchema(path, version: file.version) }
        if file.version < StateFile.currentVersion { try keepBackup(of: file.version) }
        file.version = StateFile.currentVersion
        try change(&file)
        try write(file)
        try clearJournal()
        return file
    }

    /// Empties the journal once the file holds its changes; one with damaged lines is kept aside
    /// first, as `state.json.journal.corrupt-<time>`.
    private func clearJournal() throws(StateStoreError) {
        let journal = journal
        if journal.read().damaged > 0 {
            let aside = journal.path + ".corrupt-" + Self.timestamp()
            if rename(journal.path, aside) == 0 {
                warnings.append("\(Sanitizer.line(journal.path)): damaged lines kept in \(Sanitizer.line(aside))")
                return
            }
        }
        try journal.clear()
    }

    /// Copies an older-schema file to `state.json.v<N>.bak` before it is migrated.
    private func keepBackup(of version: Int) throws(StateStoreError) {
        let backup = path + ".v\(version).bak"
        guard !FileManager.default.fileExists(atPath: backup) else { return }
        do { try FileManager.default.copyItem(atPath: target, toPath: backup) } catch {
            throw .cannotWrite(backup, reason: error.localizedDescription)
        }
    }

    /// Runs `body` holding an exclusive `flock` on `state.json.lock` (not on `state.json`,
    /// whose inode every rename replaces), waiting at most `lockTimeout` seconds for it.
    /// `waiting` overrides `lockTimeout` (0: only if the lock is free now).
    private func withLock<T>(waiting: Double? = nil, _ body: () throws(StateStoreError) -> T) throws(StateStoreError) -> T {
        let timeout = waiting ?? lockTimeout
        if let reason = PrivateFolder.create(directory) { throw .cannotCreateDirectory(directory, reason: reason) }
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotLock(lockPath, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        let deadline = Date().addingTimeInterval(timeout)
        var told = false
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK else { throw .cannotLock(lockPath, reason: String(cString: strerror(code))) }
            guard Date() < deadline else { throw .lockTimedOut(lockPath, seconds: timeout) }
            if !told { onWait?(lockPath); told = true }
            usleep(20_000)
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Writes `file` to a new temporary file, fsyncs it, renames it over `state.json` (or the
    /// file its symlink points to, the temporary file beside it) and fsyncs that folder. On any
    /// failure the old file stays as it was.
    private func write(_ file: StateFile) throws(StateStoreError) {
        let target = target
        let folder = (target as NSString).deletingLastPathComponent
        var mode: mode_t = 0o600
        var info = stat()
        if stat(target, &info) == 0 { mode = info.st_mode & 0o777 }
        let temporary = folder + "/.state.json.tmp.\(getpid())"
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .cannotWrite(temporary, reason: String(cString: strerror(errno))) }
        var failure: String?
        StateJSONWriter.write(file) { piece in
            if failure == nil { failure = Descriptor.write(piece, to: fd) }
        }
        if failure == nil, fsync(fd) != 0 { failure = "fsync: " + String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = "close: " + String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw .cannotWrite(path, reason: failure)
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .cannotWrite(path, reason: reason)
        }
        let dirfd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dirfd >= 0 else { throw .cannotWrite(folder, reason: String(cString: strerror(errno))) }
        defer { close(dirfd) }
        if fsync(dirfd) != 0 { throw .cannotWrite(folder, reason: "fsync: " + String(cString: strerror(errno))) }
    }

    /// Deletes `.state.json.tmp.*` files a killed writer left; called under the lock, when no
    /// other writer can be mid-write.
    private func removeStaleTemporaryFiles() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(".state.json.tmp.") { unlink(directory + "/" + name) }
    }

    // MARK: - Helpers

    /// The current UTC time as `20261129T131500`.
    static func timestamp() -> String {
        var now = time_t(time(nil))
        var parts = tm()
        gmtime_r(&now, &parts)
        return String(format: "%04d%02d%02dT%02d%02d%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                      Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}
