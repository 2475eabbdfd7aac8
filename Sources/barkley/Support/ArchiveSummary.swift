import BarkleyArchive
import SQLiteLayer

/// The numbers behind the overview, read with plain SQL.
///
/// Kept in this one type so that, once `BarkleyQueries` answers these questions, the overview
/// switches to it by replacing ``init(archive:)`` and nothing else.
struct ArchiveSummary {
    struct FinishesByDistance {
        var loops: Int?
        var finishes: Int
        var finishers: Int
    }

    struct Finisher {
        var name: String
        var country: String?
        var sex: String?
        var time: RaceTime?
    }

    struct LatestEdition {
        var race: String
        var year: Int
        var starters: Int?
        /// The stated count; a known 0 stays 0.
        var statedFinishers: Int?
        var statedFunRuns: Int?
        var finishers: [Finisher]
    }

    var editions: Int
    var editionsHeld: Int
    var firstYear: Int?
    var lastYear: Int?
    var yearsNotHeld: [Int]
    /// Entries whose outcome is a finish, over every distance.
    var finishes: Int
    /// Distinct runners with at least one finish.
    var finishers: Int
    /// Finishes by the number of loops a finish needed that year, most loops first.
    var finishesByDistance: [FinishesByDistance]
    /// The most recent edition that was held.
    var latest: LatestEdition?

    init(archive: Archive) throws {
        let db = archive.connection
        let editionRow = try db.row("SELECT count(*) AS editions, coalesce(sum(held), 0) AS held, min(year) AS first, max(year) AS last FROM edition")
        editions = try editionRow?.require("editions") ?? 0
        editionsHeld = try editionRow?.require("held") ?? 0
        firstYear = try editionRow?.optional("first")
        lastYear = try editionRow?.optional("last")
        yearsNotHeld = try db.rows("SELECT DISTINCT year FROM edition WHERE held = 0 ORDER BY year").map { try $0.require("year") }
        let finishRow = try db.row("SELECT count(*) AS finishes, count(DISTINCT runner_id) AS finishers FROM entry WHERE outcome = 'finish'")
        finishes = try finishRow?.require("finishes") ?? 0
        finishers = try finishRow?.require("finishers") ?? 0
        finishesByDistance = try db.rows("""
            SELECT edition.finish_loops AS loops, count(*) AS finishes, count(DISTINCT entry.runner_id) AS finishers
            FROM entry JOIN edition ON edition.id = entry.edition_id
            WHERE entry.outcome = 'finish'
            GROUP BY edition.finish_loops ORDER BY edition.finish_loops DESC
            """).map { FinishesByDistance(loops: try $0.optional("loops"), finishes: try $0.require("finishes"), finishers: try $0.require("finishers")) }
        guard let latestRow = try db.row("SELECT * FROM edition WHERE held = 1 ORDER BY year DESC, race LIMIT 1") else {
            latest = nil
            return
        }
        let finisherRows = try db.rows("""
            SELECT entry.name, entry.country, entry.sex, loop_time.elapsed_seconds, loop_time.precision
            FROM entry
            JOIN edition ON edition.id = entry.edition_id
            LEFT JOIN loop_time ON loop_time.entry_id = entry.id AND loop_time.loop = edition.finish_loops
            WHERE entry.edition_id = ? AND entry.outcome = 'finish'
            ORDER BY loop_time.elapsed_seconds IS NULL, loop_time.elapsed_seconds, entry.position
            """, [try latestRow.require("id", as: Int64.self)])
        latest = LatestEdition(
            race: try latestRow.require("race"), year: try latestRow.require("year"), starters: try latestRow.optional("starters"),
            statedFinishers: try latestRow.optional("stated_finishers"), statedFunRuns: try latestRow.optional("stated_fun_runs"),
            finishers: try finisherRows.map { row in
                let precision = try row.optional("precision", as: String.self).flatMap(RaceTime.Precision.init(rawValue:)) ?? .exact
                return Finisher(name: try row.require("name"), country: try row.optional("country"), sex: try row.optional("sex"),
                                time: try row.optional("elapsed_seconds", as: Int.self).map { RaceTime(seconds: $0, precision: precision) })
            })
    }
}
