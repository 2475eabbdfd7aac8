import Foundation
import SQLiteLayer
import Testing

@Suite("Backup and integrity checks")
struct BackupTests {
    @Test("a backup of a file database is sound and holds the same schema and rows")
    func backupCopiesEverything() throws {
        try withTemporaryDirectory { directory in
            let sourcePath = directory.path("archive.sqlite")
            try createRunnerDatabase(at: sourcePath, rows: 1_500)
            let source = try Connection(path: sourcePath)
            // A change still in the WAL must be in the copy too.
            try source.run("INSERT INTO runner (id, name, note) VALUES (?, ?, ?)", [9_999, "Last one in", nil])
            let expected = try DatabaseSnapshot(source)

            let copyPath = directory.path("backup.sqlite")
            try source.backup(to: copyPath)

            let copy = try Connection(path: copyPath, mode: .readOnly)
            #expect(try copy.integrityProblems() == [])
            let copied = try DatabaseSnapshot(copy)
            #expect(copied == expected)
            #expect(copied.tables["runner"]?.count == 1_501)
        }
    }

    @Test("a backup of an in-memory database is a file that reopens with the same rows")
    func backupOfMemoryDatabase() throws {
        try withTemporaryDirectory { directory in
            let source = try Connection.inMemory()
            try source.execute("""
                CREATE TABLE edition (year INTEGER PRIMARY KEY) STRICT;
                CREATE TABLE entrant (id INTEGER PRIMARY KEY, year INTEGER NOT NULL REFERENCES edition (year), name TEXT) STRICT;
                INSERT INTO edition VALUES (2023), (2024);
                INSERT INTO entrant (year, name) VALUES (2023, 'Ana'), (2024, 'Ben'), (2024, NULL);
                """)
            let expected = try DatabaseSnapshot(source)
            let copyPath = directory.path("backup.sqlite")
            try source.backup(to: copyPath)

            let copy = try Connection(path: copyPath)
            #expect(try copy.integrityProblems() == [])
            #expect(try DatabaseSnapshot(copy) == expected)
        }
    }

    @Test("a backup over an existing database replaces its contents")
    func backupReplacesDestination() throws {
        try withTemporaryDirectory { directory in
            let copyPath = directory.path("backup.sqlite")
            try createRunnerDatabase(at: copyPath, rows: 10)
            let source = try Connection.inMemory()
            try source.execute("CREATE TABLE edition (year INTEGER PRIMARY KEY); INSERT INTO edition VALUES (2024)")
            try source.backup(to: copyPath)

            let copy = try Connection(path: copyPath)
            #expect(try DatabaseSnapshot(copy) == DatabaseSnapshot(source))
            #expect(try copy.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'runner'", as: Int.self) == 0)
        }
    }

    @Test("a backup to a file that is not a database fails and leaves the file alone")
    func backupOverNonDatabaseFails() throws {
        try withTemporaryDirectory { directory in
            let text = Array(String(repeating: "not a database\n", count: 20).utf8)
            let path = try directory.write(text, to: "notes.txt")
            let source = try Connection.inMemory()
            try source.execute("CREATE TABLE edition (year INTEGER PRIMARY KEY)")
            let error = try #require(throws: SQLiteError.self) { try source.backup(to: path) }
            #expect(error.code == .notADatabase)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(text))
        }
    }

    @Test("integrityProblems names a row whose parent is missing")
    func integrityProblemsReportsBrokenForeignKeys() throws {
        let db = try Connection.inMemory()
        try db.execute("""
            CREATE TABLE edition (year INTEGER PRIMARY KEY) STRICT;
            CREATE TABLE entrant (id INTEGER PRIMARY KEY, year INTEGER REFERENCES edition (year)) STRICT;
            INSERT INTO edition VALUES (2024);
            INSERT INTO entrant VALUES (1, 2024);
            """)
        #expect(try db.integrityProblems() == [])
        // Foreign keys off for this one write, the way a hand-edited file gets broken.
        try db.execute("PRAGMA foreign_keys = OFF; INSERT INTO entrant VALUES (7, 1999); PRAGMA foreign_keys = ON")
        let problems = try db.integrityProblems()
        #expect(problems.count == 1)
        #expect(problems.first?.contains("row 7 of entrant") == true)
        #expect(problems.first?.contains("edition") == true)
    }
}
