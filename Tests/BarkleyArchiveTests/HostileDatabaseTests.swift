import BarkleyArchive
import Foundation
import SQLiteLayer
import Testing

@Suite("Hostile database files")
struct HostileDatabaseTests {
    @Test("a file that is not a database is refused with a clear error, and left as it was")
    func notADatabase() throws {
        let fixture = try TemporaryArchive()
        let url = try fixture.file("notes.sqlite", "year: 2024\nthis is not SQLite\n")
        let error = try #require(throws: SQLiteError.self) { try Archive(path: url.path) }
        #expect(error.code == .notADatabase)
        #expect(try String(contentsOf: url, encoding: .utf8) == "year: 2024\nthis is not SQLite\n")
    }

    @Test("a truncated archive is refused at open")
    func truncated() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles(try SampleDataFiles.urls())
        let copy = fixture.directory.appendingPathComponent("copy.sqlite")
        try fixture.archive.backup(to: copy.path)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: copy.path)[.size] as? Int)
        let handle = try FileHandle(forWritingTo: copy)
        try handle.truncate(atOffset: UInt64(size / 2))
        try handle.close()
        #expect(throws: SQLiteError.self) { try Archive(path: copy.path) }
        #expect(throws: SQLiteError.self) { try Archive.openReadOnly(path: copy.path) }
    }

    @Test("an archive carrying a trigger of its own is refused before anything runs (a view is kept: UserSchemaObjectsTests)")
    func foreignTrigger() throws {
        for sql in ["CREATE TRIGGER wipe AFTER INSERT ON entry BEGIN DELETE FROM runner; END"] {
            let fixture = try TemporaryArchive()
            try fixture.archive.connection.execute(sql)
            let path = fixture.directory.appendingPathComponent("archive.sqlite").path
            let error = try #require(throws: SQLiteError.self) { try Archive(path: path) }
            #expect(error.message.contains("does not define"))
            #expect(throws: SQLiteError.self) { try Archive.openReadOnly(path: path) }
        }
    }

    @Test("with trusted_schema off, a view cannot call a function with side effects")
    func untrustedSchema() throws {
        let fixture = try TemporaryArchive()
        let path = fixture.directory.appendingPathComponent("other.sqlite").path
        let db = try Connection(path: path)
        try db.execute("CREATE TABLE t (x); CREATE VIEW v AS SELECT load_extension('/nonexistent') FROM t; INSERT INTO t VALUES (1)")
        #expect(throws: SQLiteError.self) { try db.rows("SELECT * FROM v") }
    }
}

@Suite("Files that only look like archives")
struct LookalikeArchiveTests {
    @Test("opening a look-alike file read-write is refused before a migration writes or its trigger fires")
    func lookalikeIsRefusedBeforeMigrating() throws {
        let fixture = try TemporaryArchive()
        let path = fixture.directory.appendingPathComponent("lookalike.sqlite").path
        do {
            let db = try Connection(path: path)
            try db.execute("""
                CREATE TABLE schema_migration (identifier TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT;
                CREATE TABLE fired (what TEXT);
                CREATE TRIGGER on_migration AFTER INSERT ON schema_migration BEGIN INSERT INTO fired VALUES (NEW.identifier); END;
                """)
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: SQLiteError.self) { try Archive(path: path) }
        #expect(throws: SQLiteError.self) { try Archive.openReadOnly(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("an archive behind on migrations is refused read-only, naming what it lacks, and unchanged")
    func olderArchiveNeedsUpgrade() throws {
        let fixture = try TemporaryArchive()
        let path = fixture.directory.appendingPathComponent("older.sqlite").path
        try Migrator(migrations: []).migrate(try Connection(path: path))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = try #require(throws: ArchiveUpgradeNeeded.self) { try Archive.openReadOnly(path: path) }
        #expect(error.pending == Archive.migrations.map(\.identifier))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        _ = try Archive(path: path)
        #expect(try Archive.openReadOnly(path: path).editionKeys().isEmpty)
    }
}
