extension Connection {
    /// Runs `body` in a read transaction, so that every statement it runs reads the same
    /// committed state of the database, and returns what it returns.
    ///
    /// In WAL mode "a read transaction … sees a snapshot of the database as of the moment the
    /// transaction started" (SQLite, *Write-Ahead Logging*): an answer built from several
    /// statements can then never mix an edition from before a concurrent import with one from
    /// after it. A deferred `BEGIN` takes no lock until the first read, and never the write
    /// lock, so it is allowed on a read-only connection and never waits for a writer.
    ///
    /// - Throws: whatever `body` throws (the transaction is ended first), or ``SQLiteError``.
    public func readTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN DEFERRED")
        let result: T
        do {
            result = try body()
        } catch {
            if !isAutocommit { try? execute("ROLLBACK") }
            throw error
        }
        try execute("COMMIT")
        return result
    }
}
