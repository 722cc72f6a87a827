import CSQLite

/// One connection to an SQLite database file, used from one thread at a time, with the
/// `reader` tokenizer and `reader_rank` registered for FTS5.
final class SQLiteDatabase {
    private(set) var handle: OpaquePointer?
    /// Statements prepared once and used again (`cached`).
    private var statements: [String: SQLiteStatement] = [:]

    /// Opens (creating) the database at `path`; waits up to `busyTimeout` ms for other writers.
    init(path: String, busyTimeout: Int32 = 10_000) throws(SQLiteError) {
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW
        let rc = sqlite3_open_v2(path, &handle, flags, nil)
        guard rc == SQLITE_OK else {
            let error = SQLiteError(code: rc, message: handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open")
            sqlite3_close(handle)
            handle = nil
            throw error
        }
        sqlite3_busy_timeout(handle, busyTimeout)
        let registered = reader_fts_register(handle)
        guard registered == SQLITE_OK else { throw SQLiteError(code: registered, message: "FTS5 is missing") }
    }

    deinit { close() }

    /// Closes the connection now (before its files are removed); any use after fails.
    func close() {
        statements.removeAll()
        sqlite3_close_v2(handle)
        handle = nil
    }

    /// Runs statements that return no rows.
    func execute(_ sql: String) throws(SQLiteError) {
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw error(rc) }
    }

    /// A prepared statement.
    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw error(rc) }
        return SQLiteStatement(statement, database: self)
    }

    /// The statement for `sql`, prepared on first use and kept for the next.
    func cached(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let statement = statements[sql] { return statement }
        let statement = try prepare(sql)
        statements[sql] = statement
        return statement
    }

    /// Runs `body` in one write transaction, taken at once (`BEGIN IMMEDIATE`); rolled back on
    /// error. The cached statements are reset at its end, so none holds a read open after it.
    func transaction<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try within("BEGIN IMMEDIATE", body)
    }

    /// Runs `body` in one read transaction: all it reads is of one moment of the database.
    func reading<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try within("BEGIN", body)
    }

    private func within<T>(_ begin: String, _ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try execute(begin)
        defer { for statement in statements.values { statement.reset() } }
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// What stops the statement running on this connection, from any thread
    /// (`sqlite3_interrupt`): it then fails with SQLITE_INTERRUPT. Not to be called once the
    /// connection is closed.
    var interrupter: @Sendable () -> Void {
        // sqlite3_interrupt is safe from any thread while the connection is open.
        nonisolated(unsafe) let handle = handle
        return { sqlite3_interrupt(handle) }
    }

    /// The rowid of the last row inserted.
    var lastInsertedRow: Int64 { sqlite3_last_insert_rowid(handle) }

    /// The error of a failed call, with the connection's message.
    func error(_ rc: Int32) -> SQLiteError {
        SQLiteError(code: rc, message: String(cString: sqlite3_errmsg(handle)))
    }
}
