internal import CSQLite

/// A SQLite result code, primary (`SQLITE_CONSTRAINT`) or extended (`SQLITE_CONSTRAINT_UNIQUE`).
///
/// Only the codes this package branches on have names; any other code is still carried as its
/// raw value. Match an error against a code with `~=`, for example
/// `catch ResultCode.constraintUnique` or `catch let error as SQLiteError where error.code == .busy`.
public struct ResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The primary code: the low 8 bits of an extended code.
    public var primary: ResultCode { ResultCode(rawValue: rawValue & 0xFF) }

    public static let error = ResultCode(rawValue: SQLITE_ERROR)
    public static let busy = ResultCode(rawValue: SQLITE_BUSY)
    public static let readOnly = ResultCode(rawValue: SQLITE_READONLY)
    public static let corrupt = ResultCode(rawValue: SQLITE_CORRUPT)
    public static let cantOpen = ResultCode(rawValue: SQLITE_CANTOPEN)
    public static let ioError = ResultCode(rawValue: SQLITE_IOERR)
    public static let full = ResultCode(rawValue: SQLITE_FULL)
    public static let constraint = ResultCode(rawValue: SQLITE_CONSTRAINT)
    public static let mismatch = ResultCode(rawValue: SQLITE_MISMATCH)
    public static let misuse = ResultCode(rawValue: SQLITE_MISUSE)
    public static let auth = ResultCode(rawValue: SQLITE_AUTH)
    public static let notADatabase = ResultCode(rawValue: SQLITE_NOTADB)
    public static let readOnlyRollback = ResultCode(rawValue: 776)      // SQLITE_READONLY_ROLLBACK: a hot journal a reader cannot roll back
    public static let constraintCheck = ResultCode(rawValue: 275)       // SQLITE_CONSTRAINT_CHECK
    public static let constraintForeignKey = ResultCode(rawValue: 787)  // SQLITE_CONSTRAINT_FOREIGNKEY
    public static let constraintNotNull = ResultCode(rawValue: 1299)    // SQLITE_CONSTRAINT_NOTNULL
    public static let constraintPrimaryKey = ResultCode(rawValue: 1555) // SQLITE_CONSTRAINT_PRIMARYKEY
    public static let constraintUnique = ResultCode(rawValue: 2067)     // SQLITE_CONSTRAINT_UNIQUE

    public var description: String {
        String(cString: sqlite3_errstr(rawValue)) + " (\(rawValue))"
    }

    /// Matches an error whose extended code equals this code, or whose primary code does when
    /// this is a primary code: `catch ResultCode.constraint` catches every constraint error.
    public static func ~= (pattern: ResultCode, error: any Error) -> Bool {
        guard let error = error as? SQLiteError else { return false }
        if pattern.rawValue == pattern.primary.rawValue { return error.code == pattern }
        return error.extendedCode == pattern
    }
}

/// The one error the SQLite layer throws: what SQLite said, and what it was asked.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The primary result code (`SQLITE_CONSTRAINT`).
    public var code: ResultCode { extendedCode.primary }
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`); extended codes are on for every connection.
    public let extendedCode: ResultCode
    /// SQLite's own message, read with `sqlite3_errmsg` before any other call could replace it.
    public let message: String
    /// The SQL being run, if any.
    public let sql: String?
    /// The values bound to it.
    public let arguments: [DatabaseValue]

    public init(extendedCode: ResultCode, message: String, sql: String? = nil, arguments: [DatabaseValue] = []) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
        self.arguments = arguments
    }

    public var description: String {
        var text = "SQLite error \(extendedCode.rawValue): \(message)"
        if let sql { text += " — while running `\(sql)`" }
        if !arguments.isEmpty { text += " with \(arguments)" }
        return text
    }
}
