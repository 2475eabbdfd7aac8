extension Connection {
    /// Runs `body` in a transaction: commits when it returns, rolls back when anything throws,
    /// and rethrows the first error.
    ///
    /// `BEGIN IMMEDIATE` takes the write lock at the start, so a writer never fails halfway
    /// with `busy` after reading; other connections keep reading the last committed state.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        let result: T
        do {
            result = try body()
            try execute("COMMIT")
        } catch {
            // The first error is the one worth reporting; a failed rollback (no transaction
            // left to roll back) adds nothing.
            if !isAutocommit { try? execute("ROLLBACK") }
            throw error
        }
        return result
    }

    /// Runs `body` inside a savepoint, so it can nest inside a transaction: released when it
    /// returns, rolled back to its start when anything throws.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        // The name is a fixed identifier, never user text; nesting reuses it, which SQLite allows.
        try execute("SAVEPOINT nested")
        do {
            let result = try body()
            try execute("RELEASE nested")
            return result
        } catch {
            try? execute("ROLLBACK TO nested")
            try? execute("RELEASE nested")
            throw error
        }
    }
}
