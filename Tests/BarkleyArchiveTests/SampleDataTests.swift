import BarkleyArchive
import BarkleyBuiltInArchive
import Foundation
import SQLiteLayer
import Testing

/// The real history, checked against values written from `shared/reference/` (finishes.csv,
/// facts.md), not from this code's output.
@Suite("SampleData: the real history")
struct SampleDataTests {
    let sampleData: SampleDataArchive
    var archive: Archive { sampleData.archive }

    init() throws { sampleData = try SampleDataArchive() }

    func strings(_ sql: String, _ values: [DatabaseValueConvertible?] = []) throws -> [String] {
        try archive.connection.rows(sql, values).map { row in row.values.map { "\($0)" }.joined(separator: " ") }
    }

    @Test("40 edition files, 1986–2025, two of them not held (2002, 2020)")
    func editions() throws {
        #expect(try archive.editionKeys().map(\.year) == Array(1986...2025))
        #expect(try strings("SELECT year FROM edition WHERE held = 0 ORDER BY year") == ["2002", "2020"])
    }

    @Test("27 official finishes by 21 runners; 26 five-loop finishes by 20 (reference: 'Totals')")
    func totals() throws {
        #expect(try archive.connection.scalar("SELECT count(*) FROM entry WHERE outcome = 'finish'", as: Int.self) == 27)
        #expect(try archive.connection.scalar("SELECT count(DISTINCT runner_id) FROM entry WHERE outcome = 'finish'", as: Int.self) == 21)
        let fiveLoop = "FROM entry JOIN edition ON edition.id = entry.edition_id WHERE outcome = 'finish' AND finish_loops = 5"
        #expect(try archive.connection.scalar("SELECT count(*) \(fiveLoop)", as: Int.self) == 26)
        #expect(try archive.connection.scalar("SELECT count(DISTINCT runner_id) \(fiveLoop)", as: Int.self) == 20)
    }

    @Test("finishers in each year that had any (finishes.csv)")
    func finishersByYear() throws {
        let expected = [
            "1988 Ed Furtaw 32:14:50", "1995 Mark Williams 59:28:48", "2001 David Horton 58:21", "2001 Blake Wood 58:21",
            "2003 Ted Keizer 56:57", "2004 Mike Tilden 57:25", "2004 Jim Nelson 57:28", "2008 Brian Robinson 55:42:27",
            "2009 Andrew Thompson 57:37", "2010 Jonathan Basham 59:18", "2011 Brett Maune 57:13:33",
            "2012 Brett Maune 52:03:08", "2012 Jared Campbell 56:00:15", "2012 John Fegyveresi 59:41:21",
            "2013 Nick Hollon 57:39", "2013 Travis Wildeboer 58:41", "2014 Jared Campbell 57:50:20", "2016 Jared Campbell 59:32:30",
            "2017 John Kelly 59:30:53", "2023 Aurélien Sanchez 58:23:12", "2023 John Kelly 58:42:23", "2023 Karel Sabbe 59:53:33",
            "2024 Ihor Verys 58:44:59", "2024 John Kelly 59:15:38", "2024 Jared Campbell 59:30:32", "2024 Greig Hamilton 59:38:42",
            "2024 Jasmin Paris 59:58:21",
        ]
        let rows = try archive.connection.rows("""
            SELECT edition.year, runner.name, loop_time.elapsed_seconds, loop_time.precision
            FROM entry JOIN edition ON edition.id = entry.edition_id JOIN runner ON runner.id = entry.runner_id
            JOIN loop_time ON loop_time.entry_id = entry.id AND loop_time.loop = edition.finish_loops
            WHERE entry.outcome = 'finish' ORDER BY edition.year, entry.finish_seconds, entry.position
            """)
        let actual = try rows.map { row in
            let time = RaceTime(seconds: try row.require("elapsed_seconds"),
                                precision: RaceTime.Precision(rawValue: try row.require("precision"))!)
            return "\(try row.require("year", as: Int.self)) \(try row.require("name", as: String.self)) \(time)"
        }
        #expect(actual == expected)
    }

    @Test("runners with more than one finish: Campbell 4, Kelly 3, Maune 2 (facts.md)")
    func repeatFinishers() throws {
        #expect(try strings("""
            SELECT runner.name, count(*) FROM entry JOIN runner ON runner.id = runner_id WHERE outcome = 'finish'
            GROUP BY runner_id HAVING count(*) > 1 ORDER BY count(*) DESC
            """) == ["'Jared Campbell' 4", "'John Kelly' 3", "'Brett Maune' 2"])
    }

    @Test("the fastest finish is Brett Maune's 52:03:08 in 2012")
    func fastestFinish() throws {
        #expect(try strings("""
            SELECT edition.year, runner.name, finish_seconds FROM entry JOIN runner ON runner.id = runner_id
            JOIN edition ON edition.id = edition_id WHERE outcome = 'finish' AND finish_loops = 5 ORDER BY finish_seconds LIMIT 1
            """) == ["2012 'Brett Maune' \(52 * 3600 + 3 * 60 + 8)"])
    }

    @Test("the first woman to finish is Jasmin Paris, 2024, 99 seconds inside the limit")
    func firstWoman() throws {
        #expect(try strings("""
            SELECT edition.year, runner.name, finish_limit_seconds - finish_seconds FROM entry
            JOIN runner ON runner.id = runner_id JOIN edition ON edition.id = edition_id
            WHERE outcome = 'finish' AND sex = 'F' ORDER BY year LIMIT 1
            """) == ["2024 'Jasmin Paris' 99"])
    }

    @Test("held editions without a finisher (facts.md: 22 counting 1988 as a finish year)")
    func yearsWithoutFinisher() throws {
        let years = try strings("""
            SELECT year FROM edition WHERE held = 1
              AND NOT EXISTS (SELECT 1 FROM entry WHERE entry.edition_id = edition.id AND outcome = 'finish')
            ORDER BY year
            """).compactMap(Int.init)
        let expected = [1986, 1987] + Array(1989...1994) + Array(1996...2000) + [2005, 2006, 2007, 2015, 2018, 2019, 2021, 2022, 2025]
        #expect(years == expected)
        #expect(years.count == 22)
    }

    @Test("every edition, entry and time that has facts cites a source")
    func everythingCited() throws {
        #expect(try strings("SELECT year FROM edition WHERE NOT EXISTS (SELECT 1 FROM edition_source WHERE edition_id = edition.id AND cite_position IS NOT NULL)") == [])
        #expect(try strings("""
            SELECT entry.name FROM entry WHERE NOT EXISTS (SELECT 1 FROM entry_source WHERE entry_id = entry.id)
            """) == [])
    }

    @Test("unknown is never zero: editions with unknown starters store NULL")
    func unknownStarters() throws {
        // editions.csv gives no starters figure for 1989–1994, among others.
        #expect(try strings("SELECT year FROM edition WHERE year BETWEEN 1989 AND 1994 AND starters IS NULL").count == 6)
        #expect(try archive.connection.scalar("SELECT starters FROM edition WHERE year = 2025", as: Int.self) == 40)
    }

    @Test("the built-in archive holds exactly the files of SampleData/")
    func builtInInStep() throws {
        let files = try SampleDataFiles.urls()
        #expect(BuiltInArchive.files.map(\.name) == files.map(\.lastPathComponent))
        for (embedded, file) in zip(BuiltInArchive.files, files) {
            #expect(embedded.contents == (try String(contentsOf: file, encoding: .utf8)), "\(embedded.name) differs")
        }
        let builtIn = try BuiltInArchive.open()
        for year in 1986...2025 {
            #expect(try builtIn.edition(year: year) == archive.edition(year: year))
        }
    }
}
