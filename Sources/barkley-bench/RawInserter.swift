import BarkleyArchive
import CSQLite
import SQLiteLayer

/// The limit an import is measured against: the same rows written with direct `sqlite3_*`
/// calls, one prepared statement per table, no validation and no lookups.
///
/// Runners are told apart by name alone (the synthetic history never spells one runner two
/// ways), and an edition's outcome column is computed as the importer computes it, so the
/// database it writes holds the same rows as an import of the same editions.
final class RawInserter {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let db: OpaquePointer
    private let insertEdition, insertCutoff, insertLoopCount, insertSource, insertEditionSource: OpaquePointer
    private let insertRunner, insertEntry, insertEntrySource, insertTime, insertTimeSource, insertLog: OpaquePointer
    private var runnerIDs: [String: Int64] = [:]

    /// Opens an existing archive file whose schema is already in place (migrated by `Archive`).
    init(path: String) throws {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let handle else {
            throw Failure(description: "cannot open \(path)")
        }
        db = handle
        // The pragmas every archive connection uses (see SQLiteLayer.Connection and JournalPolicy):
        // a rollback journal synced in full.
        for pragma in ["PRAGMA foreign_keys = ON", "PRAGMA journal_mode = DELETE", "PRAGMA synchronous = FULL",
                       "PRAGMA cache_size = -\(Connection.pageCacheKibibytes)"] {
            guard sqlite3_exec(db, pragma, nil, nil, nil) == SQLITE_OK else { throw Failure(description: "\(pragma) failed") }
        }
        func prepare(_ sql: String) throws -> OpaquePointer {
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
                throw Failure(description: String(cString: sqlite3_errmsg(handle)) + " in " + sql)
            }
            return statement
        }
        insertEdition = try prepare("""
            INSERT INTO edition (race, year, held, start_date, start_time, finish_loops, finish_limit_seconds,
                                 fun_run_loops, fun_run_limit_seconds, starters, entrant_list, stated_finishers,
                                 stated_fun_runs, notes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertCutoff = try prepare("INSERT INTO loop_cutoff (edition_id, loop, cutoff_seconds) VALUES (?, ?, ?)")
        insertLoopCount = try prepare("INSERT INTO loop_count (edition_id, loop, started, completed) VALUES (?, ?, ?, ?)")
        insertSource = try prepare("INSERT INTO source (citation) VALUES (?)")
        insertEditionSource = try prepare("INSERT INTO edition_source (edition_id, key, source_id, position, cite_position) VALUES (?, ?, ?, ?, ?)")
        insertRunner = try prepare("INSERT INTO runner (name, search_key) VALUES (?, ?)")
        insertEntry = try prepare("""
            INSERT INTO entry (edition_id, runner_id, position, name, listed_as, listed_as_key, country, sex, first_attempt,
                               loops_completed, stated_outcome, outcome, finish_seconds, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertEntrySource = try prepare("INSERT INTO entry_source (entry_id, edition_id, key, position) VALUES (?, ?, ?, ?)")
        insertTime = try prepare("INSERT INTO loop_time (entry_id, loop, elapsed_seconds, precision, direction, note) VALUES (?, ?, ?, ?, ?, ?)")
        insertTimeSource = try prepare("INSERT INTO loop_time_source (entry_id, loop, edition_id, key, position) VALUES (?, ?, ?, ?, ?)")
        insertLog = try prepare("INSERT INTO import_log (imported_at, file_name, checksum, race, year, summary) VALUES (?, ?, ?, ?, ?, ?)")
    }

    deinit {
        for statement in [insertEdition, insertCutoff, insertLoopCount, insertSource, insertEditionSource, insertRunner,
                          insertEntry, insertEntrySource, insertTime, insertTimeSource, insertLog] {
            sqlite3_finalize(statement)
        }
        sqlite3_close_v2(db)
    }

    func begin() throws { try execute("BEGIN IMMEDIATE") }
    /// Commits, with the full-text indexes (0006) rebuilt from the rows first: the importer
    /// keeps them in step row by row, so a raw insert must too to write the same database.
    func commit() throws {
        for index in ["runner_search", "entry_search", "edition_search", "source_search"] {
            try execute("INSERT INTO \(index) (\(index)) VALUES ('rebuild')")
        }
        try execute("COMMIT")
    }

    /// Forgets the runners seen so far; names never recur across synthetic races, so the map
    /// is kept per race and stays small.
    func forgetRunners() { runnerIDs.removeAll(keepingCapacity: true) }

    /// Inserts one edition with everything an import writes for it, including its import log row.
    func insert(_ edition: Edition, fileName: String, checksum: String, importedAt: String) throws {
        let format = edition.format
        bind(insertEdition, [.text(edition.race), .int(edition.year), .int(edition.held ? 1 : 0), .text(edition.startDate),
                             .text(edition.startTime), .int(format.loops), .int(format.timeLimit?.seconds), .int(format.funRunLoops),
                             .int(format.funRunTimeLimit?.seconds), .int(edition.starters), .text(edition.entrantList.rawValue),
                             .int(edition.statedFinishers), .int(edition.statedFunRuns), .text(edition.notes)])
        let editionID = try step(insertEdition)
        for (loop, cutoff) in format.cutoffs {
            bind(insertCutoff, [.id(editionID), .int(loop), .int(cutoff.seconds)])
            try step(insertCutoff)
        }
        for count in edition.loopCounts {
            bind(insertLoopCount, [.id(editionID), .int(count.loop), .int(count.started), .int(count.completed)])
            try step(insertLoopCount)
        }
        for (position, source) in edition.sources.enumerated() {
            bind(insertSource, [.text(source.citation)])
            let sourceID = try step(insertSource)
            bind(insertEditionSource, [.id(editionID), .text(source.key), .id(sourceID), .int(position),
                                       .int(edition.cited.firstIndex(of: source.key))])
            try step(insertEditionSource)
        }
        var timeCount = 0
        for (position, entrant) in edition.entrants.enumerated() {
            let runnerID: Int64
            if let known = runnerIDs[entrant.name] {
                runnerID = known
            } else {
                bind(insertRunner, [.text(entrant.name), .text(NameKey.fold(entrant.name))])
                runnerID = try step(insertRunner)
                runnerIDs[entrant.name] = runnerID
            }
            let outcome = entrant.outcome(under: format)
            let finishSeconds = outcome == .finish ? format.loops.flatMap { loop in entrant.times.first { $0.loop == loop }?.elapsed.seconds } : nil
            bind(insertEntry, [.id(editionID), .id(runnerID), .int(position), .text(entrant.name), .text(entrant.listedAs),
                               .text(entrant.listedAs.map(NameKey.fold)), .text(entrant.country), .text(entrant.sex?.rawValue),
                               .int(entrant.firstAttempt.map { $0 ? 1 : 0 }), .int(entrant.loopsCompleted),
                               .text(entrant.statedOutcome?.rawValue), .text(outcome.rawValue), .int(finishSeconds), .text(entrant.note)])
            let entryID = try step(insertEntry)
            for (index, key) in entrant.cited.enumerated() {
                bind(insertEntrySource, [.id(entryID), .id(editionID), .text(key), .int(index)])
                try step(insertEntrySource)
            }
            for time in entrant.times {
                bind(insertTime, [.id(entryID), .int(time.loop), .int(time.elapsed.seconds), .text(time.elapsed.precision.rawValue),
                                  .text(time.direction?.rawValue), .text(time.note)])
                try step(insertTime)
                for (index, key) in time.cited.enumerated() {
                    bind(insertTimeSource, [.id(entryID), .int(time.loop), .id(editionID), .text(key), .int(index)])
                    try step(insertTimeSource)
                }
            }
            timeCount += edition.entrants[position].times.count
        }
        let name = edition.race == Edition.barkley ? "\(edition.year)" : "\(edition.race) \(edition.year)"
        bind(insertLog, [.text(importedAt), .text(fileName), .text(checksum), .text(edition.race), .int(edition.year),
                         .text("\(fileName): \(name) was added (\(edition.entrants.count) entrants, \(timeCount) loop times)")])
        try step(insertLog)
    }

    // MARK: The C calls

    private enum Value {
        case int(Int?)
        case id(Int64)
        case text(String?)
    }

    private func bind(_ statement: OpaquePointer, _ values: [Value]) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .int(let int?): sqlite3_bind_int64(statement, index, Int64(int))
            case .id(let id): sqlite3_bind_int64(statement, index, id)
            case .text(let text?): sqlite3_bind_text(statement, index, text, -1, csqlite_transient())
            case .int(nil), .text(nil): sqlite3_bind_null(statement, index)
            }
        }
    }

    /// Runs an insert and returns the new rowid.
    @discardableResult
    private func step(_ statement: OpaquePointer) throws -> Int64 {
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            // SQLite's message first: the reset below may replace it.
            let failure = Failure(description: "SQLite error \(code): \(String(cString: sqlite3_errmsg(db))) in \(String(cString: sqlite3_sql(statement)))")
            sqlite3_reset(statement)
            throw failure
        }
        sqlite3_reset(statement)
        return sqlite3_last_insert_rowid(db)
    }

    private func execute(_ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
            throw Failure(description: "SQLite error: \(String(cString: sqlite3_errmsg(db))) in \(sql)")
        }
    }
}
