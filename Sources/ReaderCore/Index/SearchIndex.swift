import Foundation

/// The library's full-text index: SQLite FTS5 in `index.sqlite` of the library's cache folder,
/// with the `reader` tokenizer (words; pairs of Han, kana and Hangul characters) over the folded
/// columns of each article's `SearchDocument`; beside it, per article, its id, the stamp of the
/// file it was read from and its title (`articles`), and its searchable text (`texts`: for
/// snippets, and to take its tokens out again, the FTS5 table being contentless). The texts are
/// a table apart so that reading every stamp, or the id of every match, reads no text.
///
/// Derived data: a missing, damaged or other-version index is rebuilt, and `rebuilt` says why.
/// Each batch of an update is one transaction, so a process killed mid-update leaves the index
/// as the last batch left it. Open one per thread.
public final class SearchIndex {
    /// The schema's version (`PRAGMA user_version`): a different one is rebuilt.
    static let schema: Int32 = 3
    /// Articles read and written per transaction.
    static let batchSize = 64

    public let path: String
    /// Why the index was started again on opening (damaged, from another version), if it was.
    public private(set) var rebuilt: String?
    let database: SQLiteDatabase
    /// The short prefixes the transaction under way has changed, written at its end.
    private var prefixes = ShortPrefixes()

    /// Opens the index in `directory` (created if missing), rebuilding one that cannot be used.
    public init(directory: String) throws(SQLiteError) {
        PrivateFolder.create(directory)
        let path = directory + "/index.sqlite"
        self.path = path
        // A FIFO, device or symlink in place of the database or its journal would be waited on or followed.
        let irregular = ["", "-wal", "-shm"].contains { suffix in
            var info = stat()
            return lstat(path + suffix, &info) == 0 && info.st_mode & S_IFMT != S_IFREG
        }
        if irregular {
            rebuilt = "the search index was not a regular file; rebuilding it"
            Self.remove(path)
        }
        do {
            database = try Self.open(path)
        } catch where error.isCorruption || error.code == Self.otherVersion {
            rebuilt = error.isCorruption ? "the search index was damaged (\(error.message)); rebuilding it"
                : "the search index is another version's (\(error.message)); rebuilding it"
            Self.remove(path)
            database = try Self.open(path)
        }
    }

    /// A new, empty index in place of one found damaged while in use (`error`).
    public static func replacing(_ damaged: SearchIndex, after error: SQLiteError) throws(SQLiteError) -> SearchIndex {
        let directory = (damaged.path as NSString).deletingLastPathComponent
        damaged.database.close()
        remove(damaged.path)
        let fresh = try SearchIndex(directory: directory)
        fresh.rebuilt = "the search index was damaged (\(error.message)); rebuilding it"
        return fresh
    }

    /// A connection to a usable index at `path`: created when new, checked when not.
    private static func open(_ path: String) throws(SQLiteError) -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: path)
        do {
            try check(database)
        } catch {
            // Closed before the caller removes its files.
            database.close()
            throw error
        }
        return database
    }

    /// The code of the error that says an index is another version's (not an SQLite code).
    static let otherVersion: Int32 = -1

    /// Creates the tables of a new index, or checks an old one is this version's. Other
    /// connections may be opening it at the same moment (the reader's index job and its searches):
    /// the check and the creation are one write transaction, so one of them creates the tables and
    /// the others find them.
    private static func check(_ database: SQLiteDatabase) throws(SQLiteError) {
        try whileBusy { () throws(SQLiteError) in try database.execute("PRAGMA journal_mode = WAL") }
        try database.execute("PRAGMA synchronous = NORMAL")
        try database.transaction { () throws(SQLiteError) in
            let version = try database.prepare("PRAGMA user_version")
            _ = try version.step()
            switch Int32(version.integer(0)) {
            case schema:
                let check = try database.prepare("SELECT value FROM info WHERE key = 'fold'")
                guard try check.step(), check.text(0) == foldSignature else {
                    throw SQLiteError(code: otherVersion, message: "its text was folded by another version")
                }
            case 0:
                try database.execute("""
                    CREATE TABLE articles(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, stamp TEXT NOT NULL,
                                          title TEXT NOT NULL);
                    CREATE TABLE texts(rowid INTEGER PRIMARY KEY, text BLOB NOT NULL);
                    CREATE VIRTUAL TABLE docs USING fts5(title, about, tags, body, tokenize = 'reader', content = '');
                    CREATE TABLE info(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    \(ShortPrefixes.createTable)
                    PRAGMA user_version = \(schema);
                    """)
                try database.prepare("INSERT INTO info VALUES('fold', ?)").bind(.text(foldSignature)).run()
                // This index's own mark: one built again in its place is told apart by it (`IndexKeys`).
                try database.prepare("INSERT INTO info VALUES('made', ?)").bind(.text(Hash64(seed: .random(in: 0...UInt64.max)).hex)).run()
            default:
                throw SQLiteError(code: otherVersion, message: "schema \(version.integer(0)), not \(schema)")
            }
        }
    }

    /// Runs `body` again while another connection holds the lock it needs (SQLite does not wait
    /// by itself for a change of journal mode), for up to ten seconds.
    private static func whileBusy(_ body: () throws(SQLiteError) -> Void) throws(SQLiteError) {
        for attempt in 0... {
            do {
                return try body()
            } catch where error.isBusy && attempt < 1_000 {
                usleep(10_000)
            }
        }
    }

    /// The fold of a sample of what folding changes: an index folded otherwise (another ICU)
    /// could not take its tokens out again, and is rebuilt.
    static let foldSignature = String(decoding: TextFolder.fold("Straße ＡＢＣ ｶﾀｶﾅ 圖書館 Café ﬁ Ⅻ ㌔ 한국어"), as: UTF8.self)

    private static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }

    /// The stamp that tells whether an article's row still describes its file.
    static func stamp(_ row: CachedArticle) -> String {
        "\(row.size):\(row.modified):\(row.inode):\(row.changed):\(row.format.rawValue):\(row.fingerprint)"
    }

    /// A row's stamp as `stamps` gives it: a 64-bit hash of its text.
    static func stampHash(_ row: CachedArticle) -> UInt64 { hash(ofStamp: stamp(row)) }

    private static func hash(ofStamp stamp: String) -> UInt64 {
        var hash = Hash64()
        hash.mix(stamp)
        return hash.value
    }

    /// Every indexed article's stamp, as a 64-bit hash of it (`stampHash`), found by id.
    public func stamps() throws(SQLiteError) -> IndexStamps {
        let count = try database.prepare("SELECT count(*) FROM articles")
        let expected = try count.step() ? Int(count.integer(0)) : 0
        let statement = try database.prepare("SELECT id, stamp, rowid FROM articles")
        return try IndexStamps(count: expected) { () throws(SQLiteError) in
            try statement.step() ? (statement.text(0), Self.hash(ofStamp: statement.text(1)), statement.integer(2)) : nil
        }
    }

    /// Brings the index up to date with the library's rows: articles gone are taken out, new and
    /// changed ones read (in parallel) and put in, a batch per transaction, each a step of
    /// `progress`. Once it is cancelled, what was committed stays. The articles whose files
    /// cannot be read are returned, with why. Rows it `holds` need nothing, not even a look at the stamps.
    public func update(_ rows: [CachedArticle], root: String, progress: WorkProgress? = nil)
        throws(SQLiteError) -> [(id: String, problem: ArticleLoadError)] {
        if try holds(rows) { return [] }
        // Each row's stamp is taken out as it is compared: those left are of articles gone.
        var stamps = try stamps()
        // By their places in `rows`: a first build copies no row.
        let changed = rows.indices.filter { stamps.take(rows[$0].id) != Self.stampHash(rows[$0]) }
        let gone = stamps.untaken
        // Whatever happens to this update, the rows recorded as held are no longer held.
        if !gone.isEmpty || !changed.isEmpty {
            try database.cached("DELETE FROM info WHERE key = 'rows'").run()
        }
        for start in stride(from: 0, to: gone.count, by: Self.batchSize) {
            try writing { () throws(SQLiteError) in
                for rowid in gone[start..<min(start + Self.batchSize, gone.count)] {
                    if let text = try text(ofRow: rowid) { try remove(rowid: rowid, text: text) }
                }
            }
        }
        progress?.begin("indexing", total: changed.count)
        var problems: [(id: String, problem: ArticleLoadError)] = []
        let batches = stride(from: 0, to: changed.count, by: Self.batchSize).map {
            $0..<min($0 + Self.batchSize, changed.count)
        }
        // A batch's rows, made as it is read.
        let batch = { @Sendable (number: Int) in changed[batches[number]].map { rows[$0] } }
        // Each batch is read while the one before it is written.
        var current = batches.isEmpty ? [] : batch(0)
        var documents = Self.read(current, root: root, progress: progress)
        for number in batches.indices {
            let next = DocumentsBox()
            let reading = DispatchGroup()
            if number + 1 < batches.count, progress?.isCancelled != true {
                DispatchQueue.global().async(group: reading) {
                    next.rows = batch(number + 1)
                    next.documents = Self.read(next.rows, root: root, progress: progress)
                }
            }
            try writing { () throws(SQLiteError) in
                for (row, document) in zip(current, documents) {
                    switch document {
                    case .success(let document): try put(row, document)
                    case .failure(let error):
                        problems.append((row.id, error))
                        try remove(row.id)
                    case nil: break
                    }
                }
            }
            reading.wait()
            if progress?.isCancelled == true { break }
            (current, documents) = (next.rows, next.documents)
        }
        if progress?.isCancelled != true, problems.isEmpty { try recordHeld(rows) }
        return problems
    }

    /// Runs `body` in one write transaction, and writes at its end the short prefixes it changed.
    private func writing(_ body: () throws(SQLiteError) -> Void) throws(SQLiteError) {
        // Rolled back or written, the changes gathered are done with.
        defer { prefixes = ShortPrefixes() }
        try database.transaction { () throws(SQLiteError) in
            try body()
            try prefixes.write(to: database)
        }
    }

    /// Whether the index was last found to hold exactly `rows`, as they are stamped: then a
    /// search of them needs no look at every stamp.
    public func holds(_ rows: [CachedArticle]) throws(SQLiteError) -> Bool {
        try holds(signature: Self.signature(of: rows))
    }

    /// Whether the index was last found to hold exactly the rows whose `signature` this is.
    public func holds(signature: String) throws(SQLiteError) -> Bool {
        let held = try database.cached("SELECT value FROM info WHERE key = 'rows'")
        defer { held.reset() }
        return try held.step() && held.text(0) == signature
    }

    /// Records that the index holds exactly `rows`, if it does: checked in the write transaction,
    /// so no other process's update comes between the check and the record.
    private func recordHeld(_ rows: [CachedArticle]) throws(SQLiteError) {
        try database.transaction { () throws(SQLiteError) in
            let stamps = try stamps()
            guard stamps.count == rows.count, rows.allSatisfy({ stamps.stamp(of: $0.id) == Self.stampHash($0) }) else { return }
            try database.cached("INSERT OR REPLACE INTO info VALUES('rows', ?)").bind(.text(Self.signature(of: rows))).run()
        }
    }

    /// A 64-bit hash of the rows' ids and stamps, in their order.
    static func signature(of rows: [CachedArticle]) -> String {
        var hash = Hash64(seed: UInt64(rows.count))
        for row in rows {
            hash.mix(row.id)
            hash.mix(stamp(row))
        }
        return hash.hex
    }

    /// Carries a batch's rows and documents from the thread that reads them.
    private final class DocumentsBox: @unchecked Sendable {
        var rows: [CachedArticle] = []
        var documents: [Result<SearchDocument, ArticleLoadError>?] = []
    }

    /// The documents of a batch of rows, read from their files on all cores.
    private static func read(_ batch: [CachedArticle], root: String, progress: WorkProgress?)
        -> [Result<SearchDocument, ArticleLoadError>?] {
        let files = batch.map { LibraryFile(id: $0.id, path: root + "/" + $0.id, format: $0.format, size: $0.size, modified: $0.modified) }
        return Library.parallel(files, progress: progress) { file throws(ArticleLoadError) in
            SearchDocument(text: try Library.searchText(for: file))
        }
    }

    /// Puts one article in, in place of what was indexed under its id. Call in a transaction.
    private func put(_ row: CachedArticle, _ document: SearchDocument) throws(SQLiteError) {
        let rowid: Int64
        if let (found, text) = try indexed(row.id) {
            rowid = found
            try tokens(.remove, rowid, SearchDocument(text: text))
            try database.cached("UPDATE articles SET stamp = ?, title = ? WHERE rowid = ?")
                .bind(.text(Self.stamp(row)), .text(row.title), .integer(rowid)).run()
        } else {
            try database.cached("INSERT INTO articles(id, stamp, title) VALUES(?, ?, ?)")
                .bind(.text(row.id), .text(Self.stamp(row)), .text(row.title)).run()
            rowid = database.lastInsertedRow
        }
        try database.cached("INSERT OR REPLACE INTO texts(rowid, text) VALUES(?, ?)")
            .bind(.integer(rowid), .blob(document.text)).run()
        try tokens(.add, rowid, document)
    }

    /// Takes one article out. Call in a transaction.
    private func remove(_ id: String) throws(SQLiteError) {
        guard let (rowid, text) = try indexed(id) else { return }
        try remove(rowid: rowid, text: text)
    }

    /// Takes out the article of `rowid`, whose indexed text is `text`. Call in a transaction.
    private func remove(rowid: Int64, text: [UInt8]) throws(SQLiteError) {
        try tokens(.remove, rowid, SearchDocument(text: text))
        try database.cached("DELETE FROM articles WHERE rowid = ?").bind(.integer(rowid)).run()
        try database.cached("DELETE FROM texts WHERE rowid = ?").bind(.integer(rowid)).run()
    }

    /// The indexed text of the article of `rowid`, if it is indexed.
    private func text(ofRow rowid: Int64) throws(SQLiteError) -> [UInt8]? {
        let find = try database.cached("SELECT text FROM texts WHERE rowid = ?").bind(.integer(rowid))
        return try find.step() ? find.blob(0) : nil
    }

    /// The rowid and indexed text of the article `id`, if it is indexed.
    private func indexed(_ id: String) throws(SQLiteError) -> (rowid: Int64, text: [UInt8])? {
        let find = try database.cached("SELECT rowid, text FROM articles JOIN texts USING (rowid) WHERE id = ?").bind(.text(id))
        return try find.step() ? (find.integer(0), find.blob(1)) : nil
    }

    private enum Change { case add, remove }

    /// Adds a document's tokens to the FTS5 table, or takes them out (a contentless table must be
    /// given the values it was given), and records its short prefixes' change.
    private func tokens(_ change: Change, _ rowid: Int64, _ document: SearchDocument) throws(SQLiteError) {
        let columns = SearchDocument.Column.allCases.map { SQLiteValue.text(String(decoding: document.column($0), as: UTF8.self)) }
        let sql = change == .add ? "INSERT INTO docs(rowid, title, about, tags, body) VALUES(?, ?, ?, ?, ?)"
            : "INSERT INTO docs(docs, rowid, title, about, tags, body) VALUES('delete', ?, ?, ?, ?, ?)"
        try database.cached(sql).bind(.integer(rowid), columns[0], columns[1], columns[2], columns[3]).run()
        if change == .add { prefixes.add(rowid, document) } else { prefixes.remove(rowid, document) }
    }

    /// One article the index matched: its id, title, rank (title match, then number of matches).
    public struct Hit: Equatable, Sendable {
        public var id: String
        public var title: String
        public var matches: Int
        public var inTitle: Bool
    }

    /// How many articles match, and the best `limit` of them (all when nil), best first (title
    /// matches, then more matches, then by id); without `titles`, the hits' titles are empty (a
    /// third of the time of a search as the list follows typing, which needs only the ids).
    ///
    /// With a limit, the matches with a term in the title are ranked first, alone (a title match
    /// ranks above every other), and when there are `limit` of them the rest are only counted,
    /// not ranked: `OpenAI` at 100,000 articles is found in 3,809 titles and 87,048 articles.
    /// Else one pass ranks every match. Only the best are looked up: those ranked above the
    /// limit-th, and those tied with it, ordered by id. When more than `tieLimit` are tied,
    /// SQLite sorts them all instead.
    func search(_ query: SearchQuery, limit: Int?, titles: Bool = true, tieLimit: Int = 2_000)
        throws(SQLiteError) -> (count: Int, hits: [Hit]) {
        guard let limit else { return try sortedBySQLite(query, limit: nil, titles: titles) }
        guard limit > 0 else { return (try count(query), []) }
        if let titled = query.titledExpression {
            let found = try ranked(titled, phrases: query.terms.count)
            if found.count >= limit {
                return try best(of: found, count: count(query), query, limit: limit, titles: titles, tieLimit: tieLimit)
            }
        }
        let found = try ranked(query.expression, phrases: query.terms.count)
        return try best(of: found, count: found.count, query, limit: limit, titles: titles, tieLimit: tieLimit)
    }

    /// The rowid and `reader_rank` (counting the first `phrases` phrases) of every match of `expression`.
    private func ranked(_ expression: String, phrases: Int) throws(SQLiteError) -> [(rowid: Int64, rank: Int64)] {
        let ranking = try database.prepare("SELECT rowid, reader_rank(docs, ?2) FROM docs WHERE docs MATCH ?1")
            .bind(.text(expression), .integer(Int64(phrases)))
        var found: [(rowid: Int64, rank: Int64)] = []
        while try ranking.step() { found.append((ranking.integer(0), ranking.integer(1))) }
        return found
    }

    /// How many articles match `query`.
    private func count(_ query: SearchQuery) throws(SQLiteError) -> Int {
        let count = try database.prepare("SELECT count(*) FROM docs WHERE docs MATCH ?").bind(.text(query.expression))
        _ = try count.step()
        return Int(count.integer(0))
    }

    /// The best `limit` of `found` (which hold them, and those tied with the limit-th), of `count` matches in all.
    private func best(of found: [(rowid: Int64, rank: Int64)], count: Int, _ query: SearchQuery, limit: Int, titles: Bool,
                      tieLimit: Int) throws(SQLiteError) -> (count: Int, hits: [Hit]) {
        guard !found.isEmpty else { return (count, []) }
        let threshold = found.map(\.rank).sorted(by: >)[min(limit, found.count) - 1]
        let best = found.filter { $0.rank >= threshold }
        guard best.count <= limit + tieLimit else {
            return (count, try sortedBySQLite(query, limit: limit, titles: titles).hits)
        }
        let article = try database.cached("SELECT id, title FROM articles WHERE rowid = ?")
        var hits: [Hit] = []
        for (rowid, rank) in best {
            try article.bind(.integer(rowid))
            guard try article.step() else { continue }
            hits.append(Self.hit(id: article.text(0), title: titles ? article.text(1) : "", rank: rank))
        }
        article.reset()
        hits.sort(by: LibrarySearch.ranked)
        return (count, Array(hits.prefix(limit)))
    }

    /// The matches best first, as SQLite sorts them, up to `limit` (all when nil), and their count.
    private func sortedBySQLite(_ query: SearchQuery, limit: Int?, titles: Bool) throws(SQLiteError) -> (count: Int, hits: [Hit]) {
        let statement = try database.prepare("""
            SELECT a.id, \(titles ? "a.title" : "''"), r FROM (SELECT rowid, reader_rank(docs) AS r FROM docs WHERE docs MATCH ?1)
            JOIN articles a USING (rowid) ORDER BY r DESC, a.id LIMIT ?2
            """).bind(.text(query.expression), .integer(Int64(limit ?? -1)))
        var hits: [Hit] = []
        while try statement.step() { hits.append(Self.hit(id: statement.text(0), title: statement.text(1), rank: statement.integer(2))) }
        // All of them: the count is theirs; else one more pass of the query counts.
        guard let limit, hits.count == limit else { return (hits.count, hits) }
        return (try count(query), hits)
    }

    /// A hit of the rank `reader_rank` gives: the title match in the high half, the matches in the low.
    private static func hit(id: String, title: String, rank: Int64) -> Hit {
        Hit(id: id, title: title, matches: Int(rank & 0xFFFF_FFFF), inTitle: rank >> 32 != 0)
    }

    /// Every indexed article's key by rowid, with the index's version; nil while it records
    /// holding no rows as they are (an update has begun and not ended).
    public func keys() throws(SQLiteError) -> IndexKeys? {
        try database.reading { () throws(SQLiteError) -> IndexKeys? in
            guard let version = try version() else { return nil }
            let statement = try database.prepare("SELECT rowid, id FROM articles ORDER BY rowid")
            var rowids: [Int64] = [], keys: [UInt64] = []
            while try statement.step() {
                rowids.append(statement.integer(0))
                keys.append(statement.withBytes(1, MatchedArticles.key(ofBytes:)))
            }
            return IndexKeys(rowids: rowids, keys: keys, version: version)
        }
    }

    /// The articles that match `query`, by the keys of their rowids, with their ranks if `ranked`
    /// (`reader_rank`): one pass of FTS5 that looks up nothing, stopped if `progress` is
    /// cancelled meanwhile. Nil when the index no longer holds what it held as `keys` was read.
    func matches(_ query: SearchQuery, keys: IndexKeys, ranked: Bool = false,
                 progress: WorkProgress? = nil) throws(SQLiteError) -> MatchedArticles? {
        guard let progress else { return try matches(query, keys: keys, ranked: ranked) }
        return try progress.interruptible(by: database.interrupter) { () throws(SQLiteError) in
            try matches(query, keys: keys, ranked: ranked)
        }
    }

    private func matches(_ query: SearchQuery, keys: IndexKeys, ranked: Bool) throws(SQLiteError) -> MatchedArticles? {
        try database.reading { () throws(SQLiteError) -> MatchedArticles? in
            guard try version() == keys.version else { return nil }
            if !ranked, let (place, rest) = query.shortPrefix {
                let rowids = try ShortPrefixes.rowids(place, in: database)
                guard let rest else { return keys.articles(rowids) }
                return keys.articles(Self.common(rowids, try gathered(rest, ranked: false).rowids.sorted()))
            }
            var (rowids, ranks) = try gathered(query, ranked: ranked)
            // Sorted here if SQLite did not keep FTS5's order.
            if zip(rowids, rowids.dropFirst()).contains(where: { $0 > $1 }) {
                let order = rowids.indices.sorted { rowids[$0] < rowids[$1] }
                (rowids, ranks) = (order.map { rowids[$0] }, ranked ? order.map { ranks[$0] } : [])
            }
            return keys.articles(rowids, ranks: ranked ? ranks : nil)
        }
    }

    /// The rowids in both ascending lists.
    private static func common(_ first: [Int64], _ second: [Int64]) -> [Int64] {
        var both: [Int64] = [], place = 0
        for rowid in first {
            while place < second.count && second[place] < rowid { place += 1 }
            if place < second.count && second[place] == rowid { both.append(rowid) }
        }
        return both
    }

    /// The rowid of every match of `query`, and its rank if `ranked` (`reader_rank`), in one step:
    /// `reader_rowids` gathers them, where a step a row cost more than FTS5's own work for a word
    /// in most articles (`LIMIT -1` keeps the rank in the query FTS5 runs). For the count and
    /// best 50 of `search` it saved nothing measurable, so that still steps.
    private func gathered(_ query: SearchQuery, ranked: Bool) throws(SQLiteError) -> (rowids: [Int64], ranks: [Int64]) {
        let matching = ranked ? "SELECT rowid, reader_rank(docs) AS r FROM docs WHERE docs MATCH ? LIMIT -1"
            : "SELECT rowid FROM docs WHERE docs MATCH ?"
        let columns = ranked ? "reader_rowids(rowid), reader_rowids(r)" : "reader_rowids(rowid)"
        let statement = try database.prepare("SELECT \(columns) FROM (\(matching))").bind(.text(query.expression))
        guard try statement.step() else { return ([], []) }
        return (statement.integers(0), ranked ? statement.integers(1) : [])
    }

    /// The index's mark and the signature of the rows it records holding; nil with no such record.
    private func version() throws(SQLiteError) -> String? {
        let statement = try database.cached(
            "SELECT (SELECT value FROM info WHERE key = 'made'), value FROM info WHERE key = 'rows'")
        defer { statement.reset() }
        return try statement.step() ? statement.text(0) + " " + statement.text(1) : nil
    }

    /// The searchable text indexed for an article.
    func text(of id: String) throws(SQLiteError) -> [UInt8]? {
        let statement = try database.prepare("SELECT text FROM articles JOIN texts USING (rowid) WHERE id = ?").bind(.text(id))
        return try statement.step() ? statement.blob(0) : nil
    }
}
