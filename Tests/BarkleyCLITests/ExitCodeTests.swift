import Foundation
import Testing

/// Exit codes: 64 usage, 65 bad data, 66 missing input, 1 anything else. These tests check
/// codes and where output goes, not the wording of messages.
@Suite struct ExitCodeTests {
    @Test(arguments: [
        ["edition", "abc"],
        ["edition"],
        ["edition", "1900"],
        ["edition", "2024", "--format", "xml"],
        ["no-such-command"],
        ["overview", "--no-such-option"],
        ["sql"],
        ["sql", "  -- only a comment"],
        ["finishers", "--year", "abc"],
        ["fun-runs", "--year", "1900"],
        ["runner"],
        ["runner", "  "],
        ["records", "--loops", "0"],
        ["attrition", "1900"],
        ["search"],
        ["sources"],
        ["most"],
        ["most", "wins"],
        ["most", "starts", "--limit", "0"],
        ["countries", "extra"],
    ])
    func badArgumentIsAUsageError(arguments: [String]) throws {
        let result = try BarkleyBinary.run(arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
    }

    @Test func importNeedsAnArchiveFile() throws {
        let result = try BarkleyBinary.run(["import", Repository.sample("2024.yaml")])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("--db"))
    }

    @Test(arguments: [["overview"], ["edition", "2024"], ["sql", "SELECT 1"], ["export", "out"], ["check"], ["backup", "copy.sqlite"],
                      ["finishers"], ["fun-runs"], ["runner", "Jasmin Paris"], ["records"], ["firsts"], ["attrition"],
                      ["search", "paris"], ["sources", "2024"], ["most", "starts"], ["countries"]])
    func missingArchiveFileIsMissingInput(arguments: [String]) throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path("missing.sqlite")
        let result = try BarkleyBinary.run(arguments.map { $0 == "out" || $0 == "copy.sqlite" ? directory.path($0) : $0 } + ["--db", missing])
        #expect(result.status == 66, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("barkley import --db \(missing)"), "the message says how to create one")
        #expect(!FileManager.default.fileExists(atPath: missing), "reading never creates the archive")
    }

    @Test func environmentVariableNamesTheArchive() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path("from-environment.sqlite")
        let result = try BarkleyBinary.run(["edition", "2024"], environment: ["BARKLEY_DB": missing])
        #expect(result.status == 66, "\(result)")
        #expect(result.stderr.contains(missing))
    }

    @Test func fileThatIsNotADatabaseIsBadData() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("notes.sqlite")
        try "not a database, just text that is long enough to fill a header of one hundred bytes, and then some more text"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try BarkleyBinary.run(["edition", "2024", "--db", path])
        #expect(result.status == 65, "\(result)")
    }

    @Test func missingImportFileIsMissingInput() throws {
        let directory = try TemporaryDirectory()
        let result = try BarkleyBinary.run(["import", directory.path("nowhere.yaml"), "--db", directory.path("archive.sqlite")])
        #expect(result.status == 66, "\(result)")
        #expect(!FileManager.default.fileExists(atPath: directory.path("archive.sqlite")))
    }

    @Test func editionNotInTheArchiveIsAFailure() throws {
        let result = try BarkleyBinary.run(["edition", "2999"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("1986–2025"), "the message says which editions there are")
    }

    /// A question the archive has no answer to — no such edition, runner or entry — exits 1,
    /// as `edition 2999` does; 66 stays for a missing file.
    @Test(arguments: [
        ["finishers", "--year", "2999"],
        ["fun-runs", "--year", "2100"],
        ["attrition", "2999"],
        ["sources", "2999"],
        ["runner", "Nobody Ever"],
        ["sources", "2024", "--runner", "Nobody Ever"],
        ["sources", "2021", "--runner", "Jasmin Paris"],
    ])
    func noAnswerIsAFailure(arguments: [String]) throws {
        let result = try BarkleyBinary.run(arguments)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
    }
}
