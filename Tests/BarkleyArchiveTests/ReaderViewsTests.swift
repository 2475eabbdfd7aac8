import BarkleyArchive
import Foundation
import SQLiteLayer
import Testing

/// The views of `Migrations/0006_reader_views.sql`, read on the built-in history through
/// barkley's own connection (trusted_schema off, as every reader has it).
@Suite("Views with readable columns")
struct ReaderViewsTests {
    /// The whole sample history, imported once per test.
    private func history() throws -> Archive {
        let archive = try Archive.inMemory()
        try archive.importFiles(try SampleDataFiles.urls())
        return archive
    }

    /// What a time text of the views says, in seconds; approximate texts end `:--`.
    private func seconds(of text: String, precision: String) -> Int? {
        if precision == "approximate" {
            guard text.hasSuffix(":--") else { return nil }
            return RaceTime(parsing: String(text.dropLast(3))).map(\.seconds)
        }
        return RaceTime(parsing: text).map(\.seconds)
    }

    @Test("every loop time reads as H:MM:SS text that is its seconds, with splits that are the differences")
    func loopTimesTextMatchesSeconds() throws {
        let db = try history().connection
        let rows = try db.rows("SELECT * FROM loop_times")
        #expect(rows.count == (try db.scalar("SELECT count(*) FROM loop_time", as: Int.self)))
        var approximate = 0
        for row in rows {
            let precision: String = try row.require("precision")
            let text: String = try row.require("time")
            let stored: Int = try row.require("time_seconds")
            if precision == "approximate" {
                approximate += 1
                #expect(seconds(of: text, precision: precision) == stored / 60 * 60, "\(text) for \(stored)")
            } else {
                #expect(seconds(of: text, precision: precision) == stored, "\(text) for \(stored)")
            }
            if let split: Int = try row.optional("split_seconds") {
                let loop: Int = try row.require("loop")
                let entry: Int64 = try row.require("entry_id")
                let previous = loop == 1 ? 0 : try #require(try db.scalar("SELECT elapsed_seconds FROM loop_time WHERE entry_id = ? AND loop = ?", [entry, loop - 1], as: Int.self))
                #expect(split == stored - previous)
            }
        }
        #expect(approximate > 0, "the sample history has times known to the minute")
    }

    @Test("finishes lists every finish with the runner's name, its time text and margin, placed by time")
    func finishesView() throws {
        let db = try history().connection
        #expect(try db.scalar("SELECT count(*) FROM finishes", as: Int.self) == (try db.scalar("SELECT count(*) FROM entry WHERE outcome = 'finish'", as: Int.self)))
        let paris = try #require(try db.rows("SELECT * FROM finishes WHERE year = 2024 AND runner = 'Jasmin Paris'").first)
        #expect(try paris.require("time", as: String.self) == "59:58:21")
        #expect(try paris.require("margin", as: String.self) == "0:01:39")
        #expect(try paris.require("precision", as: String.self) == "exact")
        let places = try db.rows("SELECT place FROM finishes WHERE year = 2024").map { try $0.require("place", as: Int.self) }
        #expect(places == Array(1...places.count))
        for row in try db.rows("SELECT time, time_seconds, precision FROM finishes WHERE time IS NOT NULL") {
            let precision: String = try row.require("precision")
            let stored: Int = try row.require("time_seconds")
            #expect(seconds(of: try row.require("time"), precision: precision) == (precision == "exact" ? stored : stored / 60 * 60))
        }
    }

    @Test("edition_results has one row per entry, outcomes in words; editions_overview counts what is named")
    func resultsAndOverview() throws {
        let db = try history().connection
        #expect(try db.scalar("SELECT count(*) FROM edition_results", as: Int.self) == (try db.scalar("SELECT count(*) FROM entry", as: Int.self)))
        let outcomes = Set(try db.rows("SELECT DISTINCT outcome FROM edition_results").map { try $0.require("outcome", as: String.self) })
        #expect(outcomes.isSubset(of: ["finish", "fun run", "over limit", "dropped", "disqualified", "did not start", "unknown"]), "\(outcomes)")
        // Possert and Clifton 1988 (cactustoclouds: DQ); Douglas 1986's off-course loop 2 is not a completed loop.
        #expect(outcomes.contains("disqualified"))
        #expect(try db.scalar("SELECT loops_completed FROM edition_results WHERE year = 1986 AND runner = 'Damon Douglas'", as: Int.self) == 1)
        #expect(outcomes.contains("fun run"))
        for row in try db.rows("SELECT year, named_entrants, finishes FROM editions_overview") {
            let year: Int = try row.require("year")
            #expect(try row.require("named_entrants", as: Int.self) == (try db.scalar("SELECT count(*) FROM edition_results WHERE year = ?", [year], as: Int.self)))
            #expect(try row.require("finishes", as: Int.self) == (try db.scalar("SELECT count(*) FROM finishes WHERE year = ?", [year], as: Int.self)))
        }
    }
}
