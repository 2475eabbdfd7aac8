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

    @Test(arguments: [(["finshers", "--year", "2024"], "finishers"), (["runer", "jasmin paris"], "runner"),
                      (["edtion", "2024"], "edition"), (["mots", "finishes"], "most"),
                      (["--db", "x.sqlite", "recrods", "--loops", "5"], "records")])
    func mistypedCommandWithArgumentsSuggestsTheCommand(arguments: [String], meant: String) throws {
        let result = try BarkleyBinary.run(arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("Unknown command '\(arguments.first { !$0.hasPrefix("-") && $0 != "x.sqlite" }!)'. Did you mean '\(meant)'?"), "\(result)")
        #expect(!result.stderr.contains("USAGE: barkley overview"), "not the overview's usage: \(result)")
    }

    @Test func unknownOptionBeforeAnyCommandSuggestsNoOtherCommandsOption() throws {
        let result = try BarkleyBinary.run(["--yaer", "2024"])
        #expect(result.status == 64, "\(result)")
        #expect(!result.stderr.contains("--year"), "the overview has no --year: \(result)")
        #expect(result.stderr.contains("'--yaer'") && !result.stderr.contains("Unknown command"), "the option is the mistake: \(result)")
    }

    @Test func unknownCommandSaysSoEvenWithNothingClose() throws {
        let result = try BarkleyBinary.run(["zzzzzzzz", "--year", "2024"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("Unknown command 'zzzzzzzz'."), "\(result)")
    }

    @Test func optionValuesBeforeTheCommandAreNotCommands() {
        #expect(DidYouMean.unknownCommand(in: ["--db", "a.sqlite", "--format", "json", "records"]) == nil)
        #expect(DidYouMean.unknownCommand(in: ["--db", "a.sqlite", "recrods"]) == "recrods")
        #expect(DidYouMean.unknownCommand(in: ["edition", "edtion"]) == nil)
    }

    @Test("one walk over the options before a command: values skipped, `--db=X` one word, never past the end")
    func leadingOptionCount() {
        #expect(GlobalOptionOrder.leadingOptionCount(["--db", "a.sqlite", "--format=json", "most", "--limit", "3"]) == 3)
        #expect(GlobalOptionOrder.leadingOptionCount(["--limit", "3", "most"]) == 0)
        #expect(GlobalOptionOrder.leadingOptionCount(["--db"]) == 1)
        #expect(GlobalOptionOrder.leadingOptionCount(["--chart", "most"], known: ["--chart"], takingValues: []) == 1)
        // An option before the command, then the mistyped command: found past the option's value.
        #expect(DidYouMean.unknownCommand(in: ["--db=a.sqlite", "--format", "json", "mots"]) == "mots")
        #expect(DidYouMean.unknownCommand(in: ["--yaer", "2024"]) == nil)
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
