import Foundation
internal import CSQLite

/// A connection to one SQLite database: a file, or memory.
///
/// Every connection is opened the same careful way: extended result codes, foreign keys on,
/// a busy timeout, defensive mode, `trusted_schema` off, `fts3_tokenizer` off. A file that is
/// not a SQLite database, or is shorter than its own header says, is refused here rather than
/// at the first query. A path is always a path: `file:x.sqlite` names a file of that name,
/// never an SQLite URI.
///
/// Journal mode (see `JournalPolicy`): files use SQLite's rollback journal (`DELETE`), so a
/// file is always one self-contained file that a reader opens without creating anything beside
/// it — read-only media, unwritable folders and other users' readers work and leave nothing
/// behind. A read-only connection never changes the file.
///
/// A connection is not `Sendable`: SQLite connections must not be used from two threads at
/// once, so each thread or task opens its own (WAL lets them read while one writes).
public final class Connection {
    /// How a database file is opened.
    public enum Mode: Sendable {
        /// Read and write; the file is created when missing.
        case readWrite
        /// Read only, and hardened: no statement that writes, attaches a file or sets a pragma runs.
        case readOnly
    }

    let handle: OpaquePointer
    /// Statements prepared by ``run(_:_:)``, ``rows(_:_:)`` and friends, by SQL text: an
    /// archive runs the same few statements many times, and preparing is the costly part.
    private var statementCache: [String: Statement] = [:]
    /// The file path, or nil for an in-memory database.
    public let path: String?
    /// Interrupts this connection's running statement from another thread (a signal handler).
    public private(set) lazy var interruptHandle = InterruptHandle(handle)
    public let mode: Mode

    /// The most memory each file connection's page cache may use.
    public static let pageCacheKibibytes = 32 * 1024

    /// How long a statement waits for another connection's lock before failing with `busy`.
    public static let busyTimeoutMilliseconds: Int32 = 10_000

    /// Opens (or creates) the database file at `path`.
    ///
    /// - Throws: ``SQLiteError`` with code `notADatabase` for a file that is not a database,
    ///   `corrupt` for a truncated one, `cantOpen` when the file cannot be opened.
    public convenience init(path: String, mode: Mode = .readWrite) throws {
        try DatabaseFileHeader.validate(path: path)
        // An empty name is SQLite's private temporary database, which has no URI form.
        guard !path.isEmpty else {
            try self.init(filename: "", flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                          path: path, mode: .readWrite)
            return
        }
        let base = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_URI
        guard mode == .readOnly else {
            try self.init(filename: DatabaseURI.of(path), flags: base | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, path: path, mode: mode)
            return
        }
        let flags = base | SQLITE_OPEN_READONLY
        if JournalPolicy.readerMustNotTouchLog(path) {
            try self.init(filename: DatabaseURI.of(path, immutable: true), flags: flags, path: path, mode: mode)
            return
        }
        do {
            try self.init(filename: DatabaseURI.of(path), flags: flags, path: path, mode: mode)
        } catch let error as SQLiteError where JournalPolicy.isLogUnavailable(error) && DatabaseFileHeader.isWriteAheadLog(path: path) {
            // A WAL-mode file whose -shm this reader can neither use nor create (read-only media,
            // a folder it cannot write): the file alone is read, as SQLite documents for
            // read-only media (https://sqlite.org/wal.html#readonly).
            try self.init(filename: DatabaseURI.of(path, immutable: true), flags: flags, path: path, mode: mode)
        }
    }

    /// Opens a new, empty, private in-memory database.
    public static func inMemory() throws -> Connection {
        try Connection(filename: ":memory:", flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                       path: nil, mode: .readWrite)
    }

    private init(filename: String, flags: Int32, path: String?, mode: Mode) throws {
        Self.configureSQLiteOnce
        var db: OpaquePointer?
        let code = sqlite3_open_v2(filename, &db, flags, nil)
        guard let db else { throw SQLiteError(extendedCode: ResultCode(rawValue: code), message: "cannot open \(filename)") }
        self.handle = db
        self.path = path
        self.mode = mode
        // From here every stored property is set, so a throw releases `self` and runs `deinit`,
        // which closes the handle; closing it here as well would close freed memory.
        guard code == SQLITE_OK else { throw self.error(code: code) }
        try configure()
    }

    deinit {
        // Our statements first, then the connection: close_v2 would wait for them anyway
        // (a "zombie" connection), but this way nothing outlives the handle by design.
        statementCache.removeAll()
        interruptHandle.invalidate()
        sqlite3_close_v2(handle)
    }

    /// SQLite's process-wide settings, applied once before the first connection opens.
    ///
    /// By default every new page cache starts with a block of 20 pages (about 87 KB). SQLite
    /// checks a `CHECK (x IN ('a', 'b', 'c'))` constraint with a temporary b-tree, which has a page
    /// cache of its own: so every insert into `entry` allocated and freed that block twice,
    /// and glibc gave the freed block back to the kernel and took it again each time — half the
    /// time of a million-entry import went to those page faults (`barkley-bench`, 10 M minor
    /// faults). Without the initial block a cache allocates only the pages it uses: one here.
    /// Another library in the process may have initialized SQLite first; then this changes nothing.
    private static let configureSQLiteOnce: Void = {
        _ = csqlite_config_no_initial_page_cache_block()
    }()

    private func configure() throws {
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, Self.busyTimeoutMilliseconds)
        // "Defensive" forbids writes that could corrupt the file (writable_schema, raw page
        // writes); trusted_schema off keeps triggers and views in a hostile file from calling
        // functions with side effects. See https://sqlite.org/security.html.
        _ = csqlite_db_config_bool(handle, SQLITE_DBCONFIG_DEFENSIVE, 1)
        _ = csqlite_db_config_bool(handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0)
        // fts3_tokenizer(name, pointer) registers a raw C pointer as a tokenizer: SQL text could
        // make SQLite call any address. https://sqlite.org/c3ref/c_dbconfig_defensive.html
        _ = csqlite_db_config_bool(handle, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0)
        _ = csqlite_db_config_bool(handle, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0)
        // Reading the schema makes a non-database file fail now, with SQLITE_NOTADB.
        try execute("SELECT count(*) FROM sqlite_schema")
        try execute("PRAGMA foreign_keys = ON")
        if path != nil {
            // SQLite's default page cache is 2 MB; an archive of a million entries has indexes of
            // hundreds of MB, and an import that looks up each entrant's runner re-read their
            // pages from the file over and over. The cache grows only as pages are used.
            try execute("PRAGMA cache_size = \(-Self.pageCacheKibibytes)")
        }
        if mode == .readOnly {
            try execute("PRAGMA query_only = ON")
            ReadOnlyGuard.install(on: handle)
        } else if let path, !path.isEmpty {
            // A file an older version left in WAL mode is brought back to a rollback journal;
            // while another connection has it open it stays in WAL mode, which is as sound.
            try? leaveWriteAheadLog()
            // With a rollback journal, FULL syncs the journal before the database is written:
            // a crash of the process or the machine, or a power loss, rolls back to the last commit.
            try execute("PRAGMA synchronous = FULL")
        }
    }

    // MARK: Running SQL

    /// Runs one or more statements that take no values (a migration script, a pragma).
    public func execute(_ sql: String) throws {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code: code, sql: sql) }
    }

    /// Prepares one statement for repeated use.
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(connection: self, sql: sql)
    }

    /// A prepared statement for `sql`, reused across calls.
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] { return statement }
        let statement = try prepare(sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs one statement with bound values.
    public func run(_ sql: String, _ values: [DatabaseValueConvertible?] = []) throws {
        try cachedStatement(sql).execute(values.map { $0?.databaseValue ?? .null })
    }

    /// Runs one query and returns every row.
    public func rows(_ sql: String, _ values: [DatabaseValueConvertible?] = []) throws -> [Row] {
        try cachedStatement(sql).rows(values.map { $0?.databaseValue ?? .null })
    }

    /// Runs one query and returns its first row, if any.
    public func row(_ sql: String, _ values: [DatabaseValueConvertible?] = []) throws -> Row? {
        try rows(sql, values).first
    }

    /// Runs a query whose first column of its first row is the answer (`SELECT count(*) …`).
    public func scalar<T: DatabaseValueConvertible>(_ sql: String, _ values: [DatabaseValueConvertible?] = [], as type: T.Type = T.self) throws -> T? {
        guard let row = try row(sql, values), let value = row.values.first else { return nil }
        return T.fromDatabaseValue(value)
    }

    /// The rowid of the last row inserted on this connection.
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// True when no transaction is open.
    public var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

    // MARK: Errors

    /// Builds the error for a failed call, reading SQLite's message before anything can replace it.
    func error(code: Int32, sql: String? = nil, arguments: [DatabaseValue] = []) -> SQLiteError {
        let extended = sqlite3_extended_errcode(handle)
        let message = String(cString: sqlite3_errmsg(handle))
        let resolved = (extended & 0xFF) == (code & 0xFF) ? extended : code
        return SQLiteError(extendedCode: ResultCode(rawValue: resolved), message: message, sql: sql, arguments: arguments)
    }
}

/// See ``Connection``: one thread at a time.
@available(*, unavailable)
extension Connection: Sendable {}
