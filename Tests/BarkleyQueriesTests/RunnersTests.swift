import BarkleyArchive
@testable import BarkleyQueries
import Testing

/// Careers, rankings and countries, checked against finishes.csv, fun_runs.csv, loop_splits.csv
/// and the edition notes in editions.csv.
@Suite("Runners")
struct RunnersTests {
    let history: History
    init() throws { history = try realHistory() }

    @Test("Jasmin Paris: fun run 2022 (39:49:56), three loops in 2023, the finish in 2024")
    func parisCareer() throws {
        let career = try history.career(of: "jasmin paris")
        #expect(career.runner == "Jasmin Paris")
        #expect(career.years.map { "\($0.year) \($0.outcome.rawValue) \($0.loopsCompleted ?? -1)" } == [
            "2022 fun_run 3", "2023 fun_run 3", "2024 finish 5",
        ])
        // run247 (2022): loop 1 in 9:24:19, back from loop 2 at 23:38:31, loop 3 in 39:49:56.
        #expect(career.years[0].times.map { "\($0.loop) \($0.time)" } == ["1 9:24:19", "2 23:38:31", "3 39:49:56"])
        // loop_splits.csv 2023: 8:36:57, 21:13:07 (loop-2 split 12:36:10), 35:40:46 (loop-3 split 14:27:39).
        #expect(career.years[1].times.map { "\($0.loop) \($0.time) \(text($0.split))" } == [
            "1 8:36:57 8:36:57", "2 21:13:07 12:36:10", "3 35:40:46 14:27:39",
        ])
        #expect(career.years[1].times.first?.direction == .clockwise)
        #expect(career.years[2].times.last.map { text($0.time) } == "59:58:21")
        #expect([career.starts, career.finishes, career.funRuns] == [3, 1, 2])
        #expect(career.years[0].firstAttempt == true)
        #expect(!career.completeness.isComplete)
        #expect(!career.completeness.incompleteYears.contains(2024))
    }

    @Test("a runner found by another spelling: 'Aurelien Sanchez', 'Nick Hollan'")
    func byAlias() throws {
        let sanchez = try history.career(of: "Aurelien Sanchez")
        #expect(sanchez.runner == "Aurélien Sanchez")
        #expect(sanchez.years.map { "\($0.year) \($0.outcome.rawValue)" } == ["2023 finish", "2024 dropped"])
        #expect(sanchez.aliases == ["Aurelien Sanchez"])
        let hollon = try history.career(of: "Nick Hollan")
        #expect(hollon.runner == "Nick Hollon")
        #expect(hollon.years.map(\.year) == [2011, 2012, 2013])
    }

    @Test("an unknown name is an error that suggests close names")
    func unknownRunner() throws {
        #expect(throws: QueryError.noRunner(name: "Jasmine Pariss", suggestions: ["Jasmin Paris"])) {
            try history.career(of: "Jasmine Pariss")
        }
    }

    @Test("careers(of:) reads the race once and gives each name the career career(of:) gives, in order")
    func careersOfMany() throws {
        // Every runner of the race, a spelling of a name, and runners with disputed facts of
        // their own (what one runner's career uses must not leak into the next).
        let names = try history.mostStarts(limit: nil).runners.map(\.runner) + ["Nick Hollan", "Greig Hamilton", "Jared Campbell"]
        var given: [(String, Career)] = []
        try history.careers(of: names) { given.append(($0, $1)) }
        #expect(given.map(\.0) == names)
        for (name, career) in given { #expect(career == (try history.career(of: name)), "\(name)") }
        #expect(throws: QueryError.noRunner(name: "Jasmine Pariss", suggestions: ["Jasmin Paris"])) {
            try history.careers(of: ["Jasmin Paris", "Jasmine Pariss"]) { _, _ in }
        }
    }

    @Test("most starts of the 100-mile race: Jared Campbell and John Kelly 7, then Wood, Satterfield, Thompson and Coury 6")
    func mostStarts() throws {
        let ranking = try history.mostStarts(limit: 6)
        // Campbell: 2012, 2014, 2016, 2019 (cactustoclouds), 2021, 2023 (Sudbury), 2024.
        // Kelly: 2016, 2017, 2019, 2022–2025. Wood: 1997–2001, 2011. Coury: 2014, 2015, 2017–2019, 2021.
        // Satterfield: 1997–1999, 2011, 2017, 2018. Fred Pilon's 7 starts are 4 of this race
        // (1995, 1997–1999) and 3 of the 3-loop race (1986–1988), which is counted apart.
        // Ties rank by first year.
        #expect(ranking.runners.map { "\($0.rank) \($0.runner) \($0.count)" } == [
            "1 Jared Campbell 7", "1 John Kelly 7",
            "3 Blake Wood 6", "3 DeWayne Satterfield 6", "3 Andrew Thompson 6", "3 Jamil Coury 6",
        ])
        #expect(ranking.runners[0].years == [2012, 2014, 2016, 2019, 2021, 2023, 2024])
        #expect(ranking.runners[2].years == [1997, 1998, 1999, 2000, 2001, 2011])
        // Only 1998 (Mahoney's table of all 35) names every starter of the 35 held 100-mile editions.
        #expect(ranking.completeness.incompleteYears.count == 34)
        #expect(!ranking.completeness.incompleteYears.contains(1998))
        // Fred Pilon and Gary Cantrell both started 1986, 1987 and 1988: a tie for first, kept whole.
        #expect(try history.mostStarts(limit: 1, category: .threeLoop).runners.map { "\($0.rank) \($0.runner) \($0.count)" }
            == ["1 Fred Pilon 3", "1 Gary Cantrell 3"])
    }

    @Test("most fun runs: Blake Wood 5, Mike Dobies 4, then four with 3 (fun_runs.csv)")
    func mostFunRuns() throws {
        let ranking = try history.mostFunRuns(limit: 6)
        #expect(ranking.runners.map { "\($0.rank) \($0.runner) \($0.count)" } == [
            "1 Blake Wood 5", "2 Mike Dobies 4",
            "3 Craig Wilson 3", "3 Gary Robbins 3", "3 John Kelly 3", "3 Greig Hamilton 3",
        ])
        #expect(ranking.runners[0].years == [1997, 1998, 1999, 2000, 2011])
        #expect(!ranking.completeness.isComplete)
    }

    @Test("most finishes of the 100-mile race: Campbell 4, Kelly 3, Maune 2, then 1 each; the 3-loop race's is Furtaw's alone")
    func mostFinishes() throws {
        let ranking = try history.mostFinishes(limit: 4)
        // The fourth place is a tie of everyone with one finish, Mark Williams (1995) first: kept whole.
        #expect(ranking.runners.prefix(4).map { "\($0.rank) \($0.runner) \($0.count)" } == [
            "1 Jared Campbell 4", "2 John Kelly 3", "3 Brett Maune 2", "4 Mark Williams 1",
        ])
        #expect(ranking.completeness.isComplete)
        #expect(try history.mostFinishes(limit: 100).runners.map(\.count).reduce(0, +) == 26)
        let threeLoop = try history.mostFinishes(category: .threeLoop)
        #expect(threeLoop.runners.map { "\($0.rank) \($0.runner) \($0.count) \($0.years)" } == ["1 Ed Furtaw 1 [1988]"])
    }

    @Test("countries by finishes, fun runs and starts (finishes.csv, fun_runs.csv; SUI→CHE, NED→NLD)")
    func countries() throws {
        let table = try history.countries()
        // Starts grow with the countries cactustoclouds gives for 2018 (converted to ISO codes) and
        // Sudbury's for 2023; finishes and fun runs are unchanged.
        #expect(table.countries.map { "\($0.country ?? "?") \($0.finishes)/\($0.funRuns)/\($0.starts)" } == [
            "USA 21/13/84", "GBR 2/5/9", "FRA 1/3/8", "CAN 1/3/6", "NZL 1/3/4", "BEL 1/2/3",
            "ESP 0/2/3", "JPN 0/2/3", "SWE 0/2/3", "CHE 0/1/4", "NLD 0/1/1",
            "AUS 0/0/2", "BGR 0/0/1", "CZE 0/0/1", "IRL 0/0/1",
            "? 0/47/307",
        ])
        let byCountry = Dictionary(uniqueKeysWithValues: table.countries.map { ($0.country ?? "?", $0) })
        #expect(byCountry["USA"].map { [$0.finishers, $0.runners] } == [15, 60])
        #expect(byCountry["FRA"].map { [$0.finishers, $0.runners] } == [1, 7])
        #expect(table.countries.map(\.starts).reduce(0, +) == 440)
        #expect(table.finishesCompleteness.isComplete)
        #expect(!table.funRunsCompleteness.isComplete)
        #expect(!table.startsCompleteness.isComplete)
    }
}
