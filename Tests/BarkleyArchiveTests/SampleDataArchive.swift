import BarkleyArchive
import SQLiteLayer
import Testing

/// Every edition file of `SampleData/` imported into a fresh temporary archive: the fixture of
/// the suites that check the real history against its sources.
struct SampleDataArchive {
    private let fixture: TemporaryArchive
    var archive: Archive { fixture.archive }

    /// - Throws: what the import throws when a SampleData file is unsound.
    init() throws {
        fixture = try TemporaryArchive()
        try fixture.archive.importFiles(try SampleDataFiles.urls())
    }

    /// `loop:started/completed` for each stored loop count of `year`, "-" for an unknown value.
    func storedCounts(_ year: Int) throws -> [String] {
        try archive.connection.rows("""
            SELECT loop, started, completed FROM loop_count JOIN edition ON edition.id = edition_id
            WHERE year = ? ORDER BY loop
            """, [year]).map { row in
            let started: Int? = try row.optional("started")
            let completed: Int? = try row.optional("completed")
            return "\(try row.require("loop", as: Int.self)):\(started.map(String.init) ?? "-")/\(completed.map(String.init) ?? "-")"
        }
    }

    /// The loop time of one named runner in `year`, as written (`H:MM:SS` or `H:MM`); nil when
    /// none is stored.
    func loopTime(_ year: Int, _ name: String, loop: Int) throws -> String? {
        let rows = try archive.connection.rows("""
            SELECT elapsed_seconds, precision FROM loop_time JOIN entry ON entry.id = entry_id
            JOIN edition ON edition.id = entry.edition_id JOIN runner ON runner.id = runner_id
            WHERE year = ? AND runner.name = ? AND loop = ?
            """, [year, name, loop])
        return try rows.first.map { row in
            let precision = try #require(RaceTime.Precision(rawValue: try row.require("precision")))
            return "\(RaceTime(seconds: try row.require("elapsed_seconds"), precision: precision))"
        }
    }
}
