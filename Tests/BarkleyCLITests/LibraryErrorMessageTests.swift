import BarkleyArchive
import BarkleyBuiltInArchive
import BarkleyQueries
import Foundation
import SQLiteLayer
import Testing

/// An app that shows `error.localizedDescription` says what `barkley` says for the same error,
/// and the library's errors carry the suggestions the CLI prints.
@Suite("Library error messages")
struct LibraryErrorMessageTests {
    @Test("a misspelt runner: the error carries the close name the CLI suggests")
    func misspeltRunnerCarriesSuggestions() throws {
        let history = History(archive: try BuiltInArchive.open())
        let error = try #require(throws: QueryError.self) { try history.career(of: "Jared Campbel") }
        guard case .noRunner(_, let suggestions) = error else { Issue.record("not noRunner: \(error)"); return }
        #expect(suggestions.contains("Jared Campbell"))
        #expect(error.localizedDescription == error.description)
        #expect(error.localizedDescription.contains("did you mean Jared Campbell"))
        #expect((error as any LocalizedError).recoverySuggestion?.contains("Jared Campbell") == true)

        let cli = try BarkleyBinary.run(["runner", "Jared Campbel"])
        #expect(cli.status == 1)
        #expect(cli.stderr.contains("Did you mean Jared Campbell"))
    }

    @Test("part of a name: the error suggests the runners it matches, as the CLI does")
    func partOfANameSuggestsMatches() throws {
        let history = History(archive: try BuiltInArchive.open())
        let search = try history.searchRunners("campbell")
        #expect(!search.matches.isEmpty)
        let error = try #require(throws: QueryError.self) { try history.career(of: "campbell") }
        guard case .noRunner(_, let suggestions) = error else { Issue.record("not noRunner: \(error)"); return }
        #expect(suggestions == search.matches.map(\.runner))
    }

    @Test("a file that is not an archive: the library's message is the CLI's error line")
    func notADatabaseReadsTheSame() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("notes.sqlite")
        try Data(String(repeating: "not a database, just text\n", count: 10).utf8).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: SQLiteError.self) { try Archive.openReadOnly(path: path) }
        let cli = try BarkleyBinary.run(["finishers", "--db", path])
        #expect(cli.status == 65, "\(cli)")
        #expect(cli.stderr.split(separator: "\n").contains("Error: \(error.localizedDescription)"))
    }

    @Test("an edition file that breaks rules: the library's message lists what the CLI lists")
    func importErrorListsEveryProblem() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path("2024.yaml")
        try Data("year: 2024\nstarters: -3\nbogus_field: 1\n".utf8).write(to: URL(fileURLWithPath: file))
        let archive = try Archive(path: directory.path("archive.sqlite"))
        let error = try #require(throws: ImportError.self) { try archive.importFiles([URL(fileURLWithPath: file)]) }
        #expect(error.problems.count >= 2)
        let cli = try BarkleyBinary.run(["import", "--db", directory.path("cli.sqlite"), file])
        #expect(cli.status == 65, "\(cli)")
        for problem in error.problems {
            #expect(error.localizedDescription.contains(problem.description))
            #expect(cli.stderr.contains(problem.description))
        }
    }
}
