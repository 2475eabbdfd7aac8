internal import CSQLite

/// The authorizer of a read-only connection: reading is allowed, nothing else.
///
/// The file is already opened read-only with `query_only` on; the authorizer also refuses what
/// those leave open — attaching another file (which could be created), setting a pragma, and
/// every statement that would write — so `barkley sql` cannot change anything, whatever the text.
/// Extension loading is never enabled on any connection, and functions that hand out or take raw
/// pointers (`fts3_tokenizer`) are refused.
///
/// Harmless reads stay allowed: `PRAGMA table_info(entry)` and its kin (see ``readingPragmas``),
/// their table-valued forms (`pragma_table_info('entry')`) and `json_each`. SQLite checks a
/// table-valued function's first use as an update of `sqlite_schema`'s columns (it adds the
/// function's table to the in-memory schema); that is allowed, since `query_only`, defensive
/// mode and the read-only file refuse any real write to the schema.
enum ReadOnlyGuard {
    /// Pragmas that only report, whatever their argument (a table or index name, a row limit).
    static let readingPragmas: Set<String> = [
        "table_info", "table_xinfo", "table_list", "index_info", "index_xinfo", "index_list",
        "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check",
        "collation_list", "function_list", "module_list", "pragma_list", "database_list", "compile_options",
    ]

    /// Functions refused on read-only connections: they read or register raw pointers, or load code.
    static let refusedFunctions: Set<String> = ["fts3_tokenizer", "load_extension"]

    static func install(on handle: OpaquePointer) {
        sqlite3_set_authorizer(handle, { _, action, argument1, argument2, _, _ in
            switch action {
            case SQLITE_SELECT, SQLITE_READ, SQLITE_RECURSIVE:
                return SQLITE_OK
            case SQLITE_FUNCTION:
                let name = argument2.map { String(cString: $0).lowercased() } ?? ""
                return ReadOnlyGuard.refusedFunctions.contains(name) ? SQLITE_DENY : SQLITE_OK
            case SQLITE_UPDATE:
                let table = argument1.map { String(cString: $0) } ?? ""
                return table == "sqlite_master" || table == "sqlite_schema" ? SQLITE_OK : SQLITE_DENY
            case SQLITE_PRAGMA:
                // A pragma with an argument sets something, unless it is one that only reports.
                let name = argument1.map { String(cString: $0).lowercased() } ?? ""
                return argument2 == nil || ReadOnlyGuard.readingPragmas.contains(name) ? SQLITE_OK : SQLITE_DENY
            case SQLITE_TRANSACTION, SQLITE_SAVEPOINT:
                return SQLITE_OK
            default:
                return SQLITE_DENY
            }
        }, nil)
    }
}
