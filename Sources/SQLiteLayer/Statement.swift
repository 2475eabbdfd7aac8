internal import CSQLite

/// A prepared statement, owned by Swift: it is finalized when the last reference goes.
///
/// Values are always bound, never spliced into SQL text. A statement belongs to the
/// ``Connection`` that prepared it and, like it, must not cross threads.
public final class Statement {
    let handle: OpaquePointer
    unowned let connection: Connection
    /// The SQL text this statement was prepared from.
    public let sql: String
    /// The names of the result columns, in order.
    public let columnNames: [String]
    private var boundValues: [DatabaseValue] = []

    init(connection: Connection, sql: String) throws {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(connection.handle, sql, -1, 0, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw connection.error(code: code, sql: sql)
        }
        self.handle = statement
        self.connection = connection
        self.sql = sql
        self.columnNames = (0..<sqlite3_column_count(statement)).map {
            String(cString: sqlite3_column_name(statement, $0))
        }
    }

    deinit { sqlite3_finalize(handle) }

    /// True when SQLite says the statement makes no direct change to the database file.
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    /// Resets the statement and binds `values` to its parameters, in order.
    ///
    /// - Throws: ``SQLiteError`` when the count does not match the statement's parameters.
    public func bind(_ values: [DatabaseValue]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        boundValues = values
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard values.count == expected else {
            throw SQLiteError(extendedCode: .misuse,
                              message: "expected \(expected) bound values, got \(values.count)",
                              sql: sql, arguments: values)
        }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32 = switch value {
            case .null: sqlite3_bind_null(handle, index)
            case .integer(let int): sqlite3_bind_int64(handle, index, int)
            case .real(let double): sqlite3_bind_double(handle, index, double)
            case .text(var text):
                // The byte count is given, not -1, so text holding U+0000 is bound whole rather
                // than cut at the NUL. `withUTF8` reads a native string in place, with no copy.
                text.withUTF8 { utf8 in
                    utf8.isEmpty
                        ? sqlite3_bind_text(handle, index, "", 0, csqlite_transient())  // empty text, not NULL
                        : utf8.withMemoryRebound(to: CChar.self) { buffer in
                            sqlite3_bind_text(handle, index, buffer.baseAddress, Int32(clamping: buffer.count), csqlite_transient())
                        }
                }
            case .blob(let bytes):
                bytes.withUnsafeBytes { buffer in
                    // A zero-length blob with a nil pointer would bind NULL; bind an empty blob instead.
                    buffer.baseAddress == nil
                        ? sqlite3_bind_zeroblob(handle, index, 0)
                        : sqlite3_bind_blob(handle, index, buffer.baseAddress, Int32(clamping: buffer.count), csqlite_transient())
                }
            }
            guard code == SQLITE_OK else { throw connection.error(code: code, sql: sql, arguments: values) }
        }
    }

    /// Binds `values` and runs the statement to completion, ignoring any rows.
    public func execute(_ values: [DatabaseValue] = []) throws {
        try bind(values)
        while try step() {}
    }

    /// Runs the statement with Swift values (`nil` binds NULL), as ``Connection/run(_:_:)`` does.
    public func run(_ values: [DatabaseValueConvertible?]) throws {
        try execute(values.map { $0?.databaseValue ?? .null })
    }

    /// Binds `values` and calls `body` with each row as it is stepped, without collecting them.
    public func forEachRow(_ values: [DatabaseValue] = [], _ body: (Row) throws -> Void) throws {
        try bind(values)
        while try step() { try body(currentRow()) }
    }

    /// Binds `values` and returns every row.
    public func rows(_ values: [DatabaseValue] = []) throws -> [Row] {
        var rows: [Row] = []
        try forEachRow(values) { rows.append($0) }
        return rows
    }

    /// Advances to the next row; false when the statement is done.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let error = connection.error(code: code, sql: sql, arguments: boundValues)
            sqlite3_reset(handle)
            throw error
        }
    }

    func currentRow() -> Row {
        Row(columnNames: columnNames, values: (0..<Int32(columnNames.count)).map(columnValue))
    }

    private func columnValue(_ index: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            // Read the pointer before the length: sqlite3_column_bytes after the conversion is exact.
            guard let text = sqlite3_column_text(handle, index) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let pointer = sqlite3_column_blob(handle, index)
            let count = Int(sqlite3_column_bytes(handle, index))
            guard let pointer, count > 0 else { return .blob([]) }
            return .blob([UInt8](UnsafeRawBufferPointer(start: pointer, count: count)))
        default: return .null
        }
    }
}

/// A statement is tied to its connection's thread; see ``Connection``.
@available(*, unavailable)
extension Statement: Sendable {}
