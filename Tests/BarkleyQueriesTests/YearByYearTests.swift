import BarkleyArchive
@testable import BarkleyQueries
import Testing

/// The year-by-year questions: the index of editions and its aggregates, an edition's splits,
/// counts of one distance and how the records fell. Expected values come from editions.csv,
/// finishes.csv and loop_splits.csv, or from the other questions answered another way.
@Suite("Year by year")
struct YearByYearTests {
    let history: History
    init() throws { history = try realHistory() }

    @Test("the index has one line per edition, with 2024's start, field, finishers, fun runs and winner")
    func indexLineOf2024() throws {
        let index = try history.editionIndex()
        #expect(index.editions.map(\.year) == Array(1986...2025))
        let line = try #require(index.editions.first { $0.year == 2024 })
        #expect(line.held)
        #expect(line.startDate == "2024-03-20" && line.startTime == "05:17")
        #expect(line.loops == 5 && line.starters == 40 && line.finishers == 5 && line.funRuns == 7)
        #expect(line.winner == "Ihor Verys")
        #expect(line.winningTime?.description == "58:44:59")
        #expect(line.entrantList == .partial && !line.isComplete)
        // Five finished, so loop 5 was started and completed.
        #expect(line.furthestLoopStarted == 5 && line.furthestLoopCompleted == 5)
    }

    @Test("unknown stays unknown in the index: 2002 not held, 1990's starters unknown, 2025 has no winner")
    func indexUnknowns() throws {
        let lines = Dictionary(uniqueKeysWithValues: try history.editionIndex().editions.map { ($0.year, $0) })
        let notHeld = try #require(lines[2002])
        #expect(!notHeld.held && notHeld.starters == nil && notHeld.finishers == nil && notHeld.winner == nil)
        #expect(lines[1990]?.starters == nil)
        // 2012 (attrition: 3 started loop 5, 3 completed it).
        #expect(lines[2012]?.furthestLoopStarted == 5 && lines[2012]?.furthestLoopCompleted == 5)
        // 1986: Damon Douglas's second loop was off course (unofficial), so one loop is the furthest.
        #expect(lines[1986]?.furthestLoopCompleted == 1)
        for line in lines.values {
            if let started = line.furthestLoopStarted, let completed = line.furthestLoopCompleted {
                #expect(completed <= started, "\(line.year)")
            }
            if (line.finishers ?? 0) > 0 { #expect(line.furthestLoopCompleted == line.loops, "\(line.year)") }
        }
        #expect(lines[2025]?.finishers == 0 && lines[2025]?.winner == nil && lines[2025]?.winningTime == nil)
        // Every edition with a finisher named has the fastest of them as its winner.
        for year in 1986...2025 where lines[year]?.held == true {
            let finishes = try history.finishers(in: year).finishes
            #expect(lines[year]?.winner == finishes.first?.runner, "\(year)")
        }
    }

    @Test("sorting puts the largest field first and unknown starters last, ties oldest first")
    func sortedByStarters() throws {
        let sorted = try history.editionIndex().sorted(by: .starters).editions
        let known = sorted.prefix { $0.starters != nil }
        #expect(known.count < sorted.count, "some editions have unknown starters")
        #expect(sorted.dropFirst(known.count).allSatisfy { $0.starters == nil })
        for (earlier, later) in zip(known, known.dropFirst()) {
            let (a, b) = (earlier.starters ?? 0, later.starters ?? 0)
            #expect(a > b || (a == b && earlier.year < later.year))
        }
    }

    @Test("sorting by winning time puts the fastest 100-mile winner first, the 3-loop one after, editions without a winner last")
    func sortedByWinningTime() throws {
        let sorted = try history.editionIndex().sorted(by: .winningTime).editions
        #expect(sorted.first?.winner == "Brett Maune" && sorted.first?.year == 2012)
        let timed = sorted.prefix { $0.winningTime != nil }
        let hundred = timed.filter { $0.loops == 5 }
        #expect(Array(timed.prefix(hundred.count)) == hundred, "5-loop winners first")
        #expect(hundred.map { $0.winningTime?.seconds ?? 0 } == hundred.map { $0.winningTime?.seconds ?? 0 }.sorted())
        #expect(timed.last?.year == 1988)
        #expect(sorted.dropFirst(timed.count).allSatisfy { $0.winningTime == nil })
    }

    @Test("the aggregates agree with the finishes and editions asked one by one, and say what they rest on")
    func aggregates() throws {
        let aggregates = try history.editionAggregates()
        #expect(aggregates.editions == 40 && aggregates.held == 38 && aggregates.loops == 5)
        var winning: [Int] = []
        var years: [Int] = []
        for year in 1986...2025 {
            let finishes = try history.finishers(in: year).finishes.filter { $0.loops == 5 }
            if let time = finishes.first?.time { winning.append(time.seconds); years.append(year) }
        }
        #expect(aggregates.winningTimes.known == years)
        let mean = Double(winning.reduce(0, +)) / Double(winning.count)
        #expect(abs(Double(try #require(aggregates.meanWinningTime).seconds) - mean) <= 0.5)
        let sorted = winning.sorted()
        let median = sorted.count % 2 == 1 ? Double(sorted[sorted.count / 2]) : Double(sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        #expect(abs(Double(try #require(aggregates.medianWinningTime).seconds) - median) <= 0.5)
        // The middle of 15 is Jared Campbell's 2014 time, exact to the second (NYRR, Podium Runner: 57:50:20).
        #expect(aggregates.medianWinningTime?.description == "57:50:20")
        // 180 s less in all than with summitrun's 57:53:20, which made it 207_799: 12 s less on average.
        #expect(aggregates.meanWinningTime?.seconds == 207_787)

        let index = try history.editionIndex().editions.filter(\.held)
        let largest = index.compactMap(\.starters).max()
        #expect(aggregates.largestField.value == largest)
        #expect(aggregates.largestField.years == index.filter { $0.starters == largest }.map(\.year))
        #expect(aggregates.largestField.basis.known.count + aggregates.largestField.basis.unknown.count == 38)
        #expect(aggregates.largestField.basis.unknown == index.filter { $0.starters == nil }.map(\.year))
        #expect(aggregates.earliestStart.value == index.compactMap(\.startTime).min())
        #expect(aggregates.latestStart.value == index.compactMap(\.startTime).max())
        #expect(aggregates.withoutFinisher.years.count == 22)
        #expect(aggregates.withoutFinisher.notHeld == [2002, 2020])
    }

    @Test("splits of 2024: cumulative times, splits and the gap to the leader at each loop")
    func splits2024() throws {
        let splits = try history.splits(year: 2024)
        #expect(splits.entrants.count == (try history.archive.edition(year: 2024)?.entrants.count))
        let paris = try #require(splits.entrants.first { $0.runner == "Jasmin Paris" })
        let verys = try #require(splits.entrants.first { $0.runner == "Ihor Verys" })
        #expect(paris.outcome == .finish)
        #expect(paris.loops.map(\.loop) == [1, 2, 3, 4, 5])
        #expect(paris.loops[4].time?.description == "59:58:21")
        #expect(verys.loops[4].gapToLeader?.seconds == 0)
        #expect(paris.loops[4].gapToLeader?.seconds == 215_901 - 211_499)
        for entrant in splits.entrants {
            for loop in entrant.loops {
                let previous = loop.loop == 1 ? 0 : entrant.loops.first { $0.loop == loop.loop - 1 }?.time?.seconds
                if let time = loop.time, let previous {
                    #expect(loop.split?.seconds == time.seconds - previous)
                } else {
                    #expect(loop.split == nil)
                }
                #expect((loop.gapToLeader?.seconds ?? 0) >= 0)
                #expect((loop.gapToLeader == nil) == (loop.time == nil))
            }
        }
    }

    @Test("an entrant with loops but no times keeps every loop, each time unknown")
    func splitsKeepUnknownLoops() throws {
        let edition = Edition(year: 2030, format: RaceFormat(loops: 5), starters: 2, entrants: [
            Entrant(name: "A", loopsCompleted: 2, times: [LoopTime(loop: 2, elapsed: RaceTime(seconds: 20_000))]),
            Entrant(name: "B", loopsCompleted: 3),
            Entrant(name: "C", loopsCompleted: 0),
        ])
        let splits = EditionSplits(edition: edition)
        #expect(splits.entrants[0].loops.map(\.loop) == [1, 2])
        #expect(splits.entrants[0].loops[0].time == nil && splits.entrants[0].loops[1].split == nil)
        #expect(splits.entrants[0].loops[1].gapToLeader?.seconds == 0)
        #expect(splits.entrants[1].loops.count == 3 && splits.entrants[1].loops.allSatisfy { $0.time == nil })
        #expect(splits.entrants[2].loops.isEmpty)
    }

    @Test("--loops 5 counts only the 100-mile race: USA 20 finishes of its 21")
    func countriesOfOneDistance() throws {
        let all = try history.countries().countries.first { $0.country == "USA" }
        let hundred = try history.countries(loops: 5).countries.first { $0.country == "USA" }
        #expect(all?.finishes == 21)
        #expect(hundred?.finishes == 20)
        #expect(try history.countries(loops: 5).loops == 5)
        #expect(try history.countries(loops: 7).countries.isEmpty)
    }

    @Test("rankings and finish lists of one distance leave the 3-loop finish of 1988 out")
    func rankingsOfOneDistance() throws {
        let finishes = try history.allFinishes(loops: 5)
        #expect(finishes.finishes.count == 26 && !finishes.finishes.contains { $0.year == 1988 })
        #expect(try history.allFinishes(loops: 3).finishes.map(\.year) == [1988])
        let most = try history.mostFinishes(limit: 100, loops: 5)
        #expect(most.runners.map(\.count).reduce(0, +) == 26)
        #expect(!most.runners.contains { $0.years.contains(1988) })
        let starts = try history.mostStarts(limit: 1000, loops: 5)
        let years = Set(try history.editionIndex().editions.filter { $0.loops == 5 }.map(\.year))
        #expect(starts.runners.allSatisfy { $0.years.allSatisfy(years.contains) })
    }

    @Test("each record's progression ends at the standing record and only ever improves")
    func recordProgression() throws {
        let progression = try history.recordProgression()
        let records = try history.records()
        #expect(progression.loops == 5)
        let fastest = try #require(progression.records.first { $0.record == .fastestFinish })
        #expect(fastest.steps.last?.runner == records.fastestFinish.first?.runner)
        #expect(fastest.steps.last?.time.seconds == records.fastestFinish.first?.time?.seconds)
        #expect(fastest.steps.first?.year == 1995 && fastest.steps.first?.improvement == nil)
        #expect(fastest.steps.first?.startDate != nil)
        let margin = try #require(progression.records.first { $0.record == .smallestMargin })
        #expect(margin.steps.last?.time.seconds == records.smallestMargin.first?.marginSeconds)
        for record in progression.records {
            for (earlier, later) in zip(record.steps, record.steps.dropFirst()) where earlier.year != later.year {
                #expect(later.year > earlier.year)
                #expect(later.time.seconds < earlier.time.seconds)
                let bounds = earlier.time.differenceBounds(minus: later.time)
                #expect(later.improvement?.seconds == bounds.lowerBound)
                #expect(later.improvementAtMost?.seconds == (bounds.count > 1 ? bounds.upperBound : nil))
            }
        }
        for loop in records.fastestLoops {
            let steps = try #require(progression.records.first { $0.record == .fastestToLoop && $0.loop == loop.loop }).steps
            #expect(steps.last?.time.seconds == loop.time.seconds, "loop \(loop.loop)")
        }
    }
}
