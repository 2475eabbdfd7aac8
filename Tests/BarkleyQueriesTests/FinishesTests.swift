import BarkleyArchive
@testable import BarkleyQueries
import Testing

/// Finishes, checked against `shared/reference/finishes.csv` and facts.md ("Totals", "Most finishes").
@Suite("Finishes")
struct FinishesTests {
    let history: History
    init() throws { history = try realHistory() }

    @Test("2024: five finishers in order of time (finishes.csv place_in_year)")
    func finishers2024() throws {
        let result = try history.finishers(in: 2024)
        #expect(result.held)
        #expect(result.statedFinishers == 5)
        #expect(result.finishes.map { "\($0.place) \($0.runner) \(text($0.time))" } == [
            "1 Ihor Verys 58:44:59", "2 John Kelly 59:15:38", "3 Jared Campbell 59:30:32",
            "4 Greig Hamilton 59:38:42", "5 Jasmin Paris 59:58:21",
        ])
        #expect(result.finishes.map(\.country) == ["CAN", "USA", "USA", "NZL", "GBR"])
        #expect(result.finishes.last?.sex == .female)
        #expect(result.finishes.last?.marginSeconds == 99)
        // Every finisher is named: the sources state five and five are listed.
        #expect(result.completeness.isComplete)
        #expect(result.completeness.partialEntrantLists == [2024])
    }

    @Test("2001: Horton and Wood finished together in 58:21, Horton listed first; the time is to the minute")
    func tie2001() throws {
        let finishes = try history.finishers(in: 2001).finishes
        #expect(finishes.map { "\($0.place) \($0.runner) \(text($0.time))" } == ["1 David Horton 58:21", "2 Blake Wood 58:21"])
        #expect(finishes.allSatisfy { $0.time?.isApproximate == true })
    }

    @Test("a year not held has no finishes and says so; a year without finishers has none")
    func emptyYears() throws {
        let notHeld = try history.finishers(in: 2020)
        #expect(!notHeld.held)
        #expect(notHeld.finishes.isEmpty)
        let none = try history.finishers(in: 2025)
        #expect(none.held)
        #expect(none.finishes.isEmpty)
        #expect(none.statedFinishers == 0)
    }

    @Test("a year outside the archive is an error, not an empty answer")
    func unknownYear() throws {
        #expect(throws: QueryError.noEdition(race: Edition.barkley, year: 1985)) { try history.finishers(in: 1985) }
    }

    @Test("every finish in order: 27 rows, 1988 Furtaw first, 2024 Paris last (finishes.csv)")
    func allFinishes() throws {
        let list = try history.allFinishes()
        #expect(list.finishes.count == 27)
        #expect(list.finishes.first.map { "\($0.year) \($0.runner) \(text($0.time)) \($0.loops ?? 0)" } == "1988 Ed Furtaw 32:14:50 3")
        #expect(list.finishes.last.map { "\($0.year) \($0.runner)" } == "2024 Jasmin Paris")
        #expect(list.finishes.map(\.year) == [1988, 1995, 2001, 2001, 2003, 2004, 2004, 2008, 2009, 2010, 2011, 2012, 2012, 2012,
                                              2013, 2013, 2014, 2016, 2017, 2023, 2023, 2023, 2024, 2024, 2024, 2024, 2024])
        #expect(list.completeness.isComplete)
    }

    @Test("totals: 27 finishes by 21 runners; 26 five-loop finishes by 20 (facts.md 'Totals')")
    func totals() throws {
        let totals = try history.finishTotals()
        #expect(totals.finishes == 27)
        #expect(totals.finishers == 21)
        #expect(totals.atLoops(5).map { [$0.finishes, $0.finishers, $0.firstYear, $0.lastYear] } == [26, 20, 1995, 2024])
        #expect(totals.atLoops(3).map { [$0.finishes, $0.finishers, $0.firstYear] } == [1, 1, 1988])
        #expect(totals.byLoops.map(\.loops) == [3, 5])
        // Every held edition states its finishers (editions.csv), so the count is complete even
        // though every entrant list but 1998's (Mahoney's table of all 35) is partial or unknown.
        #expect(totals.completeness.isComplete)
        #expect(totals.completeness.partialEntrantLists.count == 37)
    }

    @Test("repeat finishers: Campbell 4, Kelly 3, Maune 2 (facts.md 'Most finishes')")
    func repeats() throws {
        let repeats = try history.repeatFinishers()
        #expect(repeats.runners.map { "\($0.runner) \($0.finishes) \($0.years)" } == [
            "Jared Campbell 4 [2012, 2014, 2016, 2024]",
            "John Kelly 3 [2017, 2023, 2024]",
            "Brett Maune 2 [2011, 2012]",
        ])
        #expect(repeats.completeness.isComplete)
    }
}
