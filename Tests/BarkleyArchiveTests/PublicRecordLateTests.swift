import BarkleyArchive
import Foundation
import SQLiteLayer
import Testing

/// The 2005–2025 results added from the public record (issue 16). Every expected value here
/// was typed from the source page named in the test, not from `SampleData/`: the cactustoclouds
/// results tables (their "Starters" / "Finishers" rows and loop times), Canadian Running,
/// Sudbury, xc-run, multidays and the runners' own reports.
@Suite("SampleData: the public record, 2005–2025")
struct PublicRecordLateTests {
    let sampleData: SampleDataArchive
    var archive: Archive { sampleData.archive }

    init() throws { sampleData = try SampleDataArchive() }

    func storedCounts(_ year: Int) throws -> [String] { try sampleData.storedCounts(year) }

    /// How many of the year's named entrants completed at least `loop` loops.
    func namedCompleting(_ year: Int, loop: Int) throws -> Int {
        try archive.connection.scalar("""
            SELECT count(*) FROM entry JOIN edition ON edition.id = edition_id
            WHERE year = ? AND loops_completed >= ?
            """, [year, loop], as: Int.self) ?? -1
    }

    func entrantCount(_ year: Int) throws -> Int {
        try archive.connection.scalar(
            "SELECT count(*) FROM entry JOIN edition ON edition.id = edition_id WHERE year = ?", [year], as: Int.self) ?? -1
    }

    func loopTime(_ year: Int, _ name: String, loop: Int) throws -> String? { try sampleData.loopTime(year, name, loop: loop) }

    @Test("2016 attrition matches cactustoclouds: Starters 40 (41) 25 7 3 3, Finishers 28 8 3 3 1")
    func attrition2016() throws {
        #expect(try storedCounts(2016) == ["1:-/28", "2:25/8", "3:7/3", "4:3/3", "5:3/1"])
        // The table names every runner who completed a loop, so the named entrants agree.
        #expect(try (1...5).map { try namedCompleting(2016, loop: $0) } == [28, 8, 3, 3, 1])
        #expect(try entrantCount(2016) == 36)  // rows 1–36; "37+ DNF" unnamed
    }

    @Test("2017 attrition matches cactustoclouds: Starters 40 24 7 2 2, Finishers 26 8 6 2 1")
    func attrition2017() throws {
        #expect(try storedCounts(2017) == ["1:-/26", "2:24/8", "3:7/6", "4:2/2", "5:2/1"])
        #expect(try (1...5).map { try namedCompleting(2017, loop: $0) } == [26, 8, 6, 2, 1])
    }

    @Test("2018: 26 loop-1, 5 loop-2 and 1 loop-3 completions (cactustoclouds); 20 and 5 started loops 2 and 3 (outofshape)")
    func attrition2018() throws {
        #expect(try storedCounts(2018) == ["1:-/26", "2:20/5", "3:5/1"])
        #expect(try (1...3).map { try namedCompleting(2018, loop: $0) } == [26, 5, 1])
    }

    @Test("2019: six started loop 3 and two started loop 4, neither completing it (adventureblog, Canadian Running)")
    func attrition2019() throws {
        #expect(try storedCounts(2019) == ["1:40/28", "2:22/-", "3:6/6", "4:2/0"])
        #expect(try namedCompleting(2019, loop: 4) == 0)
    }

    @Test("2021: 16 loop-1 times, 14 on loop 2, only Campbell and Nelson inside 26:40 (cactustoclouds, Canadian Running)")
    func attrition2021() throws {
        #expect(try storedCounts(2021) == ["1:-/16", "2:14/2", "3:2/2", "4:0/-"])
        #expect(try namedCompleting(2021, loop: 1) == 16)
        #expect(try loopTime(2021, "Ian Farris", loop: 1) == "13:16:09")
        #expect(try loopTime(2021, "Courtney Dauwalter", loop: 1) == "10:44:00")
    }

    @Test("loop times read from the tables: Eaton 2016, Laval 2017, Beaven 2018, Spinks 2019")
    func loopTimes() throws {
        #expect(try loopTime(2016, "Jennilynn Eaton", loop: 2) == "26:28:37")
        #expect(try loopTime(2016, "Adam Lint", loop: 1) == "8:01:23")
        #expect(try loopTime(2017, "Benoit Laval", loop: 2) == "23:06:49")
        #expect(try loopTime(2017, "Megan Farrell", loop: 1) == "10:51:53")  // Trail Runner
        #expect(try loopTime(2018, "Ally Beaven", loop: 2) == "23:35:30")
        #expect(try loopTime(2019, "Nicky Spinks", loop: 1) == "11:32:53")
        #expect(try loopTime(2015, "Rob Youngren", loop: 1) == "11:37:48")  // his report
    }

    @Test("spellings a source uses are kept as aliases of one runner")
    func aliases() throws {
        let rows = try archive.connection.rows("""
            SELECT edition.year, runner.name, entry.listed_as FROM entry JOIN runner ON runner.id = runner_id
            JOIN edition ON edition.id = edition_id
            WHERE entry.listed_as IN ('Niki Rehn', 'Remi Jegard', 'Mihuel “Mig” Panhuysen', 'Albert Casas', 'Pavel Paloncý')
            ORDER BY edition.year, runner.name
            """).map { "\(try $0.require("year", as: Int.self)) \(try $0.require("name", as: String.self)) ← \(try $0.require("listed_as", as: String.self))" }
        #expect(rows == [
            "2016 Nicki Rehn ← Niki Rehn", "2018 Rémy Jegard ← Remi Jegard",
            "2019 Michiel Panhuysen ← Mihuel “Mig” Panhuysen", "2022 Albert Herrero Casas ← Albert Casas",
            "2023 Pavel Paloncy ← Pavel Paloncý",
        ])
    }

    @Test("2022: Canadian Running's 27 on loop 2 at twelve hours; 2023: Sudbury's 13 two-loop runners")
    func counts2022And2023() throws {
        // ultrarunninghistory: 6 completed loop 2 (GearJunkie: 5, a dispute).
        #expect(try storedCounts(2022).contains("2:27/6"))
        #expect(try storedCounts(2023).contains("2:-/13"))
        // Sudbury names the 13 who completed two loops inside 26:40; every one is a 2023 entrant.
        let sudbury = ["Karel Sabbe", "John Kelly", "Damian Hall", "Jared Campbell", "Jasmin Paris", "Christophe Nonorgue",
                       "Albert Herrero Casas", "Joe McConaughy", "Aurélien Sanchez", "Pavel Paloncy", "Guillaume Calmettes",
                       "Tomokazu Ihara", "Aaron Bradner"]
        let named = Set(try archive.connection.rows("""
            SELECT runner.name FROM entry JOIN runner ON runner.id = runner_id JOIN edition ON edition.id = edition_id
            WHERE year = 2023
            """).map { try $0.require("name", as: String.self) })
        #expect(Set(sudbury).subtracting(named).isEmpty)
    }

    @Test("2025: four women named by xc-run, none past loop 1; Raichon and Gauduin with two loops")
    func women2025() throws {
        #expect(try archive.connection.scalar("""
            SELECT count(*) FROM entry JOIN edition ON edition.id = edition_id
            WHERE year = 2025 AND sex = 'F' AND loops_completed = 0
            """, as: Int.self) == 5)  // Halpin and the four xc-run names
        #expect(try namedCompleting(2025, loop: 2) == 4)  // Kelly, Ihara, Raichon, Gauduin: the file's loop-2 count
    }

    @Test("every entry of 2005–2025 cites a source whose URL is in its edition's sources")
    func everyEntryCited() throws {
        #expect(try archive.connection.scalar("""
            SELECT count(*) FROM entry JOIN edition ON edition.id = edition_id
            WHERE year >= 2005 AND NOT EXISTS (SELECT 1 FROM entry_source WHERE entry_id = entry.id)
            """, as: Int.self) == 0)
        #expect(try archive.connection.scalar("""
            SELECT count(*) FROM entry_source JOIN edition_source USING (edition_id, key)
            JOIN source ON source.id = source_id WHERE citation NOT LIKE 'http%'
            """, as: Int.self) == 0)
    }
}
