import Foundation

/// Times the `barkley` command, from launch to exit, answering a simple question about an
/// archive file, against the `sqlite3` shell answering the same question from the same file.
enum CLITimings {
    struct Timing: Codable {
        var barkley: String
        var barkleyMedianMs: Double?
        var sqlite3: String
        var sqlite3MedianMs: Double?
        /// barkley / sqlite3.
        var ratio: Double?
        var runs: Int
        /// Why nothing was measured, when it was not.
        var skipped: String?
    }

    static let buildCommand = "swift build -c release --scratch-path .build-bench --product barkley"

    static func measure(databasePath: String, year: Int, barkley: URL, runs: Int) -> Timing {
        let finishersSQL = """
            SELECT runner.name, entry.finish_seconds FROM entry JOIN edition ON edition.id = entry.edition_id \
            JOIN runner ON runner.id = entry.runner_id WHERE edition.race = 'Barkley Marathons' AND edition.year = \(year) \
            AND entry.outcome = 'finish' ORDER BY entry.finish_seconds
            """
        // What the overview shows: counts of editions and finishes, the latest edition and its finishers.
        let overviewSQL = """
            SELECT count(*), min(year), max(year), sum(held) FROM edition; \
            SELECT count(*), count(DISTINCT runner_id) FROM entry WHERE outcome = 'finish'; \
            SELECT year, starters, stated_finishers, stated_fun_runs FROM edition WHERE race = 'Barkley Marathons' ORDER BY year DESC LIMIT 1; \
            SELECT runner.name, entry.country, entry.sex, entry.finish_seconds FROM entry JOIN edition ON edition.id = entry.edition_id \
            JOIN runner ON runner.id = entry.runner_id WHERE edition.race = 'Barkley Marathons' AND entry.outcome = 'finish' \
            AND edition.year = (SELECT max(year) FROM edition WHERE race = 'Barkley Marathons') ORDER BY entry.finish_seconds
            """
        var timing = Timing(barkley: "barkley finishers --year \(year) --db FILE", sqlite3: "sqlite3 FILE \"\(finishersSQL)\"", runs: runs)
        guard FileManager.default.isExecutableFile(atPath: barkley.path) else {
            timing.skipped = "no barkley binary at \(barkley.path); build it with `\(buildCommand)`"
            return timing
        }
        guard let sqlite3 = ChildProcess.onPath("sqlite3") else {
            timing.skipped = "no sqlite3 shell on PATH"
            return timing
        }
        // Ask the binary what it offers: `finishers --year`, else the default overview with `--db`.
        let finishers = ["finishers", "--year", String(year), "--db", databasePath]
        let hasFinishers = (try? ChildProcess.run(barkley, finishers, captureOutput: true, quiet: true))?.status == 0
        let help = (try? ChildProcess.run(barkley, ["--help"], captureOutput: true)).map { String(decoding: $0.output, as: UTF8.self) } ?? ""
        let arguments: [String]
        let sql: String
        if hasFinishers {
            arguments = finishers
            sql = finishersSQL
        } else if help.contains("--db") {
            arguments = ["--db", databasePath]
            sql = overviewSQL
            timing.barkley = "barkley --db FILE (the overview: no finishers command yet)"
            timing.sqlite3 = "sqlite3 FILE \"<the overview's 4 SELECTs>\""
        } else {
            timing.skipped = "barkley at \(barkley.path) offers neither `finishers` nor `--db` yet"
            return timing
        }
        do {
            let barkleyTimes = try ChildProcess.timeRuns(barkley, arguments, runs: runs)
            let sqliteTimes = try ChildProcess.timeRuns(sqlite3, ["-readonly", databasePath, sql], runs: runs)
            timing.barkleyMedianMs = median(barkleyTimes)
            timing.sqlite3MedianMs = median(sqliteTimes)
            timing.ratio = median(barkleyTimes) / median(sqliteTimes)
        } catch {
            timing.skipped = "\(error)"
        }
        return timing
    }
}
