import BarkleyArchive
@testable import BarkleyQueries
import Testing

/// Editions, checked against editions.csv and facts.md ("Years without finishers").
@Suite("Editions")
struct EditionsTests {
    let history: History
    init() throws { history = try realHistory() }

    @Test("2024 at a glance (editions.csv, finishes.csv, fun_runs.csv)")
    func summary2024() throws {
        let summary = try history.editionSummary(year: 2024)
        #expect(summary.held)
        #expect(summary.startDate == "2024-03-20")
        #expect(summary.startTime == "05:17")
        #expect(summary.format.loops == 5)
        #expect(summary.format.timeLimit.map(text) == "60:00:00")
        #expect(summary.format.funRunLoops == 3)
        #expect(summary.format.funRunTimeLimit.map(text) == "40:00:00")
        #expect(summary.starters == 40)
        #expect(summary.entrantList == .partial)
        #expect(summary.finishers == 5)
        #expect(names(summary.finishes) == ["Ihor Verys", "John Kelly", "Jared Campbell", "Greig Hamilton", "Jasmin Paris"])
        // 12 fun runs including the 5 finishers: 7 non-finishers, six of them named.
        #expect(summary.funRunCompleters == 7)
        #expect(Set(summary.funRuns.map(\.runner)) == ["Damian Hall", "Sebastien Raichon", "Albert Herrero Casas",
                                                        "Tomokazu Ihara", "Maxime Gauduin", "Guillaume Calmettes"])
        #expect(summary.completeness.incompleteYears == [2024])
        // Records: 10 started loop 4, 7 started loop 5.
        #expect(summary.loops.map(\.loop) == [1, 2, 3, 4, 5])
        #expect(summary.loops[3].started == 10)
        #expect(summary.loops[4].started == 7)
        #expect(summary.loops[0].started == 40)
        #expect(summary.notes?.contains("Rusty Spoon") == true)
        let citations = Set(summary.sources.map(\.citation))
        for url in ["https://irunfar.com/2024-barkley-marathons-results",
                    "https://run247.com/running-news/trail/barkley-marathons-2024-records",
                    "https://marathonhandbook.com/2024-barkley-marathons-results/",
                    "https://marathonhandbook.com/2024-barkley-marathons-history/",
                    "https://inspirationwebs.com/how-many-barkley-marathons-finishers-will-we-see-in-2024"] {
            #expect(citations.contains(url), "missing \(url)")
        }
        #expect(summary.cited.contains("irunfar"))
    }

    @Test("unknown is never zero: 1990 has no stated starters or fun runs; 2002 was not held")
    func unknowns() throws {
        let summary = try history.editionSummary(year: 1990)
        #expect(summary.starters == nil)
        #expect(summary.funRunCompleters == nil)
        #expect(summary.finishers == 0)
        #expect(summary.loops.allSatisfy { $0.started == nil && $0.completed == nil })
        let notHeld = try history.editionSummary(year: 2002)
        #expect(!notHeld.held)
        #expect(notHeld.finishers == nil)
        #expect(notHeld.loops.isEmpty)
        #expect(notHeld.notes?.contains("state parks") == true)
    }

    @Test("2012 cutoffs as Mahoney published them (rules.md)")
    func cutoffs() throws {
        let cutoffs = try history.editionSummary(year: 2012).format.cutoffs
        #expect(cutoffs.map { "\($0.loop) \($0.time)" } == ["1 13:20:00", "2 26:40:00", "3 36:00:00", "4 48:00:00", "5 60:00:00"])
    }

    @Test("22 held editions without a finisher; 2002 and 2020 were not held, so they are not among them")
    func withoutFinisher() throws {
        let result = try history.editionsWithoutFinisher()
        #expect(result.years == [1986, 1987, 1989, 1990, 1991, 1992, 1993, 1994, 1996, 1997, 1998, 1999, 2000,
                                 2005, 2006, 2007, 2015, 2018, 2019, 2021, 2022, 2025])
        #expect(result.years.count == 22)
        #expect(result.notHeld == [2002, 2020])
        #expect(result.unknown.isEmpty)
    }

    @Test("23 counting only 5-loop finishes: 1988 joins them")
    func withoutFiveLoopFinisher() throws {
        let result = try history.editionsWithoutFinisher(loops: 5)
        #expect(result.years.count == 23)
        #expect(result.years.contains(1988))
    }

    @Test("finishers and fun runs per year (editions.csv finishers, fun_run_completers; fun_runs.csv)")
    func perYear() throws {
        let years = try history.resultsPerYear()
        #expect(years.count == 40)
        let byYear = Dictionary(uniqueKeysWithValues: years.map { ($0.year, $0) })
        #expect(years.filter(\.held).compactMap(\.finishers).reduce(0, +) == 27)
        #expect(byYear[2024].map { [$0.finishers, $0.namedFinishers, $0.funRuns, $0.namedFunRuns] } == [5, 5, 7, 6])
        #expect(byYear[2011].map { [$0.finishers, $0.funRuns, $0.namedFunRuns] } == [1, 8, 8])
        #expect(byYear[1989].map { [$0.finishers, $0.funRuns] } == [0, 0])
        #expect(byYear[2023].map { [$0.finishers, $0.funRuns, $0.namedFunRuns] } == [3, nil, 4])
        #expect(byYear[2020].map { [$0.finishers, $0.funRuns, $0.starters] } == [nil, nil, nil])
        #expect(byYear[2020]?.held == false)
        #expect(years.map(\.namedFunRuns).reduce(0, +) == 84)
    }

    @Test("longest run without a finisher: 1989–1994, six held editions (2018–2022 is four: 2020 was not held)")
    func longestDrought() throws {
        let drought = try #require(try history.longestDrought())
        #expect([drought.firstYear, drought.lastYear, drought.editions] == [1989, 1994, 6])
        #expect(!drought.isOngoing)
        let droughts = try history.droughts()
        #expect(droughts.map { "\($0.firstYear)-\($0.lastYear) \($0.editions)" } == [
            "1989-1994 6", "1996-2000 5", "2018-2022 4", "2005-2007 3", "1986-1987 2", "2015-2015 1", "2025-2025 1",
        ])
        #expect(droughts[2].notHeld == [2020])
        #expect(droughts[2].years == [2018, 2019, 2021, 2022])
        #expect(droughts.last?.isOngoing == true)
    }

    @Test("counting only 5-loop finishes, the longest run is 1986–1994: nine editions")
    func longestFiveLoopDrought() throws {
        let drought = try #require(try history.longestDrought(loops: 5))
        #expect([drought.firstYear, drought.lastYear, drought.editions] == [1986, 1994, 9])
    }
}
