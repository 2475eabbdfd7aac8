import BarkleyArchive
@testable import BarkleyQueries
import Foundation
import Testing

/// Fun runs, checked against `shared/reference/fun_runs.csv` (84 rows) and editions.csv
/// (`fun_run_completers`).
@Suite("Fun runs")
struct FunRunsTests {
    let history: History
    init() throws { history = try realHistory() }

    @Test("2025: John Kelly's fun run, 39:50:27, the only one; the list is complete")
    func funRuns2025() throws {
        let result = try history.funRunCompleters(in: 2025)
        #expect(result.held)
        #expect(result.statedFunRuns == 1)
        #expect(result.funRuns.map { "\($0.runner) \(text($0.time))" } == ["John Kelly 39:50:27"])
        #expect(result.completeness.isComplete)
    }

    @Test("2024: six named of seven stated, timed ones first; the list may be short")
    func funRuns2024() throws {
        let result = try history.funRunCompleters(in: 2024)
        #expect(result.statedFunRuns == 7)
        #expect(Set(result.funRuns.map(\.runner)) == ["Damian Hall", "Sebastien Raichon", "Albert Herrero Casas",
                                                       "Tomokazu Ihara", "Maxime Gauduin", "Guillaume Calmettes"])
        #expect(result.funRuns.first?.runner == "Guillaume Calmettes")
        #expect(result.funRuns.first?.time.map(text) == "39:52:59")
        #expect(result.completeness.incompleteYears == [2024])
    }

    @Test("a year not held has none and says so; a year outside the archive is an error")
    func emptyYears() throws {
        let notHeld = try history.funRunCompleters(in: 2020)
        #expect(!notHeld.held)
        #expect(notHeld.funRuns.isEmpty)
        #expect(throws: QueryError.noEdition(race: Edition.barkley, year: 1985)) { try history.funRunCompleters(in: 1985) }
    }

    @Test("every fun run: 84 rows by year, 1991 first, 2025 Kelly last")
    func allFunRuns() throws {
        let list = try history.allFunRunCompletions()
        #expect(list.funRuns.count == 84)
        #expect(list.funRuns.map(\.year) == list.funRuns.map(\.year).sorted())
        #expect(list.funRuns.first?.year == 1991)
        #expect(list.funRuns.last.map { "\($0.year) \($0.runner)" } == "2025 John Kelly")
        #expect(list.completeness.incompleteYears.contains(2024))
        #expect(!list.completeness.incompleteYears.contains(2025))
    }

    @Test("scoped to the race: another race's fun runs are not counted")
    func scopedToTheRace() throws {
        let archive = try Synthetic.archive([
            Synthetic.edition(2001, entrants: [Synthetic.runner("A", loops: 3), Synthetic.runner("B", loops: 5)]),
            Synthetic.edition(2001, race: "Other", entrants: [Synthetic.runner("C", loops: 3)]),
        ])
        let list = try History(archive: archive).allFunRunCompletions()
        #expect(list.funRuns.map(\.runner) == ["A"])
        #expect(list.completeness.isComplete)
        #expect(try History(archive: archive, race: "Other").funRunCompleters(in: 2001).funRuns.map(\.runner) == ["C"])
    }

    @Test("JSON: snake_case keys, and it round-trips")
    func coding() throws {
        let result = try history.funRunCompleters(in: 2025)
        let data = try JSONEncoder().encode(result)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"fun_runs\""))
        #expect(text.contains("\"stated_fun_runs\""))
        #expect(try JSONDecoder().decode(EditionFunRuns.self, from: data) == result)
        #expect(try JSONDecoder().decode(FunRunList.self, from: JSONEncoder().encode(history.allFunRunCompletions())) == history.allFunRunCompletions())
    }
}
