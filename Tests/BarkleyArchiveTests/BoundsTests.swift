import BarkleyArchive
import Foundation
import SQLiteLayer
import Testing

/// The bounds of a real race (``RaceBounds``): the validator and the schema hold every edition to them.
@Suite("Bounds that state the real race")
struct BoundsTests {
    static func problems(_ yaml: String) throws -> [ImportProblem] {
        do {
            return EditionValidator.problems(in: try EditionFileReader.read(text: yaml, fileName: "2024.yaml"))
        } catch let error as ImportError {
            return error.problems
        }
    }

    static func boundProblems(_ yaml: String) throws -> [ImportProblem] {
        try problems(yaml).filter { $0.message.contains("more than any race") || $0.message.contains("longer than any race") }
    }

    @Test("a value beyond what a race has is refused with its field and line", arguments: [
        ("  loops: 5\n", "  loops: 101\n", "format.loops"),
        ("  time_limit: \"60:00:00\"\n", "  time_limit: \"1000:00:01\"\n", "format.time_limit"),
        ("starters: 40\n", "starters: 100001\n", "starters"),
        ("finishers: 2\n", "finishers: 100001\n", "finishers"),
        ("  loops_completed: 3\n", "  loops_completed: 101\n", "entrants[2].loops_completed"),
        ("  - {loop: 3, elapsed: \"39:52:59\"}\n", "  - {loop: 101, elapsed: \"39:52:59\"}\n", "entrants[2].times[0].loop"),
    ])
    func beyondBoundIsRefused(old: String, new: String, field: String) throws {
        let yaml = Sample.edition2024(replacing: old, with: new)
        // The reader bounds some whole numbers itself ("not a whole number in 1…100"); either way the
        // field is refused (a stated count may break another rule as well).
        let found = try Self.problems(yaml)
        #expect(Set(found.map(\.field)) == [field], "\(found)")
        #expect(found.first?.line == Sample.line(of: new.trimmingCharacters(in: .whitespacesAndNewlines), in: yaml))
    }

    @Test("values at the bounds are within them")
    func atTheBoundIsAccepted() throws {
        var yaml = Sample.edition2024(replacing: "  time_limit: \"60:00:00\"\n", with: "  time_limit: \"1000:00:00\"\n")
        yaml = yaml.replacingOccurrences(of: "starters: 40\n", with: "starters: 100000\n")
        #expect(try Self.boundProblems(yaml) == [])
    }

    @Test("the schema refuses a value beyond a bound, written with SQL, as a constraint error")
    func schemaRefusesBeyondBound() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importEditions([try EditionFileReader.read(text: Sample.edition2024, fileName: "2024.yaml")])
        let db = fixture.archive.connection
        for sql in ["UPDATE edition SET finish_loops = 4611686018427387904",
                    "UPDATE edition SET starters = 100001",
                    "UPDATE entry SET loops_completed = 9223372036854775807",
                    "UPDATE loop_time SET loop = 101",
                    "UPDATE loop_time SET elapsed_seconds = 3600001",
                    "INSERT INTO loop_cutoff (edition_id, loop, cutoff_seconds) SELECT id, 200, 60 FROM edition",
                    "INSERT INTO loop_count (edition_id, loop, started) SELECT id, 1, 100001 FROM edition"] {
            let error = try #require(throws: SQLiteError.self, "\(sql)") { try db.execute(sql) }
            #expect(error.code == .constraint, "\(sql): \(error)")
        }
        // At the bound is allowed.
        try db.execute("UPDATE edition SET starters = 100000; UPDATE loop_time SET elapsed_seconds = 3600000 WHERE loop = 5")
    }

    @Test("an archive from before the bounds holding a value beyond one is not upgraded, and is left as it was")
    func upgradeRefusesStoredValueBeyondBound() throws {
        let fixture = try TemporaryArchive()
        let path = fixture.directory.appendingPathComponent("older.sqlite").path
        do {
            let db = try Connection(path: path)
            try Migrator(migrations: Array(Archive.migrations.prefix(1))).migrate(db)
            try db.execute("INSERT INTO edition (race, year, finish_loops, entrant_list) VALUES ('Barkley Marathons', 2024, 9223372036854775807, 'unknown')")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = try #require(throws: SQLiteError.self) { try Archive(path: path) }
        #expect(error.code == .constraint, "\(error)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
