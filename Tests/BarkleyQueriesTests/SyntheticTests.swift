import BarkleyArchive
@testable import BarkleyQueries
import Testing

/// Behaviour the real data cannot show: a complete entrant list, and an archive of two races.
@Suite("Complete lists and other races")
struct SyntheticTests {
    let archive: Archive

    init() throws {
        archive = try Synthetic.archive([
            // Complete list: every count is known from the names alone.
            Synthetic.edition(2001, entrants: [
                Synthetic.runner("Ann Able", loops: 5, extra: 600, country: "GBR", sex: .female),
                Synthetic.runner("Bob Baker", loops: 3, country: "USA", sex: .male),
                Synthetic.runner("Cy Cole", loops: 1),
            ]),
            // Partial list with no stated counts: nothing beyond the names is known.
            Synthetic.edition(2002, list: .partial, starters: 30, entrants: [
                Synthetic.runner("Bob Baker", loops: 5, extra: 60, country: "USA", sex: .male),
            ]),
            // Another race in the same archive, the same year, faster.
            Synthetic.edition(2001, race: "Other Race", entrants: [
                Synthetic.runner("Olga Other", loops: 5, country: "NOR", sex: .female),
            ]),
        ])
    }

    @Test("a complete list makes counts complete; a partial one without stated counts does not")
    func completeness() throws {
        let history = History(archive: archive)
        let finishers2001 = try history.finishers(in: 2001)
        #expect(finishers2001.completeness.isComplete)
        #expect(finishers2001.completeness.partialEntrantLists.isEmpty)
        let totals = try history.finishTotals()
        #expect([totals.finishes, totals.finishers] == [2, 2])
        #expect(totals.completeness.incompleteYears == [2002])
        #expect(totals.completeness.partialEntrantLists == [2002])
        let perYear = try history.resultsPerYear()
        #expect(perYear.map { [$0.finishers, $0.funRuns] } == [[1, 1], [nil, nil]])
    }

    @Test("a complete list gives every loop count")
    func attrition() throws {
        let loops = try History(archive: archive).attrition(year: 2001).loops
        // Loop 1's starters are published; completions follow from the names, as every starter is
        // named with their loops. Loop 3 was started by no more than the 2 who completed loop 2 and
        // no fewer than the 2 who completed it, so by 2; loop 5 likewise by 1. Whether Cy went out
        // on loop 2, or Bob on loop 4, is not known.
        #expect(loops.map { "\($0.started.map(String.init) ?? "?")/\($0.completed.map(String.init) ?? "?")" } == [
            "3/3", "?/2", "2/2", "?/1", "1/1",
        ])
        #expect(loops.map(\.startedIsDeduced) == [false, false, true, false, true])
        #expect(loops.map(\.namedCompleted) == [3, 2, 2, 1, 1])
    }

    @Test("each history sees only its race")
    func races() throws {
        let barkley = History(archive: archive)
        let other = History(archive: archive, race: "Other Race")
        #expect(try barkley.finishers(in: 2001).finishes.map(\.runner) == ["Ann Able"])
        #expect(try other.finishers(in: 2001).finishes.map(\.runner) == ["Olga Other"])
        #expect(try barkley.records().fastestFinish.map(\.runner) == ["Bob Baker"])
        #expect(try barkley.firsts().womanFinish.achievers.map(\.runner) == ["Ann Able"])
        #expect(try barkley.countries().countries.compactMap(\.country) == ["USA", "GBR"])
        #expect(try barkley.searchRunners("olga").matches.isEmpty)
        #expect(throws: QueryError.self) { try barkley.career(of: "Olga Other") }
        #expect(throws: QueryError.noEdition(race: "Other Race", year: 2002)) { try other.finishers(in: 2002) }
    }

    @Test("a runner's career spans the years they ran")
    func career() throws {
        let career = try History(archive: archive).career(of: "bob baker")
        #expect(career.years.map { "\($0.year) \($0.outcome.rawValue)" } == ["2001 fun_run", "2002 finish"])
        #expect(career.years[1].times.map { text($0.split) } == ["10:00:00", "10:00:00", "10:00:00", "10:00:00", "10:01:00"])
        #expect(career.completeness.incompleteYears.isEmpty)
    }
}
