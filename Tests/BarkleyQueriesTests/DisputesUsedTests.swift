import BarkleyArchive
@testable import BarkleyQueries
import Testing

/// Each answer lists exactly the disputed facts it used, on the real SampleData disputes:
/// Campbell's 2014 finish time, Hamilton's 2023 presence, 2022's start time, 1997's fun-run count.
@Suite("Disputed facts an answer used, and only those")
struct DisputesUsedTests {
    let history: History
    init() throws { history = try realHistory() }

    static let campbell = "2014 Jared Campbell loop 5 elapsed"
    static let hamilton = "2023 Greig Hamilton entered"
    static let start2022 = "2022 start_time"
    static let funRuns1997 = "1997 fun_run_completers"

    @Test("the facts named are the archive's own disputed facts (the labels `barkley disputes` prints)")
    func labelsAreTheDisputesListed() throws {
        let facts = try history.disputes().disputes.map(\.fact)
        for label in [Self.campbell, Self.hamilton, Self.start2022, Self.funRuns1997] {
            #expect(facts.contains(label))
        }
    }

    @Test("Campbell 2014: the 2014 finishers, his career and the median winning time use his disputed time; 2024's finishers and the ranking of finishes do not")
    func campbellTime() throws {
        #expect(try history.finishers(in: 2014).completeness.disputed == [Self.campbell])
        #expect(try history.career(of: "Jared Campbell").completeness.disputed.contains(Self.campbell))
        let aggregates = try history.editionAggregates()
        #expect(aggregates.medianWinningTime?.description == "57:50:20")
        #expect(aggregates.winningTimes.disputed == [Self.campbell])
        #expect(!aggregates.largestField.basis.disputed.contains(Self.campbell))
        #expect(try history.editionIndex().completeness.disputed.contains(Self.campbell))
        // Counting finishes does not use a time.
        #expect(!(try history.mostFinishes().completeness.disputed.contains(Self.campbell)))
        #expect(!(try history.finishTotals().completeness.disputed.contains(Self.campbell)))
        #expect(try history.finishers(in: 2024).completeness.disputed.isEmpty)
        // The finish records compare every 5-loop finish time, his among them.
        #expect(try history.records().finishCompleteness.disputed.contains(Self.campbell))
    }

    @Test("editions: the year-by-year index lists the winners' disputed times, not those of runners who won nothing")
    func editionIndexOnlyWinners() throws {
        let disputed = try history.editionIndex().completeness.disputed
        let otherTimes = try history.disputes().disputes.filter { $0.field == "elapsed" && $0.fact != Self.campbell }
        #expect(!otherTimes.isEmpty)
        for time in otherTimes { #expect(!disputed.contains(time.fact)) }
        #expect(!disputed.contains(Self.hamilton))
    }

    @Test("Hamilton 2023: answers counting starts or fun runs use his disputed presence; finishes do not")
    func hamiltonPresence() throws {
        #expect(try history.mostStarts().completeness.disputed.contains(Self.hamilton))
        #expect(try history.mostFunRuns().completeness.disputed.contains(Self.hamilton))
        #expect(try history.funRunCompleters(in: 2023).completeness.disputed.contains(Self.hamilton))
        #expect(try history.career(of: "Greig Hamilton").completeness.disputed.contains(Self.hamilton))
        #expect(try history.countries().startsCompleteness.disputed.contains(Self.hamilton))
        #expect(!(try history.countries().finishesCompleteness.disputed.contains(Self.hamilton)))
        #expect(!(try history.finishers(in: 2023).completeness.disputed.contains(Self.hamilton)))
        #expect(!(try history.mostFinishes().completeness.disputed.contains(Self.hamilton)))
        // Only his own entries: Campbell's career does not rest on Hamilton being there.
        #expect(!(try history.career(of: "Jared Campbell").completeness.disputed.contains(Self.hamilton)))
    }

    @Test("2022's start time: the edition, the index and the earliest start use it; finishers, starts and records do not")
    func startTime2022() throws {
        #expect(try history.editionSummary(year: 2022).completeness.disputed.contains(Self.start2022))
        #expect(try history.editionIndex().completeness.disputed.contains(Self.start2022))
        let aggregates = try history.editionAggregates()
        #expect(aggregates.earliestStart.basis.disputed.contains(Self.start2022))
        #expect(aggregates.latestStart.basis.disputed.contains(Self.start2022))
        #expect(!aggregates.winningTimes.disputed.contains(Self.start2022))
        #expect(!(try history.finishers(in: 2022).completeness.disputed.contains(Self.start2022)))
        #expect(!(try history.mostStarts().completeness.disputed.contains(Self.start2022)))
        #expect(!(try history.records().finishCompleteness.disputed.contains(Self.start2022)))
        // Starts are counted from named entrants, never from the stated number of starters.
        #expect(!(try history.mostStarts().completeness.disputed.contains("2022 starters")))
        #expect(aggregates.largestField.basis.disputed.contains("2022 starters"))
    }

    @Test("1997's fun-run count: the fun runs of 1997, the index and the fun-run ranking use it; 1997's finishers do not")
    func funRunCount1997() throws {
        #expect(try history.funRunCompleters(in: 1997).completeness.disputed == [Self.funRuns1997])
        #expect(try history.mostFunRuns().completeness.disputed.contains(Self.funRuns1997))
        #expect(try history.editionIndex().completeness.disputed.contains(Self.funRuns1997))
        #expect(!(try history.finishers(in: 1997).completeness.disputed.contains(Self.funRuns1997)))
        #expect(!(try history.mostFinishes().completeness.disputed.contains(Self.funRuns1997)))
        #expect(!(try history.mostStarts().completeness.disputed.contains(Self.funRuns1997)))
    }

    @Test("a disputed outcome that could put an entrant in a list is used by that list, not by others")
    func disputedOutcomeAlternative() throws {
        var entrant = Synthetic.runner("Ann Able", loops: 3, sex: .female)
        entrant.statedOutcome = .funRun
        entrant.disputed = [Dispute(field: .outcome, alternatives: [Alternative(value: "finish", cited: ["results"])])]
        let archive = try Synthetic.archive([Synthetic.edition(2001, entrants: [Synthetic.runner("Bo Baker", loops: 5), entrant])])
        let history = History(archive: archive)
        let label = "2001 Ann Able outcome"
        #expect(try history.finishers(in: 2001).completeness.disputed == [label])
        #expect(try history.funRunCompleters(in: 2001).completeness.disputed == [label])
        #expect(try history.mostStarts().completeness.disputed.isEmpty)
    }
}
