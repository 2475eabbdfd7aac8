import Foundation
import SQLiteLayer
import Testing

@Suite("Read-only connections")
struct ReadOnlyTests {
    /// Runs `body` with the path of a file database holding an `edition` table and an index.
    private func withArchive(_ body: (TemporaryDirectory, String) throws -> Void) throws {
        try withTemporaryDirectory { directory in
            let path = directory.path("archive.sqlite")
            let db = try Connection(path: path)
            try db.execute("""
                CREATE TABLE edition (year INTEGER PRIMARY KEY, winner TEXT) STRICT;
                CREATE INDEX edition_winner ON edition (winner);
                INSERT INTO edition VALUES (2023, NULL), (2024, 'Ana');
                """)
            try body(directory, path)
        }
    }

    @Test("a read-only connection reads, including pragmas that only report")
    func selectWorks() throws {
        try withArchive { _, path in
            let db = try Connection(path: path, mode: .readOnly)
            #expect(db.mode == .readOnly)
            let rows = try db.rows("SELECT year, winner FROM edition ORDER BY year")
            #expect(rows.map(\.values) == [[.integer(2023), .null], [.integer(2024), .text("Ana")]])
            #expect(try db.scalar("SELECT count(*) FROM edition WHERE winner = ?", ["Ana"], as: Int.self) == 1)
            #expect(try db.scalar("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT sum(i) FROM n", as: Int.self) == 15)
            #expect(try db.scalar("PRAGMA journal_mode", as: String.self) == "delete")
            #expect(try db.scalar("PRAGMA query_only", as: Int.self) == 1)
            #expect(try db.integrityProblems() == [])
            // A savepoint is a deferred transaction: several reads from one snapshot.
            let count = try db.savepoint {
                _ = try db.rows("SELECT * FROM edition")
                return try db.scalar("SELECT count(*) FROM edition", as: Int.self)
            }
            #expect(count == 2)
        }
    }

    static let refused = [
        "INSERT INTO edition (year, winner) VALUES (2025, 'Ben')",
        "UPDATE edition SET winner = 'Ben' WHERE year = 2023",
        "DELETE FROM edition",
        "REPLACE INTO edition VALUES (2024, 'Cleo')",
        "CREATE TABLE course (id INTEGER PRIMARY KEY)",
        "CREATE TEMP TABLE scratch (x)",
        "CREATE VIEW winners AS SELECT winner FROM edition",
        "DROP INDEX edition_winner",
        "DROP TABLE edition",
        "ALTER TABLE edition ADD COLUMN course TEXT",
        "CREATE TRIGGER t AFTER INSERT ON edition BEGIN SELECT 1; END",
        "ATTACH DATABASE 'attached.sqlite' AS other",
        "PRAGMA journal_mode = delete",
        "PRAGMA journal_mode = DELETE",
        "PRAGMA query_only = 0",
        "PRAGMA query_only = OFF",
        "PRAGMA main.query_only(false)",
        "PRAGMA foreign_keys = OFF",
        "PRAGMA user_version = 7",
        "PRAGMA writable_schema = ON",
        "VACUUM",
        "VACUUM INTO 'copy.sqlite'",
        "REINDEX",
        "ANALYZE",
    ]

    @Test("a read-only connection refuses every statement that writes, attaches or sets a pragma", arguments: refused)
    func writesAreRefused(sql: String) throws {
        try withArchive { directory, path in
            let before = try DatabaseSnapshot(try Connection(path: path))
            // ATTACH and VACUUM INTO name files in the fixture's directory, so a statement that
            // slipped through would leave a file there to find.
            let attachedSQL = sql
                .replacingOccurrences(of: "'attached.sqlite'", with: "'\(directory.path("attached.sqlite"))'")
                .replacingOccurrences(of: "'copy.sqlite'", with: "'\(directory.path("copy.sqlite"))'")
            do {
                let db = try Connection(path: path, mode: .readOnly)
                #expect(throws: SQLiteError.self) { try db.execute(attachedSQL) }
                #expect(throws: SQLiteError.self) { try db.run(attachedSQL) }
                // Whatever it said, the connection still refuses writes and keeps its pragmas.
                #expect(try db.scalar("PRAGMA query_only", as: Int.self) == 1)
                #expect(try db.scalar("PRAGMA foreign_keys", as: Int.self) == 1)
                #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO edition VALUES (2030, 'Zed')") }
            }
            #expect(!directory.fileExists("attached.sqlite"))
            #expect(!directory.fileExists("copy.sqlite"))
            let after = try Connection(path: path)
            #expect(try DatabaseSnapshot(after) == before)
            #expect(try after.scalar("PRAGMA journal_mode", as: String.self) == "delete")
            #expect(try after.scalar("PRAGMA user_version", as: Int.self) == 0)
        }
    }

    @Test("a read-only connection refuses a whole script when one statement in it writes")
    func scriptWithAWriteIsRefused() throws {
        try withArchive { _, path in
            let before = try DatabaseSnapshot(try Connection(path: path))
            do {
                let db = try Connection(path: path, mode: .readOnly)
                #expect(throws: SQLiteError.self) {
                    try db.execute("SELECT 1; BEGIN; DELETE FROM edition; COMMIT;")
                }
            }
            #expect(try DatabaseSnapshot(try Connection(path: path)) == before)
        }
    }

    @Test("a read-write connection is not restricted by a read-only one on the same file")
    func readWriteStillWrites() throws {
        try withArchive { _, path in
            let reader = try Connection(path: path, mode: .readOnly)
            let writer = try Connection(path: path)
            try writer.run("INSERT INTO edition (year, winner) VALUES (?, ?)", [2025, "Ben"])
            #expect(try reader.scalar("SELECT count(*) FROM edition", as: Int.self) == 3)
        }
    }
}
