import BarkleyArchive
import Foundation
import SQLiteLayer
import Testing

/// Every fact of `SampleData/` rests on a source (issue 16 item 3), and the 0.12 facts the
/// pending notes listed are held: drop reasons, DQs, unofficial loops and course facts. The
/// expected values were typed from the stored pages named beside them, not from the files:
/// Mahoney's 1998 table "with 20 mile splits and excuses" (mattmahoney.net/barkley/barkly98.txt),
/// cactustoclouds' 1986–1988 tables, Furtaw's history (bark-hst.txt), the reddit results thread
/// for 2017 ("touched the yellow gate at 60:00:06"), Canadian Running for 2021 ("arriving into
/// camp after 26 hours, 52 minutes"), Mahoney's 1996 and 2003 pages and his 2012 rules.
@Suite("SampleData: every fact cited; reasons, DQs, unofficial loops and course facts")
struct SampleDataCitedTests {
    let sampleData: SampleDataArchive
    var archive: Archive { sampleData.archive }

    init() throws { sampleData = try SampleDataArchive() }

    /// The `label` column of every row of `sql`, sorted.
    func labels(_ sql: String, _ values: [DatabaseValueConvertible?] = []) throws -> [String] {
        try archive.connection.rows(sql, values).map { try $0.require("label", as: String.self) }.sorted()
    }

    func count(_ sql: String) throws -> Int {
        try archive.connection.scalar(sql, as: Int.self) ?? -1
    }

    /// SQL true when the edition `alias.edition_id` cites a source at edition level (`cite:`).
    static func editionCites(_ alias: String) -> String {
        """
        EXISTS (SELECT 1 FROM edition_source WHERE edition_source.edition_id = \(alias).edition_id
                AND edition_source.cite_position IS NOT NULL)
        """
    }

    @Test("every entry cites a source: its own `cite:` or its edition's")
    func everyEntryCited() throws {
        let uncited = try labels("""
            SELECT edition.year || ' ' || entry.name AS label
            FROM entry JOIN edition ON edition.id = entry.edition_id
            WHERE NOT EXISTS (SELECT 1 FROM entry_source WHERE entry_source.entry_id = entry.id)
              AND NOT \(Self.editionCites("entry"))
            """)
        #expect(uncited == [])
        #expect(try count("SELECT count(*) FROM entry") > 400, "the whole of SampleData is imported")
    }

    @Test("every loop time cites a source: its own, its entry's or its edition's")
    func everyLoopTimeCited() throws {
        let uncited = try labels("""
            SELECT edition.year || ' ' || entry.name || ' loop ' || loop_time.loop AS label
            FROM loop_time JOIN entry ON entry.id = loop_time.entry_id JOIN edition ON edition.id = entry.edition_id
            WHERE NOT EXISTS (SELECT 1 FROM loop_time_source
                              WHERE loop_time_source.entry_id = loop_time.entry_id AND loop_time_source.loop = loop_time.loop)
              AND NOT EXISTS (SELECT 1 FROM entry_source WHERE entry_source.entry_id = entry.id)
              AND NOT \(Self.editionCites("entry"))
            """)
        #expect(uncited == [])
        #expect(try count("SELECT count(*) FROM loop_time") > 400)
    }

    /// The loop counts no stored page was found for, each with the reason it stays uncited.
    static let uncitedLoopCounts: [String: String] = [
        // Completed 4 (Kelly, Ihara, Raichon, Gauduin) rests on xc-run's account; the stored
        // copy of that page was not returned by any search of this pass, so it is not cited.
        "2025 loop 2": "xc-run's page, the only source of the count, was not found in the stored pages",
    ]

    @Test("every loop count cites the page it was read from (loop_count_source), but the listed exceptions")
    func everyLoopCountCited() throws {
        let uncited = try labels("""
            SELECT edition.year || ' loop ' || loop_count.loop AS label
            FROM loop_count JOIN edition ON edition.id = loop_count.edition_id
            WHERE NOT EXISTS (SELECT 1 FROM loop_count_source
                              WHERE loop_count_source.edition_id = loop_count.edition_id
                                AND loop_count_source.loop = loop_count.loop)
            """)
        #expect(uncited == Self.uncitedLoopCounts.keys.sorted())
        // Gracie's report gives 2006's: "33 starters; 22 finished lap 1 ... 5 finished lap 2".
        #expect(try labels("""
            SELECT loop_count.loop || ':' || loop_count_source.key AS label FROM loop_count_source
            JOIN loop_count USING (edition_id, loop) JOIN edition ON edition.id = loop_count.edition_id
            WHERE year = 2006
            """) == ["1:sleepmonsters", "2:sleepmonsters", "3:sleepmonsters"])
    }

    @Test("1998: Mahoney's excuses column, coded, accounts for all 35 starters")
    func reasons1998() throws {
        let rows = try archive.connection.rows("""
            SELECT coalesce(reason, 'none given') AS reason, count(*) AS n
            FROM entry JOIN edition ON edition.id = entry.edition_id
            WHERE year = 1998 AND outcome <> 'finish' GROUP BY 1
            """)
        var byReason: [String: Int] = [:]
        for row in rows {
            byReason[try row.require("reason", as: String.self)] = try row.require("n", as: Int.self)
        }
        // Typed from barkly98.txt: "RTC" twelve times (Wood, Dobies, Satterfield, Pilon, Hunt,
        // W. Brasington, Trammell, S. Thompson, Basham, Thibeaux, Brittain, Wayne Brasington);
        // "missed cutoff" five (Vance and DeWalt "for 100", Mahoney 29:33, Johnson 31:42,
        // Gleman 13:36); "lost" eight (Lanham, White, Shoener, Barrows, Dill, Andrews, Carlson,
        // Sinclair); "leg hurts" and "sore ankle"; "sick" twice; "Lost glasses", "set down pack
        // and forgot it", "too many hills", "stayed with Debra Moore", "got tired"; and Andrew
        // Thompson's bare "returned at 21:31".
        #expect(byReason == ["refused_to_continue": 12, "missed_cutoff": 5, "lost": 8, "injured": 2,
                             "sick": 2, "other": 5, "none given": 1])
        #expect(byReason.values.reduce(0, +) == 35)
    }

    @Test("1988: Possert and Clifton are disqualified and keep their loop times, the off-course ones unofficial")
    func disqualified1988() throws {
        #expect(try labels("""
            SELECT runner.name AS label FROM entry JOIN edition ON edition.id = entry.edition_id
            JOIN runner ON runner.id = entry.runner_id WHERE outcome = 'disqualified'
            """) == ["Eric Clifton", "Tom Possert"])
        // "Tom Possert (2) 5:52 12:46 * 23:47 * NA NA DQ"; "Eric Clifton 5:50 14:16 * DNS NA NA DQ".
        #expect(try labels("""
            SELECT runner.name || ' ' || loop || ' ' || coalesce(unofficial, 'official') AS label
            FROM loop_time JOIN entry ON entry.id = loop_time.entry_id JOIN edition ON edition.id = entry.edition_id
            JOIN runner ON runner.id = entry.runner_id WHERE year = 1988 AND outcome = 'disqualified'
            """) == ["Eric Clifton 1 official", "Eric Clifton 2 off_course",
                     "Tom Possert 1 official", "Tom Possert 2 off_course", "Tom Possert 3 off_course"])
    }

    @Test("unofficial loops: off course 1986–1988, after the limit in 1998, 1999, 2011, 2017 and 2021")
    func unofficialLoops() throws {
        let held = try labels("""
            SELECT edition.year || ' ' || runner.name || ' ' || loop || ' ' || unofficial AS label
            FROM loop_time JOIN entry ON entry.id = loop_time.entry_id JOIN edition ON edition.id = entry.edition_id
            JOIN runner ON runner.id = entry.runner_id WHERE unofficial IS NOT NULL
            """)
        for expected in [
            "1986 Damon Douglas 2 off_course",         // "Damon Douglas ? 17:08:48*"
            "1987 Fred Pilon 2 off_course",            // "7:22 14:30 * DNS"
            "1987 Tom Possert 2 off_course",
            "1998 Stuart Gleman 1 after_limit",        // "missed cutoff at 13:36"
            "2017 Gary Robbins 5 after_limit",         // "touched the yellow gate at 60:00:06"
            "2021 Courtney Dauwalter 2 after_limit",   // "after 26 hours, 52 minutes ... (The cutoff is 26:40.)"
            "2021 Liz Canty 2 after_limit",
            "2021 Maggie Guterl 2 after_limit",
        ] {
            #expect(held.contains(expected), "\(expected)")
        }
        // An unofficial loop is never a completed one: it lies past the entrant's loops completed.
        #expect(try count("""
            SELECT count(*) FROM loop_time JOIN entry ON entry.id = loop_time.entry_id
            WHERE unofficial IS NOT NULL AND loop <= coalesce(loops_completed, 0)
            """) == 0)
        #expect(try count("""
            SELECT count(*) FROM loop_time JOIN entry ON entry.id = loop_time.entry_id
            WHERE unofficial IS NOT NULL AND outcome = 'finish'
            """) == 0)
    }

    @Test("course facts as the sources give them: Hell 1987, Rat Jaw 1989, Worse Than Hell 1995, Stallion Mountain 2003, books per loop")
    func courseFacts() throws {
        func changes(_ year: Int) throws -> String {
            try archive.connection.scalar("""
                SELECT changes FROM edition_course JOIN edition ON edition.id = edition_id WHERE year = ?
                """, [year], as: String.self) ?? ""
        }
        // Furtaw: "another major hill ("Hell")", "("Rat Jaw") to each loop", "("Worse Than Hell") was added".
        #expect(try changes(1987).contains("Hell"))
        #expect(try changes(1989).contains("Rat Jaw"))
        #expect(try changes(1995).contains("Worse Than Hell"))
        // Mahoney 2003: "The secret course change took us over Stallion Mountain".
        #expect(try changes(2003).contains("Stallion Mountain"))
        // "nine paperback books" (1996), "one of his 9 pages" (1997), "each of the 11 books"
        // (2003), "There are 11 books on the course" (2012), "my 13th and final book page" (2017).
        #expect(try labels("""
            SELECT year || ':' || books AS label FROM edition_course JOIN edition ON edition.id = edition_id
            WHERE books IS NOT NULL
            """) == ["1996:9", "1997:9", "2003:11", "2012:11", "2017:13"])
        // Every course fact is cited (the schema requires it; the count says none was dropped).
        #expect(try count("""
            SELECT count(*) FROM edition_course
            WHERE NOT EXISTS (SELECT 1 FROM course_source WHERE course_source.edition_id = edition_course.edition_id)
            """) == 0)
    }
}
