import BarkleyArchive
import BarkleyQueries
import Foundation
import SQLiteLayer

/// Times questions asked of an imported archive: median of `runs` runs after one warm-up.
enum QueryTimings {
    struct Timing: Codable {
        var name: String
        /// `module` (BarkleyQueries), `archive` (BarkleyArchive's reads) or `sql` (a stand-in,
        /// plain SQL through SQLiteLayer, for a question the query module is expected to answer).
        var kind: String
        var medianMs: Double
        var minMs: Double
        var maxMs: Double
        var runs: Int
        /// Results returned, where the answer is a list (nil for a summary).
        var rows: Int?
    }

    /// A question, and how to ask it; returns the number of results where the answer is a list.
    struct Question {
        var name: String
        var kind: String
        var ask: () throws -> Int?
    }

    /// Parameters taken from the data, so every question has an answer at every size.
    struct Sample {
        var year: Int
        var runnerName: String
        /// A year the runner started.
        var runnerYear: Int
    }

    static func measure(databasePath: String, runs: Int) throws -> [Timing] {
        let archive = try Archive.openReadOnly(path: databasePath)
        let sample = try sample(from: archive)
        let questions = moduleQuestions(archive, sample) + archiveQuestions(archive, sample) + sqlStandIns(archive.connection, sample)
        let clock = ContinuousClock()
        return try questions.map { question in
            let rows = try question.ask()  // warm-up: statement cache, pages in memory
            let times = try (0..<runs).map { _ in
                let start = clock.now
                _ = try question.ask()
                return (clock.now - start).milliseconds
            }
            return Timing(name: question.name, kind: question.kind, medianMs: median(times), minMs: times.min() ?? .nan,
                          maxMs: times.max() ?? .nan, runs: runs, rows: rows)
        }
    }

    // MARK: The query module

    /// Every public query of `BarkleyQueries`' ``History`` (kind `module`), on the first race
    /// ("Barkley Marathons"); a new public query gets a line here.
    static func moduleQuestions(_ archive: Archive, _ sample: Sample) -> [Question] {
        let history = History(archive: archive)
        func question(_ name: String, _ ask: @escaping () throws -> Int?) -> Question {
            Question(name: name, kind: "module", ask: ask)
        }
        return [
            question("finishers(in: \(sample.year))") { try history.finishers(in: sample.year).finishes.count },
            question("allFinishes()") { _ = try history.allFinishes(); return nil },
            question("finishTotals()") { _ = try history.finishTotals(); return nil },
            question("repeatFinishers()") { _ = try history.repeatFinishers(); return nil },
            question("editionSummary(year: \(sample.year))") { _ = try history.editionSummary(year: sample.year); return nil },
            question("editionsWithoutFinisher()") { _ = try history.editionsWithoutFinisher(); return nil },
            question("resultsPerYear()") { try history.resultsPerYear().count },
            question("droughts()") { try history.droughts().count },
            question("longestDrought()") { _ = try history.longestDrought(); return nil },
            question("attrition(year: \(sample.year))") { _ = try history.attrition(year: sample.year); return nil },
            question("attritionAcrossHistory()") { _ = try history.attritionAcrossHistory(); return nil },
            question("firsts()") { _ = try history.firsts(); return nil },
            question("records()") { _ = try history.records(); return nil },
            question("career(of:)") { _ = try history.career(of: sample.runnerName); return nil },
            question("mostStarts()") { _ = try history.mostStarts(); return nil },
            question("mostFunRuns()") { _ = try history.mostFunRuns(); return nil },
            question("mostFinishes()") { _ = try history.mostFinishes(); return nil },
            question("countries()") { _ = try history.countries(); return nil },
            question("searchRunners(_:)") { _ = try history.searchRunners(sample.runnerName.lowercased()); return nil },
            question("sources(forEdition: \(sample.year))") { _ = try history.sources(forEdition: sample.year); return nil },
            question("sources(forEntryOf:year: \(sample.runnerYear))") {
                _ = try history.sources(forEntryOf: sample.runnerName, year: sample.runnerYear); return nil
            },
        ]
    }

    // MARK: The archive's own reads

    static func archiveQuestions(_ archive: Archive, _ sample: Sample) -> [Question] {
        [
            Question(name: "Archive.edition(year: \(sample.year))", kind: "archive") {
                try archive.edition(year: sample.year)?.entrants.count ?? 0
            },
            Question(name: "Archive.runners(named:)", kind: "archive") {
                try archive.runners(named: sample.runnerName.uppercased()).count
            },
        ]
    }

    // MARK: SQL stand-ins

    /// Questions over the whole archive (every race), as plain SQL: what `barkley sql` users
    /// meet, and how the schema's indexes serve questions the query module scopes to one race.
    ///
    /// Without `ANALYZE` statistics SQLite's planner can pick `entry_by_outcome` for a per-edition
    /// probe: "editions without finishers" written as a correlated `NOT EXISTS (… entry.edition_id
    /// = edition.id AND outcome = 'finish')` took 3.4 s at 100,000 entries (every finish scanned
    /// for every edition), so it is written with `NOT IN` here.
    static func sqlStandIns(_ connection: Connection, _ sample: Sample) -> [Question] {
        func question(_ name: String, _ sql: String, _ values: [DatabaseValueConvertible?] = []) -> Question {
            Question(name: name, kind: "sql") { try connection.rows(sql, values).count }
        }
        return [
            question("finishers in a year", """
                SELECT runner.name, entry.finish_seconds FROM entry
                JOIN edition ON edition.id = entry.edition_id JOIN runner ON runner.id = entry.runner_id
                WHERE edition.race = ? AND edition.year = ? AND entry.outcome = 'finish' ORDER BY entry.finish_seconds
                """, [Edition.barkley, sample.year]),
            question("career of a runner", """
                SELECT edition.race, edition.year, entry.outcome, entry.loops_completed, entry.finish_seconds FROM runner
                JOIN entry ON entry.runner_id = runner.id JOIN edition ON edition.id = entry.edition_id
                WHERE runner.search_key = ? ORDER BY edition.year
                """, [NameKey.fold(sample.runnerName)]),
            question("fastest 10 finishes", """
                SELECT runner.name, edition.race, edition.year, entry.finish_seconds FROM entry
                JOIN edition ON edition.id = entry.edition_id JOIN runner ON runner.id = entry.runner_id
                WHERE entry.outcome = 'finish' ORDER BY entry.finish_seconds LIMIT 10
                """),
            question("finishes by country", """
                SELECT country, count(*) FROM entry WHERE outcome = 'finish' GROUP BY country ORDER BY count(*) DESC
                """),
            question("editions without finishers", """
                SELECT race, year FROM edition
                WHERE held = 1 AND id NOT IN (SELECT edition_id FROM entry WHERE outcome = 'finish')
                ORDER BY year, race
                """),
            question("fastest loop 1 of a year", """
                SELECT runner.name, loop_time.elapsed_seconds FROM loop_time
                JOIN entry ON entry.id = loop_time.entry_id JOIN edition ON edition.id = entry.edition_id
                JOIN runner ON runner.id = entry.runner_id
                WHERE edition.race = ? AND edition.year = ? AND loop_time.loop = 1 ORDER BY loop_time.elapsed_seconds LIMIT 5
                """, [Edition.barkley, sample.year]),
            question("most starts without a finish (whole archive)", """
                SELECT runner.name, count(*) AS starts FROM entry JOIN runner ON runner.id = entry.runner_id
                GROUP BY entry.runner_id HAVING sum(entry.outcome = 'finish') = 0 ORDER BY starts DESC, runner.name LIMIT 10
                """),
        ]
    }

    /// A year of the first race with finishers, and the race's most frequent runner (picked once, not timed).
    static func sample(from archive: Archive) throws -> Sample {
        // A year with finishers, so "finishers in a year" has rows: 2000 where it has some.
        let years = try archive.connection.rows("""
            SELECT DISTINCT year FROM edition JOIN entry ON entry.edition_id = edition.id
            WHERE race = ? AND entry.outcome = 'finish' ORDER BY year
            """, [Edition.barkley]).map { try $0.require("year", as: Int.self) }
        let year = years.contains(2000) ? 2000 : (years.last ?? 2000)
        let name = try archive.connection.scalar("""
            SELECT runner.name FROM edition JOIN entry ON entry.edition_id = edition.id JOIN runner ON runner.id = entry.runner_id
            WHERE edition.race = ? GROUP BY runner.id ORDER BY count(*) DESC, runner.name LIMIT 1
            """, [Edition.barkley], as: String.self) ?? ""
        let runnerYear = try archive.connection.scalar("""
            SELECT max(edition.year) FROM edition JOIN entry ON entry.edition_id = edition.id WHERE edition.race = ? AND entry.name = ?
            """, [Edition.barkley, name], as: Int.self) ?? year
        return Sample(year: year, runnerName: name, runnerYear: runnerYear)
    }
}
