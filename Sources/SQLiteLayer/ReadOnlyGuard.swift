internal import CSQLite

/// The authorizer of a read-only connection: reading is allowed, nothing else.
///
/// The file is already opened read-only with `query_only` on; the authorizer also refuses what
/// those leave open — attaching another file (which could be created), setting a pragma, and
/// every statement that would write — so `barkley sql` cannot change anything, whatever the text.
/// Extension loading is never enabled on any connection.
enum ReadOnlyGuard {
    static func install(on handle: OpaquePointer) {
        sqlite3_set_authorizer(handle, { _, action, _, argument2, _, _ in
            switch action {
            case SQLITE_SELECT, SQLITE_READ, SQLITE_FUNCTION, SQLITE_RECURSIVE:
                return SQLITE_OK
            case SQLITE_PRAGMA:
                // A pragma with an argument sets something; one without only reads.
                return argument2 == nil ? SQLITE_OK : SQLITE_DENY
            case SQLITE_TRANSACTION, SQLITE_SAVEPOINT:
                return SQLITE_OK
            default:
                return SQLITE_DENY
            }
        }, nil)
    }
}
