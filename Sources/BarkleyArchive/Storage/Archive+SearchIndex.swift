import SQLiteLayer

/// Keeps the full-text indexes of `Migrations/0006_reader_views.sql` in step with the tables
/// they index, as the importer writes.
///
/// The indexes are FTS5 "external content" tables: the text stays in `runner`, `entry`,
/// `edition` and `source`, and the index holds only the words. SQLite does not update such an
/// index by itself; the usual way is triggers, but an archive carries none (barkley refuses a
/// file with a trigger: it would run code on every write). So the importer, the only writer,
/// tells the index each change here: a row is added to its index after it is inserted, and
/// taken out, with the very values it was indexed under (FTS5's 'delete' command needs them),
/// before it is deleted. See https://sqlite.org/fts5.html#external_content_tables.
///
/// Every function runs inside the caller's transaction, so the index and the tables change
/// together or not at all.
extension Archive {
    /// Takes the stored edition of `race` in `year` and its entries out of the indexes; call
    /// before deleting it (the cascade would leave their words behind).
    func unindexEdition(race: String, year: Int) throws {
        try connection.run("""
            INSERT INTO entry_search (entry_search, rowid, name, listed_as, note)
            SELECT 'delete', entry.id, entry.name, entry.listed_as, entry.note
            FROM edition JOIN entry ON entry.edition_id = edition.id
            WHERE edition.race = ? AND edition.year = ?
            """, [race, year])
        try connection.run("""
            INSERT INTO edition_search (edition_search, rowid, notes)
            SELECT 'delete', id, notes FROM edition WHERE race = ? AND year = ?
            """, [race, year])
    }

    /// Adds the edition `editionID` and its entries, once written, to the indexes.
    func indexEdition(id editionID: Int64) throws {
        try connection.run("""
            INSERT INTO entry_search (rowid, name, listed_as, note)
            SELECT id, name, listed_as, note FROM entry WHERE edition_id = ?
            """, [editionID])
        try connection.run("INSERT INTO edition_search (rowid, notes) SELECT id, notes FROM edition WHERE id = ?", [editionID])
    }

    /// Adds a runner just inserted to the index of runner names.
    func indexRunner(id runnerID: Int64, name: String) throws {
        try connection.cachedStatement("INSERT INTO runner_search (rowid, name) VALUES (?, ?)").execute([.integer(runnerID), .text(name)])
    }

    /// Adds a source just inserted to the index of citations.
    func indexSource(id sourceID: Int64, citation: String) throws {
        try connection.cachedStatement("INSERT INTO source_search (rowid, citation) VALUES (?, ?)").execute([.integer(sourceID), .text(citation)])
    }

    /// Takes the runner `runnerID` out of the index when no entry refers to it any more: the
    /// condition under which `store(_:runnerIDs:keys:)` then deletes it.
    func unindexRunnerIfOrphan(id runnerID: Int64) throws {
        try connection.run("""
            INSERT INTO runner_search (runner_search, rowid, name)
            SELECT 'delete', id, name FROM runner WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM entry WHERE runner_id = ?1)
            """, [runnerID])
    }

    /// Takes the source `sourceID` out of the index when no edition cites it any more.
    func unindexSourceIfOrphan(id sourceID: Int64) throws {
        try connection.run("""
            INSERT INTO source_search (source_search, rowid, citation)
            SELECT 'delete', id, citation FROM source WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM edition_source WHERE source_id = ?1)
            """, [sourceID])
    }

    /// The full-text indexes, as 0006 creates them.
    static let searchIndexes = ["runner_search", "entry_search", "edition_search", "source_search"]

    /// Every full-text index whose words differ from its table's text now, one line each;
    /// nothing when all are in step.
    ///
    /// Each index is read word by word (FTS5's `fts5vocab`), rebuilt from its table, and read
    /// again, on an in-memory copy: the file is never written. (SQLite 3.40's FTS5
    /// `integrity-check` does not compare an external-content index with its table.)
    ///
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func searchIndexProblems() throws -> [String] {
        let copy = try connection.memoryCopy()
        var problems: [String] = []
        // The names below are this type's constants, never input: identifiers cannot be bound.
        for index in Self.searchIndexes {
            try copy.execute("CREATE VIRTUAL TABLE temp.\(index)_words USING fts5vocab(main, \(index), 'instance')")
            let words = "SELECT term, doc, col, offset FROM temp.\(index)_words ORDER BY term, doc, col, offset"
            let stored = try copy.rows(words)
            try copy.execute("INSERT INTO \(index) (\(index)) VALUES ('rebuild')")
            if try copy.rows(words) != stored {
                problems.append("the search index '\(index)' is out of step with its table (an archive written by something other than barkley's importer?); importing the editions again rebuilds their entries")
            }
        }
        return problems
    }
}
