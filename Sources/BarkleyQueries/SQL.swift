import SQLiteLayer

/// One SQL statement the queries run, named, with values to bind when checking its plan.
///
/// Every statement takes its values as bound parameters (`?1`, `?2`…); no text is ever spliced
/// into SQL. The plan check (`EXPLAIN QUERY PLAN` in the tests) binds `sample`.
struct NamedQuery: Sendable {
    let name: String
    let sql: String
    let sample: [DatabaseValue]

    init(_ name: String, _ sql: String, sample: [DatabaseValue]) {
        self.name = name
        self.sql = sql
        self.sample = sample
    }
}

/// The SQL of every question, in one list so that a test can check each plan.
///
/// How the plans are kept cheap in an archive of many races (https://sqlite.org/optoverview.html):
/// - every query starts from `edition` by race (and year), through the `UNIQUE (race, year)`
///   index, or from one runner through `entry_by_runner`;
/// - `CROSS JOIN` fixes that order: SQLite keeps the table on the left of a `CROSS JOIN` in the
///   outer loop ("Manual Control Of Query Plans Using CROSS JOIN"), so it never walks a
///   table-wide index of `entry` and filters by race afterwards;
/// - a unary `+` on `entry.outcome` keeps that term from constraining an index ("Disqualifying
///   WHERE Clause Terms Using Unary-+"), so an edition's entries are found by `edition_id`, not
///   by walking every finish in the archive.
///
/// The plan test (`QueryPlanTests`) fails on any `SCAN` of `entry` or `loop_time`, and on table
/// aliases, which would hide one.
enum SQL {
    static let all: [NamedQuery] = [
        editions, outcomeCounts,
        finishes, finishesOfYear, funRuns, funRunsOfYear,
        fastestLoops,
        editionRow, loopCounts, loopCutoffs, editionSources,
        entryLoops, dropReasons, runnerIdentity,
        runnerByName, runnerAliases, careerEntries, careerTimes, tallies, talliesOfOutcome, countries,
        allSpellings,
        entryOfRunner, entrySources, timeSources,
        disputedYears, disputedFacts,
        editionStarts, loopTimesOfDistance,
    ]
}
