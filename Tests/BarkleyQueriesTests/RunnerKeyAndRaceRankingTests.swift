import BarkleyArchive
@testable import BarkleyQueries
import Testing

/// A runner found by the key the site's URLs use; `most starts` and `most fun-runs` counted per
/// race, as `most finishes` is.
@Suite("Runner keys and rankings per race")
struct RunnerKeyAndRaceRankingTests {
    let history: History
    init() throws { history = try realHistory() }

    @Test("a runner is found by key (jasmin-paris) as by name, case aside, with the same career")
    func careerByKey() throws {
        let byKey = try history.career(of: "jasmin-paris")
        #expect(byKey.runner == "Jasmin Paris")
        #expect(byKey.key == "jasmin-paris")
        #expect(byKey == (try history.career(of: "Jasmin Paris")))
        #expect(try history.career(of: "JASMIN-PARIS").runner == "Jasmin Paris")
        // Every runner's own key finds them.
        for key in try history.archive.connection.rows("SELECT key FROM runner ORDER BY id LIMIT 40").map({ try $0.require("key", as: String.self) }) {
            #expect(try history.career(of: key).key == key)
        }
    }

    @Test("a key nobody has is an unknown runner, with suggestions")
    func unknownKey() throws {
        #expect(throws: QueryError.self) { try history.career(of: "jasmin-pariss") }
    }

    @Test("most starts counts the 100-mile race by default; --category 3_loop counts 1986–1988 only")
    func mostStartsPerRace() throws {
        let hundred = try history.mostStarts(limit: 1000)
        let threeLoop = try history.mostStarts(limit: 1000, category: .threeLoop)
        let every = try history.mostStarts(limit: 1000, loops: nil, category: nil)
        #expect(threeLoop.runners.allSatisfy { $0.years.allSatisfy { (1986...1988).contains($0) } })
        #expect(hundred.runners.allSatisfy { $0.years.allSatisfy { $0 > 1988 } })
        #expect(!threeLoop.runners.isEmpty)
        // Fred Pilon's 7 starts: 3 of the 3-loop race (1986–1988) and 4 of the 100-mile race.
        #expect(hundred.runners.first { $0.runner == "Fred Pilon" }?.count == 4)
        #expect(threeLoop.runners.first { $0.runner == "Fred Pilon" }?.count == 3)
        // The two races together are every start, never one counted twice.
        #expect(hundred.runners.map(\.count).reduce(0, +) + threeLoop.runners.map(\.count).reduce(0, +)
            == (try history.archive.connection.row("SELECT count(*) AS n FROM entry")?.require("n", as: Int.self)))
        #expect(every == hundred)
    }

    @Test("most fun runs counts one race: the 3-loop race has none, the 100-mile race all of them")
    func mostFunRunsPerRace() throws {
        let hundred = try history.mostFunRuns(limit: 1000)
        let threeLoop = try history.mostFunRuns(limit: 1000, category: .threeLoop)
        #expect(threeLoop.runners.allSatisfy { $0.years.allSatisfy { (1986...1988).contains($0) } })
        #expect(hundred.runners.allSatisfy { $0.years.allSatisfy { $0 > 1988 } })
        #expect(hundred.runners.first?.runner == "Blake Wood")
        #expect(hundred.runners.map(\.count).reduce(0, +) + threeLoop.runners.map(\.count).reduce(0, +)
            == (try history.archive.connection.row("SELECT count(*) AS n FROM entry WHERE outcome = 'fun_run'")?.require("n", as: Int.self)))
    }
}
