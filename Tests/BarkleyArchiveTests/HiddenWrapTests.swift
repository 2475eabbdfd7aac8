import BarkleyArchive
import Foundation
import Testing

/// Wrapped times the loop floor cannot see: a loop-4 time shown modulo 24 hours (22:00–24:00),
/// a loop-3 time of a 41-hour fun run, a split over several loops, a time of day without its
/// PM. Each is refused with the likely true time, in `--dry-run` as in the import, the archive
/// unchanged; real times as fast as any on record still pass.
@Suite("Wrapped times above the floor")
struct HiddenWrapTests {
    /// Jasmin Paris's entry in `TimePlausibilityTests.edition2023`, as written there.
    static let paris = "  loops_completed: 3\n  times:\n  - {loop: 3, elapsed: \"35:40:46\"}\n"

    /// The problems of the 2023 fixture with Jasmin Paris's times replaced by `times` (and her loops by `loops`).
    static func problems(loops: Int, times: [(Int, String)]) throws -> [ImportProblem] {
        let lines = times.map { "  - {loop: \($0.0), elapsed: \"\($0.1)\"}\n" }.joined()
        return try TimePlausibilityTests.problems(replacing: paris, with: "  loops_completed: \(loops)\n  times:\n" + lines)
    }

    @Test("a lone loop-4 time wrapped above the floor (2024 Hall: 46:16:27 typed as 22:16:27) is refused with its true time",
          arguments: [("22:16:27", "46:16:27"), ("22:00:00", "46:00:00"), ("23:59:59", "47:59:59"), ("23:05", "47:05")])
    func loneLoopFour(_ wrap: (String, String)) throws {
        let problems = try Self.problems(loops: 4, times: [(4, wrap.0)])
        let problem = try #require(problems.first)
        #expect(problems.count == 1, "\(problems)")
        #expect(problem.rule == .implausibleTime)
        #expect(problem.field == "entrants[1].times[0].elapsed")
        #expect(problem.line == 16)
        #expect(problem.message.contains("wrapped at 24 hours (\(wrap.1)?)"), "\(problem.message)")
        #expect(problem.message.contains("[h]:mm:ss"))
    }

    @Test("a loop-3 time of a fun run at the limit, wrapped above the floor, is refused")
    func funRunAtTheLimit() throws {
        // 40:45:00 is past the 40-hour fun-run limit but inside the hour a result may run over.
        let problem = try #require(try Self.problems(loops: 3, times: [(3, "16:45:00")]).first)
        #expect(problem.rule == .implausibleTime)
        #expect(problem.message.contains("(40:45:00?)"), "\(problem.message)")
    }

    @Test("a wrapped time after an earlier loop, each loop between above the floor, is refused by its pace")
    func wrappedAfterEarlierLoop() throws {
        // Loop 2 at 12:10:00, loop 4 at 23:30:00 (47:30:00 wrapped): 11:20 for two loops passes
        // their floor (11:00), and 12:10 is a real two-loop pace; four loops in 23:30 are not.
        let problems = try Self.problems(loops: 4, times: [(2, "12:10:00"), (4, "23:30:00")])
        let problem = try #require(problems.first)
        #expect(problems.count == 1, "\(problems)")
        #expect(problem.field == "entrants[1].times[1].elapsed")
        #expect(problem.message.contains("(47:30:00?)"), "\(problem.message)")
    }

    @Test("a time 12 hours short (a time of day without its PM) is named as such when no day fits")
    func twelveHoursShort() throws {
        // Two loops in 11:30 after loop 1: under 6 hours a loop; 43:30:00 is past loop 3's limit,
        // 31:30:00 is an ordinary loop-3 time.
        let problem = try #require(try Self.problems(loops: 3, times: [(1, "8:00:00"), (3, "19:30:00")]).first)
        #expect(problem.rule == .implausibleTime)
        #expect(problem.message.contains("12 hours short (31:30:00?)"), "\(problem.message)")
        #expect(!problem.message.contains("wrapped at 24"))
    }

    @Test("a time 12 hours short that goes back before the loop before it names the 12 hours")
    func twelveHoursShortGoingBack() throws {
        let problem = try #require(try Self.problems(loops: 4, times: [(3, "33:00:00"), (4, "34:16:27")]).first)
        #expect(problem.message.contains("12 hours short (46:16:27?)"), "\(problem.message)")
    }

    @Test("fast real times pass: the fastest published two, three, four and five loops, and the true loop-4 times",
          arguments: [[(2, "12:46:00")], [(3, "23:47:00")], [(4, "46:16:27")], [(2, "19:27:49"), (4, "46:16:27")], [(1, "7:58:58"), (3, "24:30:00")]])
    func realTimesPass(_ times: [(Int, String)]) throws {
        #expect(try Self.problems(loops: times.last!.0, times: times).isEmpty)
    }

    @Test("a wrapped loop-4 column in an entrants spreadsheet is refused on its line, naming the column")
    func wrappedSpreadsheetColumn() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2023.yaml", TimePlausibilityTests.edition2023)])
        let before = try fixture.snapshot()
        let url = try fixture.file("entrants-2023.csv", """
            name,loops_completed,loop_1,loop_2,loop_3,loop_4,loop_5
            Karel Sabbe,5,,,,,59:53:33
            Jasmin Paris,4,,,,22:16:27,

            """)
        for dryRun in [true, false] {
            let error = try #require(throws: ImportError.self) { try fixture.archive.importEntrantsCSV(url, year: 2023, dryRun: dryRun) }
            let problem = try #require(error.problems.first)
            #expect(error.problems.count == 1)
            #expect(problem.line == 3)
            #expect(problem.field == "loop_4")
            #expect(problem.message.contains("46:16:27"))
            #expect(try fixture.snapshot() == before)
        }
    }
}
