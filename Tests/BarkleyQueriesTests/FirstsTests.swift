import BarkleyArchive
@testable import BarkleyQueries
import Testing

/// Firsts, checked against facts.md ("Firsts") and finishes.csv / fun_runs.csv.
@Suite("Firsts")
struct FirstsTests {
    let history: History
    init() throws { history = try realHistory() }

    func describe(_ milestone: Milestone<Finish>) -> String {
        "\(milestone.year.map(String.init) ?? "never") " + milestone.achievers.map(\.runner).joined(separator: ", ")
    }

    func describe(_ milestone: Milestone<FunRun>) -> String {
        "\(milestone.year.map(String.init) ?? "never") " + milestone.achievers.map(\.runner).joined(separator: ", ")
    }

    @Test("first finisher of the 100-mile race: Mark Williams 1995; of the 3-loop race, Ed Furtaw 1988; never mixed")
    func firstFinisher() throws {
        let hundredMile = try history.firsts()
        #expect(hundredMile.category == .hundredMile)
        #expect(describe(hundredMile.finish) == "1995 Mark Williams")
        #expect(hundredMile.finish.completeness.isComplete)
        let fiveLoops = try history.firsts(loops: 5)
        #expect(describe(fiveLoops.finish) == "1995 Mark Williams")
        let threeLoop = try history.firsts(category: .threeLoop)
        #expect(threeLoop.category == .threeLoop)
        #expect(describe(threeLoop.finish) == "1988 Ed Furtaw")
        #expect(try history.firsts(loops: 3).category == .threeLoop)
    }

    @Test("the 100-mile race's first fun run is 1991 (3 loops of the 5-loop race); the 3-loop race has none")
    func firstFunRunPerRace() throws {
        #expect(try history.firsts().funRun.year == 1991)
        #expect(try history.firsts(loops: 5).funRun.year == 1995)
        // Furtaw's 1988 run, which one source calls "the first fun run", is the 3-loop race's first finish.
        #expect(try history.firsts(category: .threeLoop).funRun.year == nil)
    }

    @Test("first woman to finish: Jasmin Paris 2024; no earlier finisher's sex is unknown")
    func firstWoman() throws {
        let firsts = try history.firsts()
        #expect(describe(firsts.womanFinish) == "2024 Jasmin Paris")
        #expect(firsts.womanFinish.completeness.isComplete)
    }

    @Test("first finisher from each country (finishes.csv, facts.md)")
    func byCountry() throws {
        let firsts = try history.firsts()
        #expect(firsts.finishByCountry.map { "\($0.country) \(describe($0.milestone))" } == [
            "GBR 1995 Mark Williams", "USA 2001 David Horton, Blake Wood", "BEL 2023 Karel Sabbe", "FRA 2023 Aurélien Sanchez",
            "CAN 2024 Ihor Verys", "NZL 2024 Greig Hamilton",
        ])
        #expect(firsts.countryCompleteness.isComplete)  // every finish in finishes.csv has a country
        // Over 5 loops the first Americans are Horton and Wood, together in 2001 (facts.md).
        #expect(try history.firsts(loops: 5).firstFinish(from: "USA").map(describe) == "2001 David Horton, Blake Wood")
    }

    @Test("first to finish on a first attempt: Maune 2011 in the 100-mile race (earlier first attempts unknown); Furtaw 1988 in the 3-loop race")
    func firstAttempt() throws {
        let milestone = try history.firsts().firstAttemptFinish
        #expect(describe(milestone) == "2011 Brett Maune")
        // finishes.csv says 'first attempt' for Maune 2011; for Williams 1995, Keizer
        // 2003, Nelson 2004 and Basham 2010 no source says, and none appears in an earlier year.
        // (Horton, Wood, Tilden, Robinson and Thompson had run before: fun_runs.csv, editions.csv.)
        #expect(milestone.completeness.incompleteYears == [1995, 2003, 2004, 2010])
        // The 3-loop race's, counted apart: cactustoclouds 1988, "first-time runner Ed Furtaw".
        #expect(describe(try history.firsts(category: .threeLoop).firstAttemptFinish) == "1988 Ed Furtaw")
    }

    @Test("first fun run by a woman: Thibeault and Hamilton 1991; 1990 and 1991 name no full list")
    func firstWomanFunRun() throws {
        let firsts = try history.firsts()
        #expect(describe(firsts.womanFunRun) == "1991 Suzi Thibeault, Nancy Hamilton")
        // editions.csv: 1989 states 0 fun-run completers; 1990 and 1991 state none.
        #expect(firsts.womanFunRun.completeness.incompleteYears == [1990, 1991])
        #expect(describe(firsts.funRun) == "1991 Suzi Thibeault, Nancy Hamilton")
    }

    @Test("over 5 loops: first fun run Possert 1995; first by a woman Sue Johnston 2000, with Eliza McLean's sex unknown")
    func fiveLoopFunRuns() throws {
        let firsts = try history.firsts(loops: 5)
        // facts.md: "First to finish the 60-mile fun-run course: Tom Possert, 1995 (28:52)" — the
        // first of that year's five, not all of them.
        #expect(firsts.funRun.achievers.map(\.runner) == ["Tom Possert"])
        #expect(firsts.funRun.year == 1995)
        #expect(describe(firsts.womanFunRun) == "2000 Sue Johnston")
        // fun_runs.csv: "Eliza McLean ... Sex not stated in the source".
        #expect(firsts.womanFunRun.completeness.incompleteYears == [2000])
    }
}
