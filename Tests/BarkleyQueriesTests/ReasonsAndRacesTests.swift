import BarkleyArchive
import BarkleyBuiltInArchive
import Foundation
@testable import BarkleyQueries
import Testing

/// Queries over DQs, unofficial loops, drop reasons and the two races, on small files of real cases.
@Suite("Reasons and races in the answers")
struct ReasonsAndRacesTests {
    /// The edition files of Tests/ReasonFixtures (shared with the archive's and the CLI's tests):
    /// 1988, Furtaw's 32:14:50 finish of the 3-loop race and Possert back first (23:47) but
    /// disqualified; 1998, Mahoney's table of reasons, two runners with none given; 2017, Kelly's
    /// 59:30:53 and Robbins' 60:00:06 after the limit, unofficial.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ReasonFixtures")

    /// A history of a new in-memory archive holding the fixtures of `years`.
    func history(_ years: [Int]) throws -> History {
        let archive = try Archive.inMemory()
        try archive.importEditions(try years.map { try EditionFileReader.read(contentsOf: Self.fixtures.appendingPathComponent("\($0).yaml")) })
        return History(archive: archive)
    }

    @Test("Possert 1988 is in no record: the 3-loop race's fastest finish and loop records are Furtaw's")
    func disqualifiedHoldsNoRecord() throws {
        let history = try history([1988])
        let records = try history.records(loops: 3)
        #expect(records.category == .threeLoop)
        #expect(records.fastestFinish.map(\.runner) == ["Ed Furtaw"])
        #expect(records.fastestLoops.flatMap { $0.holders.map(\.runner) } == ["Ed Furtaw", "Ed Furtaw"])
        #expect(records.fastestLoops.map(\.loop) == [1, 3])
        #expect(try history.finishers(in: 1988).finishes.map(\.runner) == ["Ed Furtaw"])
    }

    @Test("Possert 1988 is in no step of the record progression: loop 1's record fell to Furtaw, and no loop 2 record exists")
    func disqualifiedIsNoStepOfTheProgression() throws {
        let history = try history([1988])
        let loops = try history.recordProgression(loops: 3).records.filter { $0.record == .fastestToLoop }
        // Possert's 5:52, 12:46 and 23:47 stand in the file, but the records (above) hold none of them.
        #expect(loops.map(\.loop) == [1, 3])
        #expect(loops.flatMap { $0.steps.map(\.runner) } == ["Ed Furtaw", "Ed Furtaw"])
        #expect(loops.first?.steps.first?.time.seconds == 6 * 3600 + 54 * 60)
    }

    @Test("1988 splits: Furtaw leads loop 1 and 3 (gap 0); Possert, disqualified, is in no gap and leads none")
    func disqualifiedLeadsNoLoop() throws {
        let splits = try history([1988]).splits(year: 1988)
        let furtaw = try #require(splits.entrants.first { $0.runner == "Ed Furtaw" })
        #expect(furtaw.loops.map { $0.gapToLeader?.seconds } == [0, nil, 0])
        let possert = try #require(splits.entrants.first { $0.runner == "Tom Possert" })
        #expect(possert.outcome == .disqualified)
        // His times are kept, but stand outside the race's order.
        #expect(possert.loops.map { $0.time?.seconds } == [5 * 3600 + 52 * 60, 12 * 3600 + 46 * 60, 23 * 3600 + 47 * 60])
        #expect(possert.loops.allSatisfy { $0.gapToLeader == nil })
    }

    @Test("Robbins 2017: the unofficial fifth loop is no finish and no loop record; Kelly holds loop 5")
    func unofficialLoopHoldsNoRecord() throws {
        let history = try history([2017])
        #expect(try history.finishers(in: 2017).finishes.map(\.runner) == ["John Kelly"])
        let records = try history.records(loops: 5)
        #expect(records.category == .hundredMile)
        let loop5 = try #require(records.fastestLoops.first { $0.loop == 5 })
        #expect(loop5.holders.map(\.runner) == ["John Kelly"])
        // Robbins' unofficial fifth loop is not a loop he reached, for attrition either.
        let attrition = try history.attrition(year: 2017)
        #expect(attrition.loops.first { $0.loop == 5 }?.namedCompleted == 1)
        #expect(try history.career(of: "Gary Robbins").years.first?.times.last?.unofficial == .afterLimit)
        #expect(try history.career(of: "Gary Robbins").years.first?.outcome == .funRun)
    }

    @Test("1998: drops summed by reason, coded order, then those with none given")
    func attritionByReason() throws {
        let history = try history([1998])
        let reasons = try history.dropReasons(year: 1998)
        #expect(reasons.map { "\($0.reason?.rawValue ?? "none") \($0.count)" } == [
            "refused_to_continue 2", "missed_cutoff 2", "other 1", "none 2",
        ])
        #expect(reasons.first?.runners == ["Blake Wood", "Mike Dobies"])
        #expect(reasons.map(\.count).reduce(0, +) == 7)
        #expect(throws: QueryError.noEdition(race: Edition.barkley, year: 1997)) { try history.dropReasons(year: 1997) }
    }

    @Test("headline totals split by race: 100-mile finishes 26 by 20 runners; the 3-loop race 1 finish, 1988")
    func totalsByCategory() throws {
        let history = History(archive: try BuiltInArchive.open())
        let totals = try history.finishTotalsByCategory()
        #expect(totals.map(\.category) == [.hundredMile, .threeLoop])
        #expect(totals.map(\.finishes) == [26, 1])
        #expect(totals.map(\.finishers) == [20, 1])
        #expect(totals.last?.years == [1988])
        // The totals of both races together are still there, and still 27 by 21.
        let all = try history.finishTotals()
        #expect((all.finishes, all.finishers) == (27, 21))
    }

    @Test("firsts --loops 5 and the 3-loop race stay apart: Williams 1995 and Furtaw 1988")
    func firstsApart() throws {
        let history = History(archive: try BuiltInArchive.open())
        #expect(try history.firsts(loops: 5).finish.achievers.map(\.runner) == ["Mark Williams"])
        let threeLoop = try history.firsts(category: .threeLoop)
        #expect(threeLoop.finish.achievers.map(\.runner) == ["Ed Furtaw"])
        #expect(threeLoop.finish.year == 1988)
        #expect(try history.records(loops: 3).fastestFinish.map(\.runner) == ["Ed Furtaw"])
    }
}
