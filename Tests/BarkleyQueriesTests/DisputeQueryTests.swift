import BarkleyArchive
@testable import BarkleyQueries
import Foundation
import Testing

/// The dispute fixtures (Tests/DisputeFixtures: 2014, 2022, 2023, 2024), imported into a new archive.
private func disputeHistory() throws -> History {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("DisputeFixtures")
    let archive = try Archive.inMemory()
    try archive.importFiles([2014, 2022, 2023, 2024].map { directory.appendingPathComponent("\($0).yaml") })
    return History(archive: archive)
}

@Suite("Disputed values in answers")
struct DisputeQueryTests {
    @Test("2022: the edition answer uses the preferred start time 06:54 and says it is disputed")
    func editionUsesPreferredStartTimeAndIsMarked() throws {
        let summary = try disputeHistory().editionSummary(year: 2022)
        #expect(summary.startTime == "06:54")
        #expect(summary.loops.first?.completed == 30)
        #expect(summary.completeness.disputed == ["2022 start_time", "2022 cutoff of loop 1", "2022 loop 1 completed"])
        #expect(summary.completeness.isDisputed)
    }

    @Test("disputes 2022 lists every disputed fact with both values, the preferred first, and their sources")
    func disputesListBothValues() throws {
        let list = try disputeHistory().disputes(year: 2022)
        #expect(list.disputes.map(\.fact) == ["2022 start_time", "2022 cutoff of loop 1", "2022 loop 1 completed"])
        let start = try #require(list.disputes.first)
        #expect(start.values.map(\.value) == ["06:54", "07:54"])
        #expect(start.values.map(\.preferred) == [true, false])
        #expect(start.values.map { $0.sources.map(\.key) } == [["gearjunkie", "outside22"], ["run247"]])
        #expect(start.values[1].sources.first?.citation == "https://run247.com/running-news/barkley-marathons-2022-latest-results")
        #expect(start.values[1].note == "run247 only; GearJunkie and Outside give 6:54")
    }

    @Test("disputes with no year covers every edition, oldest first; 2024's starters list 40, 38 and 34")
    func disputesOfTheRace() throws {
        let list = try disputeHistory().disputes()
        #expect(list.year == nil)
        #expect(list.disputes.map(\.year) == [2014, 2022, 2022, 2022, 2023, 2024])
        #expect(list.disputes.last?.values.map(\.value) == ["40", "38", "34"])
        #expect(list.disputes[0].fact == "2014 Jared Campbell loop 5 elapsed")
        #expect(list.disputes[0].values.map(\.value) == ["57:50:20", "57:53:20"])
    }

    @Test("2014: Campbell's finish is timed with the preferred 57:50:20 and the finish list is marked disputed")
    func finishUsesPreferredTime() throws {
        let finishes = try disputeHistory().finishers(in: 2014)
        #expect(finishes.finishes.map { $0.time?.description } == ["57:50:20"])
        #expect(finishes.completeness.disputed == ["2014 Jared Campbell loop 5 elapsed"])
    }

    @Test("2023: Hamilton, whose presence is disputed, is still counted, and answers counting him say so")
    func disputedPresenceIsCountedAndMarked() throws {
        let history = try disputeHistory()
        let starts = try history.mostStarts(limit: 20)
        #expect(starts.runners.contains { $0.runner == "Greig Hamilton" })
        #expect(starts.completeness.disputed.contains("2023 Greig Hamilton entered"))
        // Starts are counted from the named entrants, not from the stated number of starters;
        // nor does an answer about starts rest on the start time.
        #expect(!starts.completeness.disputed.contains("2024 starters"))
        #expect(!starts.completeness.disputed.contains("2022 start_time"))
    }

    @Test("an answer that rests on no disputed value says nothing of disputes: 2024's finishers do not rest on its starters")
    func undisputedAnswersAreNotMarked() throws {
        let history = try disputeHistory()
        #expect(try history.finishers(in: 2024).completeness.disputed.isEmpty)
        #expect(try history.editionSummary(year: 2024).completeness.disputed == ["2024 starters"])
    }
}
