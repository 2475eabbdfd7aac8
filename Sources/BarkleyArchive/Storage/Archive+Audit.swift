import Foundation
import SQLiteLayer

/// What `barkley check` asks of an archive beyond SQLite's own integrity checks: every CHECK
/// constraint held, the schema exactly the migrations', every derived value what its inputs give.
extension Archive {
    /// SQLite's `integrity_check` (with CHECK and NOT NULL constraints evaluated) and
    /// `foreign_key_check`; nothing when the file is sound.
    ///
    /// SQLite skips CHECK constraints when it checks a file opened read-only, so the checks run
    /// on an in-memory copy of it (memory: about the file's size) and the file is never written.
    public func constraintProblems() throws -> [String] {
        try connection.memoryCopy().integrityProblems()
    }

    /// Every table, index, trigger and view that differs from what the applied migrations
    /// create (a hand-edited schema, a table made non-STRICT, a dropped index), one line each.
    public func schemaProblems() throws -> [String] {
        try ArchiveSchema.differences(in: connection)
    }

    /// Every stored derived value — an entry's outcome and finish time — that the edition's
    /// loop times and format (and the source's stated outcome) do not give, one line each.
    public func derivedValueProblems(race: String, year: Int) throws -> [String] {
        guard let edition = try edition(year: year, race: race) else { return [] }
        let stored = try connection.rows("""
            SELECT entry.name, entry.outcome, entry.finish_seconds FROM entry JOIN edition ON edition.id = entry.edition_id
            WHERE edition.race = ? AND edition.year = ? ORDER BY entry.position
            """, [race, year])
        var problems: [String] = []
        for (entrant, row) in zip(edition.entrants, stored) {
            let outcome = entrant.outcome(under: edition.format)
            let finish = outcome == .finish ? edition.format.loops.flatMap { entrant.timesByLoop[$0]?.seconds } : nil
            let storedOutcome: String = try row.require("outcome")
            let storedFinish: Int? = try row.optional("finish_seconds")
            if storedOutcome != outcome.rawValue || storedFinish != finish {
                problems.append("\(year) \(race): \(entrant.name) is stored as '\(storedOutcome)'"
                                + (storedFinish.map { " in \(RaceTime(seconds: $0))" } ?? "")
                                + ", but the loop times and format give '\(outcome.rawValue)'" + (finish.map { " in \(RaceTime(seconds: $0))" } ?? ""))
            }
        }
        return problems
    }

    /// What can be said of an archive an older version wrote, before it is upgraded (its rows
    /// cannot be read as editions yet): SQLite's integrity checks under the file's own schema
    /// (every CHECK evaluated), its schema against the migrations it has applied, and the first
    /// stored value the pending migrations would refuse. All of it runs on an in-memory copy:
    /// the file is never written.
    ///
    /// - Parameter connection: a (read-only) connection to a file proved an archive that needs
    ///   the migrations `ArchiveUpgradeNeeded` names.
    /// - Returns: one line per problem, prefixed `integrity:`, `schema:` or `upgrade:`; and,
    ///   when the pending migrations succeed on the copy, the upgraded copy, whose editions can
    ///   then be checked like a current archive's.
    /// - Throws: `SQLiteError` when the file cannot be read.
    public static func problemsBeforeUpgrade(of connection: Connection) throws -> (problems: [String], upgradedCopy: Archive?) {
        let copy = try connection.memoryCopy()
        var problems = try copy.integrityProblems().map { "integrity: \($0)" }
        problems += try ArchiveSchema.differences(in: connection).map { "schema: \($0)" }
        do {
            try Migrator(migrations: migrations).migrate(copy, keeping: try ArchiveSchema.verify(copy))
            return (problems, try Archive(connection: copy))
        } catch let error as SQLiteError {
            problems.append("upgrade: the pending migrations refuse a stored row (\(error.message)); `barkley upgrade` will refuse it too")
            return (problems, nil)
        }
    }
}
