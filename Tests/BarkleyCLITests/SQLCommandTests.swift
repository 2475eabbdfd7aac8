import Foundation
import Testing

/// `barkley sql` reads and never writes, whatever the statement says.
@Suite struct SQLCommandTests {
    @Test func selectWorks() throws {
        let result = try BarkleyBinary.run(["sql", "SELECT count(*) FROM edition", "--format", "csv"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "count(*)\n40\n")
    }

    @Test(arguments: [
        "DELETE FROM entry",
        "UPDATE edition SET starters = 0",
        "INSERT INTO source (citation) VALUES ('x')",
        "DROP TABLE entry",
        "CREATE TABLE t (x)",
        "WITH doomed AS (SELECT id FROM entry) DELETE FROM entry WHERE id IN doomed",
        "PRAGMA journal_mode = DELETE",
        "PRAGMA foreign_keys = OFF",
        "VACUUM",
    ])
    func writeIsRefused(statement: String) throws {
        let directory = try TemporaryDirectory()
        let archive = directory.path("archive.sqlite")
        #expect(try BarkleyBinary.run(["import", "--db", archive, Repository.sample("2024.yaml")]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: archive))

        let result = try BarkleyBinary.run(["sql", statement, "--db", archive])
        #expect(result.status == 65, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)

        #expect(try Data(contentsOf: URL(fileURLWithPath: archive)) == before)
        let count = try BarkleyBinary.run(["sql", "SELECT count(*) AS entries FROM entry", "--format", "csv", "--db", archive])
        #expect(count.stdout == "entries\n13\n")
    }

    @Test func writeToTheBuiltInArchiveIsRefused() throws {
        let result = try BarkleyBinary.run(["sql", "DELETE FROM entry"])
        #expect(result.status == 65, "\(result)")
        #expect(try BarkleyBinary.run(["sql", "SELECT count(*) FROM entry", "--format", "csv"]).stdout == "count(*)\n440\n")
    }

    @Test func attachIsRefusedAndCreatesNoFile() throws {
        let directory = try TemporaryDirectory()
        let other = directory.path("other.sqlite")
        let result = try BarkleyBinary.run(["sql", "ATTACH DATABASE '\(other)' AS other"])
        #expect(result.status == 65, "\(result)")
        #expect(!FileManager.default.fileExists(atPath: other))
    }

    @Test func moreThanOneStatementIsRefused() throws {
        let result = try BarkleyBinary.run(["sql", "SELECT 1; DELETE FROM entry"])
        #expect(result.status == 65, "\(result)")
        #expect(result.stdout.isEmpty)
    }

    @Test func semicolonInsideALiteralIsOneStatement() throws {
        let result = try BarkleyBinary.run(["sql", "SELECT 'a;b' AS text; -- a comment; still one", "--format", "csv"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "text\na;b\n")
    }

    @Test func syntaxErrorIsBadData() throws {
        let result = try BarkleyBinary.run(["sql", "SELEC 1"])
        #expect(result.status == 65, "\(result)")
    }
}
