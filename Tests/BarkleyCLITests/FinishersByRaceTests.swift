import Foundation
import Testing

/// `barkley finishers` says the two races apart: 26 finishes of the 100-mile race and the
/// 3-loop race's 1 (1988), never one count of 27.
@Suite struct FinishersByRaceTests {
    @Test func everyFinishListsEachRacesTotalApart() throws {
        let result = try BarkleyBinary.run(["finishers"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("100-mile finishes  26 by 20 runners"), "\(result.stdout.prefix(400))")
        #expect(result.stdout.contains("The 3-loop race    1 finish (1988)"))
        #expect(!result.stdout.contains("27 by"))
    }

    @Test func oneDistanceKeepsItsSingleCount() throws {
        let result = try BarkleyBinary.run(["finishers", "--loops", "5"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Finishes  26 by 20 runners"))
        #expect(!result.stdout.contains("3-loop"))
    }
}
