import BarkleyArchive
import Foundation
import SQLiteLayer
import Testing

/// Views and indexes an archive's owner adds are theirs to keep; a trigger or table is refused.
@Suite("A user's own views and indexes")
struct UserSchemaObjectsTests {
    private static let view = "CREATE VIEW my_finishers AS SELECT name, finish_seconds FROM entry WHERE outcome = 'finish'"
    private static let index = "CREATE INDEX my_entry_names ON entry (name)"

    private func names(_ connection: Connection, type: String) throws -> Set<String> {
        Set(try connection.rows("SELECT name FROM sqlite_schema WHERE type = ?", [type]).map { try $0.require("name") })
    }

    @Test("a view and an index a user adds are kept and work: reading, importing again, check")
    func keptThroughReadingAndImport() throws {
        let fixture = try TemporaryArchive()
        let path = fixture.directory.appendingPathComponent("archive.sqlite").path
        try fixture.archive.importFiles([try fixture.file("2024.yaml", Sample.edition2024)])
        try fixture.archive.connection.execute(Self.view + "; " + Self.index)

        let reader = try Archive.openReadOnly(path: path)
        #expect(try reader.connection.rows("SELECT name FROM my_finishers").map { try $0.require("name", as: String.self) }.sorted()
                == ["Ihor Verys", "Jasmin Paris"])
        #expect(try reader.schemaProblems().isEmpty, "a user's view or index is no schema problem")

        let writer = try Archive(path: path)
        let renamed = Sample.edition2024.replacingOccurrences(of: "- name: Jasmin Paris", with: "- name: Wilma Treadwell")
        try writer.importFiles([try fixture.file("2024.yaml", renamed)])
        #expect(try writer.connection.rows("SELECT name FROM my_finishers").map { try $0.require("name", as: String.self) }.sorted()
                == ["Ihor Verys", "Wilma Treadwell"])
        #expect(try names(writer.connection, type: "index").contains("my_entry_names"))
        let plan = try writer.connection.rows("EXPLAIN QUERY PLAN SELECT id FROM entry WHERE name = 'Ihor Verys'")
            .map { try $0.require("detail", as: String.self) }.joined()
        #expect(plan.contains("my_entry_names"), "the user's index is used: \(plan)")
    }

    @Test("an upgrade that rebuilds the tables a user's view and index name keeps both")
    func keptThroughUpgrade() throws {
        let fixture = try TemporaryArchive()
        let path = fixture.directory.appendingPathComponent("old.sqlite").path
        do {
            // An archive as version 0.2 wrote it (0001–0002), with a view and index of the user's.
            let old = try Connection(path: path)
            try Migrator(migrations: Array(Archive.migrations.prefix(2))).migrate(old)
            try old.execute(Self.view + "; " + Self.index)
        }
        // Migration 0003 drops and rebuilds `entry`: without setting them aside, the rename
        // would fail on the view and the index would be lost.
        let upgraded = try Archive(path: path)
        #expect(try upgraded.connection.scalar("SELECT count(*) FROM schema_migration", as: Int.self) == Archive.migrations.count)
        #expect(try names(upgraded.connection, type: "view").contains("my_finishers"))
        #expect(try names(upgraded.connection, type: "index").contains("my_entry_names"))
        try upgraded.importFiles([try fixture.file("2024.yaml", Sample.edition2024)])
        #expect(try upgraded.connection.scalar("SELECT count(*) FROM my_finishers", as: Int.self) == 2)
        #expect(try upgraded.schemaProblems().isEmpty)
    }

    @Test("a trigger or a table of a user's own is still refused, read-only and read-write")
    func triggerAndTableRefused() throws {
        for sql in ["CREATE TRIGGER wipe AFTER INSERT ON entry BEGIN DELETE FROM runner; END",
                    "CREATE TABLE my_notes (text TEXT)"] {
            let fixture = try TemporaryArchive()
            try fixture.archive.connection.execute(sql)
            let path = fixture.directory.appendingPathComponent("archive.sqlite").path
            let error = try #require(throws: SQLiteError.self) { try Archive(path: path) }
            #expect(error.code == .auth)
            #expect(throws: SQLiteError.self) { try Archive.openReadOnly(path: path) }
        }
    }
}
