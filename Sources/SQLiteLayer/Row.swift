/// One result row, copied out of SQLite so it outlives the statement step that produced it.
public struct Row: Sendable, Hashable {
    public let columnNames: [String]
    public let values: [DatabaseValue]

    public init(columnNames: [String], values: [DatabaseValue]) {
        self.columnNames = columnNames
        self.values = values
    }

    /// The value of the named column, or nil when the row has no such column.
    public subscript(column: String) -> DatabaseValue? {
        columnNames.firstIndex(of: column).map { values[$0] }
    }

    /// Decodes a column whose value may be unknown: NULL reads as nil.
    ///
    /// - Throws: ``RowDecodingError`` naming the column when it is missing or holds another type.
    public func optional<T: DatabaseValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T? {
        guard let value = self[column] else { throw RowDecodingError(column: column, problem: "no such column") }
        if case .null = value { return nil }
        guard let decoded = T.fromDatabaseValue(value) else {
            throw RowDecodingError(column: column, problem: "\(value) is not a \(T.self)")
        }
        return decoded
    }

    /// Decodes a column that must hold a value.
    ///
    /// - Throws: ``RowDecodingError`` naming the column when it is missing, NULL or of another type.
    public func require<T: DatabaseValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let value = try optional(column, as: T.self) else {
            throw RowDecodingError(column: column, problem: "NULL where a \(T.self) is required")
        }
        return value
    }
}

/// A row could not be decoded into the type a caller asked for.
public struct RowDecodingError: Error, Sendable, CustomStringConvertible {
    public let column: String
    public let problem: String
    public var description: String { "column \(column): \(problem)" }
}
