import Foundation

/// A library folder: its articles, listed with titles and dates, searched, and the problems
/// found. With a `LibraryCache`, unchanged files are not read again.
public struct Library: Sendable {
    public let root: String
    public let cache: LibraryCache?

    public init(root: String, cache: LibraryCache? = nil) {
        self.root = root
        self.cache = cache
    }

    /// How much of a file the list reads first to find its title and date (and fingerprint).
    static let headBytes = Fingerprint.pieceLength

    /// A row for every article, in id order: cached where the file's size and time stand,
    /// read again where not. `progress` hears of each file read (`reading`); once it is
    /// cancelled, no more files are read, what was done is kept, and the rows are incomplete.
    /// A `lazy` check takes the table's rows as they are while every folder stands as the last
    /// full check recorded it (`FolderStamps`: no file added, removed or renamed), and looks at
    /// no file; an edit in place goes unseen.
    public func rows(lazy: Bool = false, progress: WorkProgress? = nil)
        throws(ArticleLoadError) -> (rows: [CachedArticle], problems: [ArticleLoadError]) {
        if lazy, let cache, let record = standingFolders() {
            let (rows, table) = cache.loadStampedRows()
            if table == record.table { return (rows, []) }
        }
        progress?.begin("scanning the library", total: 0)
        // The walk and the table's read are independent: done at once.
        let loaded = RowsBox()
        let reading = DispatchGroup()
        if let cache {
            DispatchQueue.global().async(group: reading) { (loaded.rows, loaded.stamp) = cache.loadStampedRows() }
        }
        var scan = try LibraryScanner(root: root).scan()
        reading.wait()
        // Both in id order: when every row stands for its file, the rows are the answer as read.
        if loaded.rows.count == scan.files.count, zip(loaded.rows, scan.files).allSatisfy({ $0.id == $1.id && $0.matches($1) }) {
            cache?.recordFolders(of: scan, table: loaded.stamp, rows: loaded.rows)
            return (loaded.rows, scan.problems)
        }
        let tableWasEmpty = loaded.rows.isEmpty
        loaded.rows = []
        // Else a file is new, changed or gone: the table is read again under the lock (another
        // process may have updated it meanwhile) and the files walked again against it, so that
        // only those that differ from their rows are held beside it; brought up to date and saved.
        // (A table still empty, as at a first list, needs no second walk: every file differs.)
        guard let cache else {
            var rows: [CachedArticle] = [], problems = scan.problems
            updated(&rows, kept: [], differing: scan.files, progress: progress, problems: &problems)
            return (rows, problems)
        }
        if !tableWasEmpty { scan = LibraryScanner.Scan() }
        FreedMemory.release()  // the first look's rows and files, before the table is read again
        return try cache.withLock { () throws(ArticleLoadError) in
            var rows = cache.loadRows()
            let checked = tableWasEmpty && rows.isEmpty ? scan : try LibraryScanner(root: root).scan(against: rows)
            var problems = checked.problems
            updated(&rows, kept: checked.matchedRows, differing: checked.files, progress: progress, problems: &problems)
            saved(rows, by: checked, problems: problems, in: cache)
            return (rows, problems)
        }
    }

    /// The folders the last full check recorded, when each still stands as it was
    /// (`FolderStamps`): what a lazy check trusts. Nil without a cache, a sound record or the
    /// library folder itself.
    func standingFolders() -> FolderStamps? {
        guard let cache, let realRoot = try? LibraryScanner(root: root).checkRoot().path else { return nil }
        return cache.standingFolders(root: realRoot)
    }

    /// Whether a lazy check takes the table stamped `table` (as `LibraryCache.loadStampedRows`
    /// read it) as the library: every folder stands as the last full check recorded beside it.
    public func foldersStand(beside table: FileStamp?) -> Bool {
        guard let table else { return false }
        return standingFolders()?.table == table
    }

    /// Saves `rows`, which `scan` found the files as (under the cache's lock), and records the
    /// scan's folders beside the table unless the reading met `problems` or was cancelled.
    private func saved(_ rows: [CachedArticle], by scan: LibraryScanner.Scan, problems: [ArticleLoadError],
                       in cache: LibraryCache) {
        guard let table = cache.save(rows), problems.isEmpty, rows.count == scan.matched + scan.files.count else { return }
        cache.recordFolders(of: scan, table: table, rows: rows)
    }

    /// `known`, the table's rows as the caller just read them (`LibraryCache.loadRows`), checked
    /// against the files: each file's row looked up as the walk finds it, so only the files that
    /// differ are held beside them. When every file matches its row, the answer is `known` itself
    /// and `changed` is false; else `known` is brought up to date in place (not read again: a
    /// caller that gives up its copy has no second table made beside it) and saved.
    public func check(_ known: consuming [CachedArticle], progress: WorkProgress? = nil)
        throws(ArticleLoadError) -> (rows: [CachedArticle], problems: [ArticleLoadError], changed: Bool) {
        progress?.begin("scanning the library", total: 0)
        let checked = try LibraryScanner(root: root).scan(against: known)
        var rows = consume known
        if checked.files.isEmpty, checked.matched == rows.count { return (rows, checked.problems, false) }
        var problems = checked.problems
        updated(&rows, kept: checked.matchedRows, differing: checked.files, progress: progress, problems: &problems)
        if let cache { cache.withLock { saved(rows, by: checked, problems: problems, in: cache) } }
        return (rows, problems, true)
    }

    /// Carries the table's rows from the thread that reads them.
    private final class RowsBox: @unchecked Sendable {
        var rows: [CachedArticle] = []
        var stamp: FileStamp?
    }

    /// Brings `rows` (in id order) up to the files, in place: the rows `kept` says a file
    /// matched stay, the others go, and the `differing` files (new or changed, in id order) are
    /// read on all cores and merged in. No table by id and no second array of rows is made.
    private func updated(_ rows: inout [CachedArticle], kept: [Bool], differing: [LibraryFile], progress: WorkProgress?,
                         problems: inout [ArticleLoadError]) {
        var count = 0
        for index in rows.indices where kept[index] {
            rows.swapAt(count, index)
            count += 1
        }
        rows.removeLast(rows.count - count)
        progress?.begin("reading", total: differing.count)
        var read: [CachedArticle] = []
        for result in Self.parallel(differing, progress: progress, Self.row(for:)) {
            switch result {
            case .success(let row): read.append(row)
            case .failure(let error): problems.append(error)
            case nil: break  // not read: the reading was cancelled
            }
        }
        // Merged from the back, each row moved once: the read rows go into the room at the end.
        var (old, new) = (rows.count - 1, read.count - 1)
        rows.append(contentsOf: read)
        for place in rows.indices.reversed() where new >= 0 {
            if old >= 0 && rows[old].id > read[new].id {
                rows.swapAt(old, place)
                old -= 1
            } else {
                rows[place] = read[new]
                new -= 1
            }
        }
    }

    /// `body` applied to each file on all cores, results in order; a step of `progress` each,
    /// and nil for the files not started once it is cancelled.
    static func parallel<T>(_ files: [LibraryFile], progress: WorkProgress? = nil,
                            _ body: @escaping @Sendable (LibraryFile) throws(ArticleLoadError) -> T)
        -> [Result<T, ArticleLoadError>?] {
        var results = [Result<T, ArticleLoadError>?](repeating: nil, count: files.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own slot.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                if progress?.isCancelled == true { return }
                slots[index] = Result { () throws(ArticleLoadError) -> T in try body(files[index]) }
                progress?.step()
            }
        }
        return results
    }

    /// The row of one file, read from its head: its first 8 KiB, or for a dump whose title is
    /// not found there (a long site header before the article), its first 64 KiB.
    static func row(for file: LibraryFile) throws(ArticleLoadError) -> CachedArticle {
        if file.format == .html || file.format == .mhtml { return try pageRow(for: file) }
        let row = try row(for: file, limit: headBytes)
        guard file.format == .text, file.size > headBytes, row.title == fallbackTitle(file.id) else { return row }
        return try Self.row(for: file, limit: ArticleParser.dumpHeadLength)
    }

    /// The row of a text file from its first `limit` bytes.
    private static func row(for file: LibraryFile, limit: Int) throws(ArticleLoadError) -> CachedArticle {
        let bytes = try FileReader.read(file.path, limit: limit, truncate: true)
        if TextDecoder.looksBinary(bytes) { throw .binary(file.id) }
        // A head cut inside a UTF-8 sequence would not decode as UTF-8: drop the partial character.
        var end = bytes.count
        if file.size > bytes.count {
            while end > 0 && bytes[end - 1] & 0xC0 == 0x80 && bytes.count - end < 3 { end -= 1 }
            if end > 0 && bytes[end - 1] >= 0xC0 { end -= 1 }
        }
        let text = TextDecoder.decode(Array(bytes[..<end])).text
        let head = ArticleParser.head(text, format: file.format, fallbackTitle: fallbackTitle(file.id))
        // The reading time of a head cut short of the file grows with the rest of it.
        let read = min(end, file.format == .text ? ArticleParser.dumpHeadLength : ArticleParser.headLength)
        let minutes = head.metadata.minutes.map { max(1, $0 * file.size / max(1, read)) }
        return CachedArticle(id: file.id, size: file.size, modified: file.modified, inode: file.inode, changed: file.changed,
                             format: file.format,
                             fingerprint: try Fingerprint.of(head: bytes, size: file.size, path: file.path),
                             date: head.metadata.date ?? day(file.modified / 1_000_000_000), title: head.title,
                             site: head.metadata.siteName, tags: head.metadata.tags,
                             minutes: file.size > read ? minutes : head.metadata.minutes,
                             legacyFingerprint: Fingerprint.legacy(head: bytes, size: file.size))
    }

    /// The row of a saved web page: its title and date come from the page's metadata (a `<title>`
    /// is checked against the headings), so the page is read and parsed whole, without reader mode.
    static func pageRow(for file: LibraryFile) throws(ArticleLoadError) -> CachedArticle {
        let bytes = try FileReader.read(file.path)
        if TextDecoder.looksBinary(bytes) { throw .binary(file.id) }
        let head = ArticleParser.pageHead(bytes: bytes, format: file.format, fallbackTitle: fallbackTitle(file.id))
        return CachedArticle(id: file.id, size: file.size, modified: file.modified, inode: file.inode, changed: file.changed,
                             format: file.format,
                             fingerprint: try Fingerprint.of(head: bytes, size: file.size, path: file.path),
                             date: head.metadata.date ?? day(file.modified / 1_000_000_000), title: head.title,
                             site: head.metadata.siteName, tags: head.metadata.tags, minutes: head.metadata.minutes,
                             legacyFingerprint: Fingerprint.legacy(head: bytes, size: file.size))
    }

    /// The searchable text of one file (`SearchableText`), read whole.
    static func searchText(for file: LibraryFile) throws(ArticleLoadError) -> [UInt8] {
        let article = try ArticleLoader().load(path: file.path, format: file.format, fallbackTitle: fallbackTitle(file.id))
        return Array(SearchableText.of(article).utf8)
    }

    /// Every article with its title, date and marks, newest first (ties by id), and the files skipped.
    /// (`lazy` as `rows` has it.)
    public func entries(state: StateFile = StateFile(), lazy: Bool = false, progress: WorkProgress? = nil)
        throws(ArticleLoadError) -> (entries: [LibraryEntry], problems: [ArticleLoadError]) {
        let (rows, problems) = try rows(lazy: lazy, progress: progress)
        return (entries(of: rows, state: state), problems)
    }

    /// The entries as the cache last listed them, without a look at the library's files (nil
    /// without a cache or a listing in it): the first screen, before `entries` checks them.
    public func cachedEntries(state: StateFile = StateFile()) -> [LibraryEntry]? {
        guard let rows = cache?.loadRows(), !rows.isEmpty else { return nil }
        return entries(of: rows, state: state)
    }

    /// The first screens of the list as the interactive reader last left them (`saveFirstScreen`),
    /// with their marks in `state`: shown while the whole list is read. Nil when none was saved.
    public func firstScreenEntries(state: StateFile = StateFile()) -> [LibraryEntry]? {
        guard let rows = cache?.loadFirstScreen(), !rows.isEmpty else { return nil }
        return entries(of: rows, state: state)
    }

    /// Saves `entries` as the list's first screens, for the next start's `firstScreenEntries`.
    public func saveFirstScreen(_ entries: [LibraryEntry]) {
        cache?.saveFirstScreen(entries.map { entry in
            CachedArticle(id: entry.id, size: 0, modified: 0, format: entry.format, fingerprint: entry.fingerprint,
                          date: entry.saved, title: entry.title, site: entry.site, tags: entry.tags, minutes: entry.minutes,
                          legacyFingerprint: entry.legacyFingerprint)
        })
    }

    /// The entries of `rows` (in id order), with their marks in `state`, newest first, made on all cores.
    public func entries(of rows: [CachedArticle], state: StateFile = StateFile()) -> [LibraryEntry] {
        let root = EscapedPath.of(root)
        @Sendable func key(_ row: CachedArticle) -> ArticleKey {
            ArticleKey(fingerprint: row.fingerprint, id: row.id, legacyFingerprint: row.legacyFingerprint)
        }
        // Path hints find the rows the state holds under no fingerprint of theirs.
        let (live, hints) = state.lookups(for: rows, key: key, fingerprint: \.fingerprint)
        // Made in the list's order, so no array of entries is copied to sort it.
        return Self.newestFirst(rows).concurrentMap { index in
            let row = rows[index]
            let marks = state.state(for: key(row), liveFingerprints: live, hints: hints)
            var entry = LibraryEntry(id: row.id, title: row.title, format: row.format, folder: root, saved: row.date,
                                     read: marks.read, bookmarked: marks.bookmarked, site: row.site, tags: row.tags,
                                     progress: marks.progress, minutes: row.minutes, legacyFingerprint: row.legacyFingerprint)
            entry.packedFingerprint = row.packedFingerprint
            return entry
        }
    }

    /// The indices of `rows` (in id order) newest first, ties keeping their order: grouped by
    /// date, so only the distinct dates are sorted.
    static func newestFirst(_ rows: [CachedArticle]) -> [Int] {
        var byDate: [String: [Int]] = [:]
        for (index, row) in rows.enumerated() { byDate[row.date ?? "", default: []].append(index) }
        var order: [Int] = []
        order.reserveCapacity(rows.count)
        for date in byDate.keys.sorted(by: { $1.utf8.lexicographicallyPrecedes($0.utf8) }) { order += byDate[date]! }
        return order
    }

    /// The file name without folder and extension, as a title of last resort.
    public static func fallbackTitle(_ id: String) -> String {
        let name = id.split(separator: "/").last.map(String.init) ?? id
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// `YYYY-MM-DD` of a Unix time, in UTC.
    static func day(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(format: "%04d-%02d-%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
    }

    /// Finds ARTICLE: an id in the library (as `list` prints it), else a file's name as typed,
    /// in the library or from `cwd`.
    public func resolve(_ article: String, cwd: String) throws(ArticleLoadError) -> LibraryFile {
        let root = EscapedPath.of(root), typed = EscapedPath.of(article)
        let inLibrary = root + "/" + article
        let candidates = article.hasPrefix("/") ? [article, typed] : [inLibrary, root + "/" + typed, EscapedPath.of(cwd) + "/" + typed]
        for path in candidates {
            var info = stat()
            guard stat(EscapedPath.system(path), &info) == 0 else { continue }
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard let format = ArticleFormat(fileName: name) else { throw .unsupportedFormat(article) }
            let id = path == inLibrary ? Self.scannedID(article, in: root) : Self.relativeID(of: path, in: root) ?? article
            return LibraryFile(id: id, path: path, format: format, status: info)
        }
        throw .unknownArticle(article)
    }

    /// The state key of a resolved file: its fingerprint (of all its bytes) and id.
    public func key(of file: LibraryFile) throws(ArticleLoadError) -> ArticleKey {
        let bytes = try FileReader.read(file.path, limit: Self.headBytes, truncate: true)
        return ArticleKey(fingerprint: try Fingerprint.of(head: bytes, size: file.size, path: file.path), id: file.id,
                          legacyFingerprint: Fingerprint.legacy(head: bytes, size: file.size))
    }

    /// The id of `path` (escaped) if it lies inside the library folder `root` (escaped).
    static func relativeID(of path: String, in root: String) -> String? {
        guard let rootPath = EscapedPath.real(root), let filePath = EscapedPath.real(path),
              filePath.hasPrefix(rootPath + "/") else { return nil }
        return scannedID(String(filePath.dropFirst(rootPath.count + 1)), in: rootPath)
    }

    /// The relative path `id` (escaped) with each component named as the scanner names it among
    /// the entries of its folder, one of which may be the same Unicode text (NFC and NFD).
    static func scannedID(_ id: String, in root: String) -> String {
        if id.utf8.allSatisfy({ $0 < 0x80 }) { return id }
        var folder = root
        return id.split(separator: "/", omittingEmptySubsequences: false).map { part in
            let component = String(part)
            defer { folder += "/" + component }
            return component.utf8.allSatisfy { $0 < 0x80 } ? component : LibraryScanner.name(of: component, in: folder)
        }.joined(separator: "/")
    }
}
