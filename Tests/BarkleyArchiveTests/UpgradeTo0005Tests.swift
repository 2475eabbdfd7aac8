@testable import BarkleyArchive
import Foundation
import SQLiteLayer
import Testing

/// An archive written by the schema before 0005 opens, migrates and keeps every fact.
@Suite("Upgrade to 0005: outcomes with reasons, races, identity")
struct UpgradeTo0005Tests {
    @Test("an archive of every SampleData edition built by the 0001-0003 schema migrates and keeps every fact; runners get their keys")
    func olderArchiveKeepsEveryFact() throws {
        let fixture = try TemporaryArchive()
        // The current archive: every real edition, as far as the older schema can hold it.
        try fixture.archive.importEditions(try SampleDataFiles.release011Editions())
        let current = fixture.archive.connection

        // The same rows in a file built by the migrations before 0005, copied column by column.
        let olderPath = fixture.directory.appendingPathComponent("older.sqlite").path
        do {
            let older = try Connection(path: olderPath)
            let before0005 = Archive.migrations.filter { $0.identifier <= "0003_bounds.sql" }
            try Migrator(migrations: before0005).migrate(older)
            try older.execute("PRAGMA foreign_keys = OFF")
            try older.run("ATTACH DATABASE ? AS current", [fixture.directory.appendingPathComponent("archive.sqlite").path])
            let tables = try older.rows("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migration'")
                .map { try $0.require("name", as: String.self) }
            for table in tables {
                // Names from sqlite_schema, not from input; identifiers cannot be bound.
                try older.copyRows(of: table, from: "current")
            }
            try older.execute("DETACH DATABASE current")
            #expect(try older.scalar("SELECT count(*) FROM entry", as: Int.self) == current.scalar("SELECT count(*) FROM entry", as: Int.self))
        }

        let upgraded = try Archive(path: olderPath)
        #expect(try Migrator(migrations: Archive.migrations).pendingMigrations(in: upgraded.connection).isEmpty)
        #expect(try upgraded.connection.rows("PRAGMA foreign_key_check").isEmpty)
        for (race, year) in try fixture.archive.editionKeys() {
            let before = try #require(try fixture.archive.edition(year: year, race: race))
            #expect(try upgraded.edition(year: year, race: race) == before.keepingRelease011Facts, "\(year)")
        }
        // Every stored column of the tables the migration rebuilt or widened, row for row.
        for sql in ["SELECT * FROM entry ORDER BY id", "SELECT * FROM loop_time ORDER BY entry_id, loop", "SELECT * FROM runner ORDER BY id",
                    "SELECT * FROM edition ORDER BY id"] {
            #expect(try upgraded.connection.rows(sql) == current.rows(sql), "\(sql)")
        }
        #expect(try upgraded.connection.scalar("SELECT count(*) FROM runner WHERE key IS NULL", as: Int.self) == 0)
    }
}
