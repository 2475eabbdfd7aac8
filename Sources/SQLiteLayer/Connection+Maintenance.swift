internal import CSQLite

extension Connection {
    /// Copies the whole database, as of one consistent moment, into a new file at `path`,
    /// using SQLite's online backup: readers and writers on this database may carry on.
    ///
    /// - Throws: ``SQLiteError`` when the file cannot be written.
    public func backup(to path: String) throws {
        let destination = try Connection(path: path)
        try copy(into: destination)
    }

    /// Copies the whole database, as of one consistent moment, into a new, self-contained file at
    /// `path`: written aside, synced, then moved into place, so a failed or killed backup leaves
    /// nothing under `path` (see ``NewDatabaseFile``).
    ///
    /// - Throws: ``DatabaseFileExistsError`` when `path` exists; ``SQLiteError`` when the copy
    ///   cannot be written (a full disk: `SQLITE_FULL`).
    public func backup(toNewFile path: String) throws {
        try NewDatabaseFile.create(at: path) { destination in
            // Rollback mode from the start: every page goes into the file itself, so a full
            // disk fails the copy here rather than leaving pages in a -wal.
            try destination.leaveWriteAheadLog()
            try copy(into: destination)
        }
    }

    /// A read-write, in-memory copy of the whole database, as of one consistent moment: for
    /// checks SQLite only makes on a writable database. The file is not changed.
    public func memoryCopy() throws -> Connection {
        let copy = try Connection.inMemory()
        try self.copy(into: copy)
        return copy
    }

    private func copy(into destination: Connection) throws {
        guard let backup = sqlite3_backup_init(destination.handle, "main", handle, "main") else {
            throw destination.error(code: sqlite3_errcode(destination.handle))
        }
        let code = sqlite3_backup_step(backup, -1)
        sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE else { throw destination.error(code: code) }
    }

    /// Runs `PRAGMA integrity_check` and `PRAGMA foreign_key_check`; returns their complaints,
    /// none when the database is sound.
    public func integrityProblems() throws -> [String] {
        var problems = try rows("PRAGMA integrity_check").compactMap { row -> String? in
            let message = try row.optional("integrity_check", as: String.self)
            return message == "ok" ? nil : message
        }
        for row in try rows("PRAGMA foreign_key_check") {
            let table = try row.optional("table", as: String.self) ?? "?"
            let parent = try row.optional("parent", as: String.self) ?? "?"
            let rowid = try row.optional("rowid", as: Int64.self).map(String.init) ?? "?"
            problems.append("row \(rowid) of \(table) refers to a missing row of \(parent)")
        }
        return problems
    }
}
