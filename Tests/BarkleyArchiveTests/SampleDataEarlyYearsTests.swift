import BarkleyArchive
import Foundation
import SQLiteLayer
import Testing

/// The early editions (1986–2000) against values read in their sources, not in the files:
/// Matt Mahoney's results tables for 1995, 1998, 1999 and 2000 (mattmahoney.net/barkley),
/// his 1997 results mail (microserf.lanl.gov) and cactustoclouds' 1986–1988 tables from Ed
/// Furtaw's book. Each expected value is quoted from the page in the test's comment.
@Suite("SampleData: the early editions against their sources")
struct SampleDataEarlyYearsTests {
    let sampleData: SampleDataArchive
    var archive: Archive { sampleData.archive }

    init() throws { sampleData = try SampleDataArchive() }

    func int(_ sql: String, _ values: [DatabaseValueConvertible?] = []) throws -> Int? {
        try archive.connection.scalar(sql, values, as: Int.self)
    }

    /// `started/completed` per loop as stored in `loop_count` ("-" where unknown).
    func loopCounts(_ year: Int) throws -> [String] {
        try archive.connection.rows("""
            SELECT loop, started, completed FROM loop_count JOIN edition ON edition.id = edition_id
            WHERE year = ? ORDER BY loop
            """, [year]).map { row in
            let started: Int? = try row.optional("started")
            let completed: Int? = try row.optional("completed")
            return "\(try row.require("loop", as: Int.self)): \(started.map(String.init) ?? "-")/\(completed.map(String.init) ?? "-")"
        }
    }

    /// How many of the year's named entrants completed at least `loop` loops.
    func namedCompleting(_ year: Int, loop: Int) throws -> Int? {
        try int("""
            SELECT count(*) FROM entry JOIN edition ON edition.id = edition_id
            WHERE year = ? AND loops_completed >= ?
            """, [year, loop])
    }

    /// A runner's loop time in an edition, as the archive prints it.
    func time(_ year: Int, _ name: String, loop: Int) throws -> String? {
        let rows = try archive.connection.rows("""
            SELECT elapsed_seconds, precision FROM loop_time JOIN entry ON entry.id = entry_id
            JOIN edition ON edition.id = entry.edition_id JOIN runner ON runner.id = entry.runner_id
            WHERE year = ? AND runner.name = ? AND loop = ?
            """, [year, name, loop])
        return try rows.first.map { row in
            "\(RaceTime(seconds: try row.require("elapsed_seconds"), precision: RaceTime.Precision(rawValue: try row.require("precision"))!))"
        }
    }

    /// How a runner's loop time is unofficial (`off_course`, `after_limit`…), nil when it counts.
    func unofficial(_ year: Int, _ name: String, loop: Int) throws -> String? {
        try archive.connection.scalar("""
            SELECT unofficial FROM loop_time JOIN entry ON entry.id = entry_id
            JOIN edition ON edition.id = entry.edition_id JOIN runner ON runner.id = entry.runner_id
            WHERE year = ? AND runner.name = ? AND loop = ?
            """, [year, name, loop], as: String.self)
    }

    func loops(_ year: Int, _ name: String) throws -> Int? {
        try int("""
            SELECT loops_completed FROM entry JOIN edition ON edition.id = edition_id
            JOIN runner ON runner.id = runner_id WHERE year = ? AND runner.name = ?
            """, [year, name])
    }

    @Test("1998: Mahoney's table of 35 runners is the whole field, with 28 / 13 / 5 / 0 completing loops 1–4")
    func attrition1998() throws {
        #expect(try int("SELECT starters FROM edition WHERE year = 1998") == 35)
        #expect(try int("SELECT count(*) FROM entry JOIN edition ON edition.id = edition_id WHERE year = 1998") == 35)
        // Loop 1 inside 13:20: 28 ("Stuart Gleman missed cutoff at 13:36"); loop 2: 5 fun-runners + 8 "RTC"/"lost"
        // after 40 miles; loop 3: Horton, Wood, Dobies, Vance, DeWalt; loop 4: Horton alone, "returned 39:57".
        #expect(try loopCounts(1998) == ["1: 35/28", "2: 23/13", "3: 7/5", "4: 1/0"])
        for (loop, completed) in [(1, 28), (2, 13), (3, 5), (4, 0)] {
            #expect(try namedCompleting(1998, loop: loop) == completed, "loop \(loop)")
        }
    }

    @Test("1998: Mahoney made loop 1 in 11:35 and missed the loop-2 cutoff at 29:33, so one loop counts")
    func mahoney1998() throws {
        #expect(try time(1998, "Matt Mahoney", loop: 1) == "11:35")
        // "Matt Mahoney 11:35 missed cutoff at 29:33": kept, but unofficial.
        #expect(try time(1998, "Matt Mahoney", loop: 2) == "29:33")
        #expect(try unofficial(1998, "Matt Mahoney", loop: 2) == "after_limit")
        #expect(try loops(1998, "Matt Mahoney") == 1)
        // "Fred Pilon 9:19 23:47 RTC"
        #expect(try time(1998, "Fred Pilon", loop: 2) == "23:47")
    }

    @Test("1995: 39 starters, 34 ranked with a loop-1 split, 10 with two loops, 6 with three")
    func attrition1995() throws {
        #expect(try int("SELECT starters FROM edition WHERE year = 1995") == 39)
        #expect(try int("SELECT count(*) FROM entry JOIN edition ON edition.id = edition_id WHERE year = 1995") == 34)
        #expect(try loopCounts(1995) == ["1: 39/34", "2: -/10", "3: -/6"])
        for (loop, completed) in [(1, 34), (2, 10), (3, 6), (4, 1), (5, 1)] {
            #expect(try namedCompleting(1995, loop: loop) == completed, "loop \(loop)")
        }
        // "11 Goat (Fred Pilon) 8:33 DNF", "15 Frozen Ed Furtaw 9:45 DNF"
        #expect(try time(1995, "Fred Pilon", loop: 1) == "8:33")
        #expect(try time(1995, "Ed Furtaw", loop: 1) == "9:45")
    }

    @Test("1999: the Hardrock columns are not loops; missed cutoffs are not completions")
    func hardrockColumns1999() throws {
        // "David Horton, VA 8:04:28 30:27" — 30:27 is his Hardrock time.
        #expect(try loops(1999, "David Horton") == 1)
        #expect(try time(1999, "David Horton", loop: 2) == nil)
        // "Matt Mahoney, FL 10:58:26 28:07:34* 51:38**" — * missed cutoff, ** missed the Hardrock cutoff.
        #expect(try time(1999, "Matt Mahoney", loop: 1) == "10:58:26")
        #expect(try loops(1999, "Matt Mahoney") == 1)
        // "Leslie Hunt, NC 9:35:31 25:57:48 47:48*": three loops, over the 40-hour limit.
        #expect(try int("""
            SELECT count(*) FROM entry JOIN edition ON edition.id = edition_id
            WHERE year = 1999 AND outcome = 'over_limit'
            """) == 2)
        #expect(try int("""
            SELECT count(*) FROM entry JOIN edition ON edition.id = edition_id
            WHERE year = 1999 AND outcome = 'fun_run'
            """) == 3)
        #expect(try loopCounts(1999) == ["1: -/29", "2: -/7"])
        #expect(try namedCompleting(1999, loop: 1) == 29) // every loop-1 time inside 13:20; Peyton's 21:00:11* is not one
        #expect(try namedCompleting(1999, loop: 2) == 7)
    }

    @Test("2000: 35 runners, 9 two-loop finishers all named, Wood alone through loop 4")
    func attrition2000() throws {
        #expect(try namedCompleting(2000, loop: 2) == 9)
        #expect(try namedCompleting(2000, loop: 4) == 1)
        #expect(try loopCounts(2000) == ["2: -/9", "3: -/7", "4: 2/1", "5: 1/0"])
        // "I completed lap 1 in record time (9:49)"
        #expect(try time(2000, "Matt Mahoney", loop: 1) == "9:49")
    }

    @Test("1997: Mahoney's mail — Horton 8:41, then Pilon, McLean and W. Brasington two loops in 23:02, 25:02, 25:02")
    func results1997() throws {
        #expect(try time(1997, "David Horton", loop: 1) == "8:41")
        #expect(try loops(1997, "David Horton") == 1)
        #expect(try time(1997, "Fred Pilon", loop: 2) == "23:02")
        #expect(try time(1997, "Eliza McLean", loop: 2) == "25:02")
        #expect(try time(1997, "Wilson Brasington", loop: 2) == "25:02")
        #expect(try int("SELECT starters FROM edition WHERE year = 1997") == nil) // "30+" is not a count
    }

    @Test("1986–1988: cactustoclouds' counts (3/16 and 0/2 in 1987; 2 started and 1 completed loop 3 in 1988)")
    func earlyYears() throws {
        #expect(try int("SELECT count(*) FROM entry JOIN edition ON edition.id = edition_id WHERE year = 1986") == 8)
        #expect(try loopCounts(1987) == ["1: 16/3", "2: 2/0"])
        #expect(try namedCompleting(1987, loop: 1) == 3)
        // "Fred Pilon (2) 7:22 14:30 *": loop 2 was off course, so it is not a completed loop.
        #expect(try time(1987, "Fred Pilon", loop: 1) == "7:22")
        #expect(try time(1987, "Fred Pilon", loop: 2) == "14:30")
        #expect(try unofficial(1987, "Fred Pilon", loop: 2) == "off_course")
        #expect(try loops(1987, "Fred Pilon") == 1)
        #expect(try loopCounts(1988) == ["3: 2/1"])
        #expect(try time(1988, "Fred Pilon", loop: 1) == "8:00")
        #expect(try int("""
            SELECT first_attempt FROM entry JOIN edition ON edition.id = edition_id
            JOIN runner ON runner.id = runner_id WHERE year = 1988 AND runner.name = 'Ed Furtaw'
            """) == 1)
    }

    @Test("every loop count in 1986–2000 agrees with the named entrants: no more named than counted")
    func countsNeverBelowNamed() throws {
        let rows = try archive.connection.rows("""
            SELECT year, loop, completed FROM loop_count JOIN edition ON edition.id = edition_id
            WHERE year <= 2000 AND completed IS NOT NULL
            """)
        for row in rows {
            let year: Int = try row.require("year")
            let loop: Int = try row.require("loop")
            let completed: Int = try row.require("completed")
            // 1999's over-limit third loops are not in a count (none is given for loop 3).
            #expect(try namedCompleting(year, loop: loop)! <= completed, "\(year) loop \(loop)")
        }
    }
}
