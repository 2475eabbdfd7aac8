import BarkleyArchive
import Foundation
import SQLiteLayer
import Testing

/// The reader views of `Migrations/0010_reader_views_races_reasons.sql`: the race each edition's
/// finishes count for, reasons, and unofficial loops, read on the sample history through
/// barkley's own connection.
@Suite("Views with races, reasons and unofficial loops")
struct ReaderViewsRacesReasonsTests {
    private func history() throws -> Connection {
        let archive = try Archive.inMemory()
        try archive.importFiles(try SampleDataFiles.urls())
        return archive.connection
    }

    @Test("finishes counted by category keep the 100-mile race's 26 by 20 runners apart from the 3-loop race's 1")
    func finishesByCategorySplitTheTwoRaces() throws {
        let db = try history()
        let rows = try db.rows("""
            SELECT category, count(*) AS finishes, count(DISTINCT runner_id) AS finishers, group_concat(DISTINCT year) AS years
            FROM finishes GROUP BY category ORDER BY category
            """)
        let byCategory = Dictionary(uniqueKeysWithValues: try rows.map { (try $0.require("category", as: String.self), $0) })
        #expect(Set(byCategory.keys) == ["100-mile", "3-loop"])
        let hundred = try #require(byCategory["100-mile"])
        #expect(try hundred.require("finishes", as: Int.self) == 26)
        #expect(try hundred.require("finishers", as: Int.self) == 20)
        let threeLoop = try #require(byCategory["3-loop"])
        #expect(try threeLoop.require("finishes", as: Int.self) == 1)
        #expect(try threeLoop.require("years", as: String.self) == "1988")
        #expect(try db.scalar("SELECT runner FROM finishes WHERE category = '3-loop'", as: String.self) == "Ed Furtaw")
    }

    @Test("every view's category is the edition's stated race, or the one its format gives, in words")
    func categoryIsStatedOrDerivedFromTheFormat() throws {
        let db = try history()
        let editions = try db.rows("SELECT year, category, finish_loops FROM edition")
        #expect(editions.count > 30)
        for edition in editions {
            let year: Int = try edition.require("year")
            let stated = try edition.optional("category", as: String.self).flatMap(RaceCategory.init(rawValue:))
            let loops: Int? = try edition.optional("finish_loops")
            let expected = (stated ?? RaceCategory.derived(fromLoops: loops)).label
            let overview = try db.scalar("SELECT category FROM editions_overview WHERE year = ?", [year], as: String.self)
            #expect(overview == expected, "\(year)")
            for view in ["finishes", "edition_results", "loop_times"] {
                let categories = try db.rows("SELECT DISTINCT category FROM \(view) WHERE year = ?", [year]).map { try $0.require("category", as: String.self) }
                #expect(categories.allSatisfy { $0 == expected }, "\(view) \(year): \(categories)")
            }
        }
        #expect(try db.scalar("SELECT category FROM editions_overview WHERE year = 1988", as: String.self) == "3-loop")
        #expect(try db.scalar("SELECT category FROM editions_overview WHERE year = 2024", as: String.self) == "100-mile")
    }

    @Test("edition_results gives each coded reason in words with its note; 1998's reasons sum as Mahoney's table does")
    func resultsCarryReasonsInWords() throws {
        let db = try history()
        let coded = try db.scalar("SELECT count(*) FROM entry WHERE reason IS NOT NULL", as: Int.self)
        #expect(try db.scalar("SELECT count(*) FROM edition_results WHERE reason IS NOT NULL", as: Int.self) == coded)
        let words = Set(try db.rows("SELECT DISTINCT reason FROM edition_results WHERE reason IS NOT NULL").map { try $0.require("reason", as: String.self) })
        #expect(words.isSubset(of: ["refused to continue", "missed cutoff", "lost", "injured", "sick", "pages missing", "other"]), "\(words)")
        let reasons1998 = Dictionary(uniqueKeysWithValues: try db.rows("SELECT reason, count(*) AS n FROM edition_results WHERE year = 1998 AND reason IS NOT NULL GROUP BY reason")
            .map { (try $0.require("reason", as: String.self), try $0.require("n", as: Int.self)) })
        #expect(reasons1998 == ["refused to continue": 12, "missed cutoff": 5, "lost": 8, "injured": 2, "sick": 2, "other": 5])
        let possert = try #require(try db.rows("SELECT * FROM edition_results WHERE year = 1988 AND runner = 'Tom Possert'").first)
        #expect(try possert.require("outcome", as: String.self) == "disqualified")
        #expect(try possert.require("reason", as: String.self) == "other")
        #expect(try possert.require("reason_note", as: String.self).contains("skipped"))
        #expect(try possert.require("loops_completed", as: Int.self) == 1)
        #expect(try possert.require("unofficial_loops", as: Int.self) == 2)
        // A finisher has no reason.
        #expect(try db.scalar("SELECT count(*) FROM edition_results WHERE outcome = 'finish' AND (reason IS NOT NULL OR reason_note IS NOT NULL)", as: Int.self) == 0)
    }

    @Test("loop_times marks each unofficial loop in words, and edition_results counts them per entrant")
    func unofficialLoopsAreMarked() throws {
        let db = try history()
        let stored = try db.scalar("SELECT count(*) FROM loop_time WHERE unofficial IS NOT NULL", as: Int.self)
        #expect(stored == 18)
        #expect(try db.scalar("SELECT count(*) FROM loop_times WHERE unofficial IS NOT NULL", as: Int.self) == stored)
        #expect(try db.scalar("SELECT sum(unofficial_loops) FROM edition_results", as: Int.self) == stored)
        let robbins = try #require(try db.rows("SELECT * FROM loop_times WHERE year = 2017 AND runner = 'Gary Robbins' AND loop = 5").first)
        #expect(try robbins.require("time", as: String.self) == "60:00:06")
        #expect(try robbins.optional("unofficial", as: String.self) != nil)
        #expect(try db.scalar("SELECT unofficial FROM loop_times WHERE year = 1986 AND runner = 'Damon Douglas' AND loop = 2", as: String.self) == "off course")
        let words = Set(try db.rows("SELECT DISTINCT unofficial FROM loop_times WHERE unofficial IS NOT NULL").map { try $0.require("unofficial", as: String.self) })
        #expect(words.isSubset(of: ["off course", "after the limit", "wrong direction"]) && words.contains("after the limit"), "\(words)")
        // A loop that counts is not marked.
        #expect(try db.scalar("SELECT count(*) FROM loop_times WHERE year = 2017 AND runner = 'John Kelly' AND unofficial IS NULL", as: Int.self) == 5)
    }
}
