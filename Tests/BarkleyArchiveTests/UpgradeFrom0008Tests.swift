import BarkleyArchive
import Foundation
import SQLiteLayer
import Testing

/// An archive written by the schema of 0008 opens, gains the file identity columns of 0009
/// and keeps every fact; the stamps it logged, lacking them, never skip a file unread.
@Suite("Upgrade from 0008: file identity in the import log")
struct UpgradeFrom0008Tests {
    @Test("an archive of every SampleData file built by the 0001-0008 schema migrates keeping every row; its files are read again, not skipped")
    func archiveOf0008KeepsEveryFact() throws {
        let fixture = try TemporaryArchive()
        let urls = try SampleDataFiles.urls()
        try fixture.archive.importFiles(urls)
        let current = fixture.archive.connection

        // The same rows in a file built by the migrations up to 0008, copied column by column.
        let olderPath = fixture.directory.appendingPathComponent("older.sqlite").path
        do {
            let older = try Connection(path: olderPath)
            try Migrator(migrations: Archive.migrations.filter { $0.identifier <= "0008_edition_results_outcomes.sql" }).migrate(older)
            #expect(try older.rows("SELECT name FROM pragma_table_info('import_log') WHERE name = 'file_inode'").isEmpty)
            try older.execute("PRAGMA foreign_keys = OFF")
            try older.run("ATTACH DATABASE ? AS current", [fixture.directory.appendingPathComponent("archive.sqlite").path])
            // Plain tables only: the search indexes (virtual tables and their shadow tables) are rebuilt from them.
            let tables = try older.rows("""
                SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migration'
                  AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE '%\\_search\\_%' ESCAPE '\\'
                """).map { try $0.require("name", as: String.self) }
            #expect(tables.contains("import_log"))
            for table in tables { try older.copyRows(of: table, from: "current") }
            try older.execute("DETACH DATABASE current")
            for index in ["runner_search", "entry_search", "edition_search", "source_search"] {
                try older.execute("INSERT INTO \(index) (\(index)) VALUES ('rebuild')")
            }
        }

        let upgraded = try Archive(path: olderPath)
        #expect(try Migrator(migrations: Archive.migrations).pendingMigrations(in: upgraded.connection).isEmpty)
        #expect(try upgraded.connection.rows("PRAGMA foreign_key_check").isEmpty)
        #expect(try upgraded.searchIndexProblems().isEmpty)
        for (race, year) in try fixture.archive.editionKeys() {
            #expect(try upgraded.edition(year: year, race: race) == fixture.archive.edition(year: year, race: race), "\(year)")
        }
        for table in ["runner", "edition", "entry", "loop_time", "source", "disputed_value"] {
            // Table names from this list, not from input; identifiers cannot be bound.
            let sql = "SELECT * FROM \(table) ORDER BY 1, 2"
            #expect(try upgraded.connection.rows(sql) == current.rows(sql), "\(table)")
        }
        let logColumns = "SELECT id, imported_at, file_name, checksum, race, year, summary, file_size, file_modified FROM import_log ORDER BY id"
        #expect(try upgraded.connection.rows(logColumns) == current.rows(logColumns))
        #expect(try upgraded.connection.scalar("SELECT count(*) FROM import_log WHERE file_size IS NOT NULL", as: Int.self) == urls.count)
        #expect(try upgraded.connection.scalar(
            "SELECT count(*) FROM import_log WHERE file_device IS NOT NULL OR file_inode IS NOT NULL OR file_changed IS NOT NULL", as: Int.self) == 0)

        // The folder again: into the upgraded archive every file is read (its stamps lack the
        // file's identity); into the current one, every file is skipped unread.
        let intoUpgraded = try upgraded.importFiles(urls)
        #expect(intoUpgraded.allSatisfy { $0.change == .unchanged && !$0.skippedUnread })
        let intoCurrent = try fixture.archive.importFiles(urls)
        #expect(intoCurrent.allSatisfy { $0.change == .unchanged && $0.skippedUnread })
    }
}
