@testable import barkley
import Testing

/// A mistyped command or option: the closest real one suggested, exit 64 (usage).
@Suite struct DidYouMeanTests {
    @Test func mistypedCommandSuggestsTheClosest() throws {
        let result = try BarkleyBinary.run(["finshers"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Unknown command 'finshers'. Did you mean 'finishers'?"), "\(result)")
        #expect(!result.stderr.contains("USAGE: barkley overview"), "not the overview's usage")
    }

    @Test(arguments: [("recrods", "records"), ("editon", "edition"), ("fun-run", "fun-runs"), ("contries", "countries")])
    func transposedAndMissingLetters(typed: String, meant: String) throws {
        let result = try BarkleyBinary.run([typed])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Did you mean '\(meant)'?"), "\(result)")
    }

    @Test func mistypedOptionSuggestsTheClosest() throws {
        let result = try BarkleyBinary.run(["finishers", "--yaer", "2024"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("Did you mean '--year'?"), "\(result)")
    }

    @Test func nothingCloseSuggestsNothing() throws {
        let result = try BarkleyBinary.run(["zzzzzzzz"])
        #expect(result.status == 64)
        #expect(!result.stderr.contains("Did you mean"), "\(result)")
    }

    @Test func closestPicksTheNearestWithinAThird() {
        #expect(DidYouMean.closest(to: "finshers", in: ["finishers", "firsts", "fun-runs"]) == "finishers")
        #expect(DidYouMean.closest(to: "srch", in: ["search", "sources"]) == nil)
        #expect(DidYouMean.editDistance("recrods", "records") == 1)
        #expect(DidYouMean.optionNames(in: "  --year <year>  The year.\n  --db <path>") == ["--year", "--db"])
    }
}
