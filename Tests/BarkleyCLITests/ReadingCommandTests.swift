import Foundation
import Testing

/// Golden output of the commands that answer through `BarkleyQueries`, on the built-in archive.
///
/// The expected files were checked by eye against `/work/shared/reference` (finishes.csv,
/// fun_runs.csv, facts.md): 2024's finishers Verys 58:44:59, Kelly 59:15:38, Campbell 59:30:32,
/// Hamilton 59:38:42, Paris 59:58:21 (1:39 to spare); the course record Brett Maune 52:03:08
/// (2012); the first woman finisher Jasmin Paris 2024; the first finish Ed Furtaw 1988 over 3
/// loops; Campbell's four finishes; John Kelly the only fun run of 2025, 39:50:27.
@Suite struct ReadingCommandTests {
    /// One invocation of a command, with the formats its golden files cover.
    struct Invocation: CustomTestStringConvertible, Sendable {
        var golden: String
        var arguments: [String]
        var formats: [String] = ["table", "csv", "json", "markdown"]

        var testDescription: String { golden }
    }

    static let invocations: [Invocation] = [
        Invocation(golden: "finishers", arguments: ["finishers"], formats: ["table", "json"]),
        Invocation(golden: "finishers-2024", arguments: ["finishers", "--year", "2024"]),
        Invocation(golden: "fun-runs", arguments: ["fun-runs"], formats: ["table", "csv"]),
        Invocation(golden: "fun-runs-2024", arguments: ["fun-runs", "--year", "2024"]),
        // Case and accents are ignored; years without times read "unknown", loops not reached are blank.
        Invocation(golden: "runner-jasmin-paris", arguments: ["runner", "JASMIN PARIS"]),
        Invocation(golden: "runner-aurelien-sanchez", arguments: ["runner", "aurelien sanchez"], formats: ["table", "json"]),
        Invocation(golden: "records", arguments: ["records"]),
        Invocation(golden: "records-3-loops", arguments: ["records", "--loops", "3"], formats: ["table", "json"]),
        Invocation(golden: "firsts", arguments: ["firsts"]),
        Invocation(golden: "attrition-2012", arguments: ["attrition", "2012"]),
        Invocation(golden: "attrition", arguments: ["attrition"], formats: ["table", "json"]),
        Invocation(golden: "search-paris", arguments: ["search", "paris"], formats: ["table", "csv", "json"]),
        Invocation(golden: "search-miss", arguments: ["search", "Jasmine Pariss"], formats: ["table", "json", "markdown"]),
        Invocation(golden: "sources-2024", arguments: ["sources", "2024"]),
        Invocation(golden: "sources-2024-paris", arguments: ["sources", "2024", "--runner", "Jasmin Paris"], formats: ["table", "csv", "json"]),
        Invocation(golden: "most-finishes", arguments: ["most", "finishes"]),
        Invocation(golden: "most-starts", arguments: ["most", "starts", "--limit", "5"], formats: ["table", "json"]),
        Invocation(golden: "countries", arguments: ["countries"]),
        // The built-in archive's disputes (DisputesCommandTests has the fixtures' in every format).
        Invocation(golden: "disputes-sample", arguments: ["disputes"], formats: ["table"]),
        Invocation(golden: "most-finishes-limit-4", arguments: ["most", "finishes", "--limit", "4"], formats: ["table", "json"]),
    ]

    static let cases: [(Invocation, String)] = invocations.flatMap { invocation in invocation.formats.map { (invocation, $0) } }

    @Test(arguments: cases)
    func golden(invocation: Invocation, format: String) throws {
        let result = try BarkleyBinary.run(invocation.arguments + ["--format", format])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        try Golden.check(result.stdout, matches: "\(invocation.golden).\(ReadingOutputTests.fileExtension(format))")
    }

    /// A year not held is an answer (exit 0) that says so, not an empty list.
    @Test(arguments: [["finishers", "--year", "2020"], ["fun-runs", "--year", "2002"], ["attrition", "2020"]])
    func yearNotHeld(arguments: [String]) throws {
        let result = try BarkleyBinary.run(arguments)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("not held"))
    }

    /// JSON writes every field, unknown as null: Paris's 2024 entry has no `listed_as`.
    @Test func unknownIsNullInJSON() throws {
        let result = try BarkleyBinary.run(["runner", "Jasmin Paris", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let years = try #require(object["years"] as? [[String: Any]])
        #expect(years.count == 3)
        #expect(years.allSatisfy { $0.keys.contains("listed_as") && $0["listed_as"] is NSNull })
    }

    /// A name not in the archive exits 1 (like `grep` finding nothing), with close names on stderr.
    @Test func runnerMissSuggestsCloseNames() throws {
        let result = try BarkleyBinary.run(["runner", "Jasmine Pariss"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Jasmin Paris"), "the suggestion is on stderr")
        try Golden.check(result.stderr, matches: "runner-miss.stderr.txt")
    }

    /// Part of a name is not a name; what it matches is suggested.
    @Test func runnerPartOfANameSuggestsMatches() throws {
        let result = try BarkleyBinary.run(["runner", "maune"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("Brett Maune"))
    }

    @Test func findingNothingIsStillAnAnswer() throws {
        let result = try BarkleyBinary.run(["search", "zzzz"])
        #expect(result.status == 0, "\(result)")
    }

    @Test func finishersHelp() throws {
        let result = try BarkleyBinary.run(["finishers", "--help"])
        #expect(result.status == 0)
        try Golden.check(result.stdout, matches: "help-finishers.txt")
    }

    /// The same answer from a file archive as from the built-in one.
    @Test func readsAnArchiveFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("archive.sqlite")
        let imported = try BarkleyBinary.run(["import", "--db", path, Repository.sample("2024.yaml"), Repository.sample("2025.yaml")])
        #expect(imported.status == 0, "\(imported)")
        let fromFile = try BarkleyBinary.run(["finishers", "--year", "2024", "--db", path])
        let builtIn = try BarkleyBinary.run(["finishers", "--year", "2024"])
        #expect(fromFile.status == 0, "\(fromFile)")
        #expect(fromFile.stdout == builtIn.stdout)
        let missing = try BarkleyBinary.run(["finishers", "--year", "2012", "--db", path])
        #expect(missing.status == 1, "\(missing)")
        #expect(missing.stderr.contains("2024–2025"), "the message says which editions there are")
    }
}
