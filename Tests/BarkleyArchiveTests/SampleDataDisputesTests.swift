import BarkleyArchive
import BarkleyBuiltInArchive
import Foundation
import SQLiteLayer
import Testing

/// The disputes the public record holds (issue 16 item 3, public-record.md §4), read from the
/// built-in archive. Every expected value was typed from the stored page named beside it, not
/// from `SampleData/`: GearJunkie ("6:54 a.m. EST"), Outside's copy at walkwatchwonder ("the
/// conch was blown at 5:54 a.m."; "30 of the 38 entered"), run247's start report ("started at
/// 07:54 CST"), ultrarunninghistory ("about 35 starters"; "six runners finished Loop 2"),
/// rhythmofthesword ("13 runners out on Loop 3") and Sudbury ("All 12 runners are now on loop
/// three") for 2023, keepgoingrun ("Of the 40 entrants who started") and the Runner's World copy
/// at erlebniswelt ("the roughly 45 runners entered") for 2025.
@Suite("SampleData: disputed values the sources give")
struct SampleDataDisputesTests {
    let archive: Archive

    init() throws {
        archive = try BuiltInArchive.open()
    }

    /// One alternative as stored: its value, its source keys in order, and their citations.
    struct Stored: Equatable {
        let value: String
        let keys: [String]
    }

    /// The alternatives of one edition-level or loop-level field of `year`, in file order.
    /// `loop` nil means the edition's own field; entrant-level alternatives are left out.
    func alternatives(_ year: Int, field: String, loop: Int? = nil) throws -> [Stored] {
        let rows = try archive.connection.rows("""
            SELECT disputed_value.id AS id, value FROM disputed_value JOIN edition ON edition.id = disputed_value.edition_id
            WHERE year = ? AND field = ? AND entry_id IS NULL AND loop IS ?
            ORDER BY position
            """, [year, field, loop])
        return try rows.map { row in
            let id: Int = try row.require("id")
            let keys = try archive.connection.rows(
                "SELECT key FROM disputed_value_source WHERE disputed_id = ? ORDER BY position", [id]
            ).map { try $0.require("key", as: String.self) }
            return Stored(value: try row.require("value"), keys: keys)
        }
    }

    /// The citation (URL) of source `key` in `year`'s edition.
    func citation(_ year: Int, _ key: String) throws -> String? {
        try archive.connection.scalar("""
            SELECT citation FROM edition_source JOIN edition ON edition.id = edition_id JOIN source ON source.id = source_id
            WHERE year = ? AND key = ?
            """, [year, key], as: String.self)
    }

    @Test("2022: the start time is 06:54 (GearJunkie, Outside); run247's 07:54 is kept as a cited alternative")
    func startTime2022() throws {
        #expect(try archive.connection.scalar("SELECT start_time FROM edition WHERE year = 2022", as: String.self) == "06:54")
        let others = try alternatives(2022, field: "start_time")
        #expect(others.map(\.value) == ["07:54"])
        let key = try #require(others.first?.keys.first)
        #expect(try citation(2022, key)?.hasPrefix("https://run247.com/") == true)
        let editionCites = try archive.connection.rows("""
            SELECT key FROM edition_source JOIN edition ON edition.id = edition_id
            WHERE year = 2022 AND cite_position IS NOT NULL
            """).map { try $0.require("key", as: String.self) }
        #expect(editionCites.contains("gearjunkie"))
        #expect(editionCites.contains("outside22"))
    }

    @Test("2022: 40 starters with Outside's 38 and ultrarunninghistory's 35; six finished loop 2, GearJunkie says five")
    func counts2022() throws {
        #expect(try archive.connection.scalar("SELECT starters FROM edition WHERE year = 2022", as: Int.self) == 40)
        #expect(try alternatives(2022, field: "starters") == [Stored(value: "38", keys: ["outside22"]), Stored(value: "35", keys: ["urh"])])
        #expect(try alternatives(2022, field: "completed", loop: 2) == [Stored(value: "5", keys: ["gearjunkie"])])
        #expect(try alternatives(2022, field: "started", loop: 2).map(\.value) == ["30"])
    }

    @Test("2023: 13 started loop 3 (rhythmofthesword); Sudbury's 'all 12 runners' is the alternative; Hamilton's presence is disputed")
    func disputes2023() throws {
        #expect(try archive.connection.scalar("""
            SELECT started FROM loop_count JOIN edition ON edition.id = edition_id WHERE year = 2023 AND loop = 3
            """, as: Int.self) == 13)
        #expect(try alternatives(2023, field: "started", loop: 3) == [Stored(value: "12", keys: ["sudbury"])])
        #expect(try archive.connection.scalar("""
            SELECT count(*) FROM disputed_value JOIN entry ON entry.id = entry_id JOIN runner ON runner.id = runner_id
            JOIN edition ON edition.id = disputed_value.edition_id
            WHERE year = 2023 AND runner.name = 'Greig Hamilton' AND field = 'entered' AND value = 'false'
            """, as: Int.self) == 1)
    }

    @Test("2025: 40 started (keepgoingrun); Runner's World's 'roughly 45' is the alternative")
    func starters2025() throws {
        #expect(try archive.connection.scalar("SELECT starters FROM edition WHERE year = 2025", as: Int.self) == 40)
        #expect(try alternatives(2025, field: "starters") == [Stored(value: "45", keys: ["erlebniswelt"])])
    }

    @Test("1997: Mahoney credits 2 fun runs; Blake Wood's own report says he was 'one of three to do so'")
    func funRuns1997() throws {
        #expect(try archive.connection.scalar("SELECT stated_fun_runs FROM edition WHERE year = 1997", as: Int.self) == 2)
        #expect(try alternatives(1997, field: "fun_run_completers") == [Stored(value: "3", keys: ["lanl97"])])
    }

    @Test("1998: every loop count cites Mahoney's table (35 started; 28, 13 and 5 completed loops 1-3)")
    func counts1998AreCited() throws {
        let rows = try archive.connection.rows("""
            SELECT loop_count.loop AS loop, started, completed,
                   (SELECT group_concat(key) FROM loop_count_source s
                    WHERE s.edition_id = loop_count.edition_id AND s.loop = loop_count.loop) AS keys
            FROM loop_count JOIN edition ON edition.id = edition_id WHERE year = 1998 ORDER BY loop_count.loop
            """)
        let described = try rows.map { row -> String in
            let started: Int? = try row.optional("started")
            let completed: Int? = try row.optional("completed")
            let keys: String? = try row.optional("keys")
            return "\(try row.require("loop", as: Int.self)):\(started.map(String.init) ?? "-")/\(completed.map(String.init) ?? "-") \(keys ?? "uncited")"
        }
        #expect(described == ["1:35/28 mahoney98", "2:23/13 mahoney98", "3:7/5 mahoney98", "4:1/0 mahoney98"])
    }

    @Test("the stated cutoffs are held with their sources: 2021 loop 2 26:40, 2022 12:00 and 24:00, 2025 loop 1 13:20")
    func statedCutoffs() throws {
        func cutoff(_ year: Int, _ loop: Int) throws -> (seconds: Int?, keys: [String]) {
            let seconds = try archive.connection.scalar("""
                SELECT cutoff_seconds FROM loop_cutoff JOIN edition ON edition.id = edition_id WHERE year = ? AND loop = ?
                """, [year, loop], as: Int.self)
            let keys = try archive.connection.rows("""
                SELECT key FROM loop_cutoff_source JOIN edition ON edition.id = edition_id WHERE year = ? AND loop = ? ORDER BY position
                """, [year, loop]).map { try $0.require("key", as: String.self) }
            return (seconds, keys)
        }
        let l2021 = try cutoff(2021, 2)
        #expect(l2021.seconds == 26 * 3600 + 40 * 60)
        #expect(l2021.keys == ["cr_two"])
        let first2022 = try cutoff(2022, 1)
        #expect(first2022.seconds == 12 * 3600)
        #expect(first2022.keys == ["cr_loop2"])
        let second2022 = try cutoff(2022, 2)
        #expect(second2022.seconds == 24 * 3600)
        #expect(second2022.keys == ["run247_paris"])
        let first2025 = try cutoff(2025, 1)
        #expect(first2025.seconds == 13 * 3600 + 20 * 60)
        #expect(first2025.keys == ["erlebniswelt"])
    }
}
