import CSQLite

/// A prepared SQLite statement: bind its parameters (from 1), step through its rows, read columns (from 0).
final class SQLiteStatement {
    private let statement: OpaquePointer
    /// Unowned: the database keeps the statements it caches.
    private unowned let database: SQLiteDatabase

    init(_ statement: OpaquePointer, database: SQLiteDatabase) {
        self.statement = statement
        self.database = database
    }

    deinit { sqlite3_finalize(statement) }

    /// Binds the values in order, from parameter 1, after a reset.
    @discardableResult
    func bind(_ values: SQLiteValue...) throws(SQLiteError) -> SQLiteStatement {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch value {
            case .integer(let number): rc = sqlite3_bind_int64(statement, index, number)
            case .text(let text): rc = reader_bind_text(statement, index, text, Int32(text.utf8.count))
            case .blob(let bytes):
                rc = bytes.withUnsafeBytes { reader_bind_blob(statement, index, $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32($0.count)) }
            }
            guard rc == SQLITE_OK else { throw database.error(rc) }
        }
        return self
    }

    /// Steps to the next row: true when there is one, false when the statement is done.
    func step() throws(SQLiteError) -> Bool {
        let rc = sqlite3_step(statement)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        throw database.error(rc)
    }

    /// Ends a use of the statement (its read, if it had rows left).
    func reset() { sqlite3_reset(statement) }

    /// Steps through a statement that returns no rows.
    func run() throws(SQLiteError) { while try step() {} }

    func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(statement, column) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(statement, column))), as: UTF8.self)
    }

    /// The bytes of a text or blob column, lent to `body` (they are valid only until the next step).
    func withBytes<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        // The pointer first, then its length, as SQLite asks.
        let pointer = sqlite3_column_blob(statement, column)
        let count = pointer == nil ? 0 : Int(sqlite3_column_bytes(statement, column))
        return body(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// A blob of native 64-bit integers (`reader_rowids`), as integers.
    func integers(_ column: Int32) -> [Int64] {
        withBytes(column) { bytes in
            [Int64](unsafeUninitializedCapacity: bytes.count / 8) { buffer, count in
                count = buffer.count
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[..<(count * 8)]))
            }
        }
    }

    func blob(_ column: Int32) -> [UInt8] { withBytes(column) { Array($0) } }
}
