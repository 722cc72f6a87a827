/// A failed SQLite call: its result code and SQLite's message.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String

    public var description: String { "SQLite error \(code): \(message)" }

    /// Whether the database file is damaged or not a database, so it must be rebuilt.
    public var isCorruption: Bool { code & 0xFF == 11 || code & 0xFF == 26 }  // SQLITE_CORRUPT, SQLITE_NOTADB

    /// Whether another connection held a lock this call needed.
    public var isBusy: Bool { code & 0xFF == 5 || code & 0xFF == 6 }  // SQLITE_BUSY, SQLITE_LOCKED
}
