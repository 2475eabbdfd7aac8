import BarkleyArchive
import Foundation
import SQLiteLayer
import Testing

/// `metadata.json` describes what the archive holds, and nothing it does not.
@Suite("Datasette metadata")
struct DatasetteMetadataTests {
    /// The tables and views (with their columns) that every migration creates: a migration's
    /// author describes its tables and columns in the metadata, or this test fails.
    private func schema() throws -> [String: Set<String>] {
        let db = try Connection.inMemory()
        let described = Archive.migrations
        try Migrator(migrations: described).migrate(db)
        var objects: [String: Set<String>] = [:]
        let names = try db.rows("""
            SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
              AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT GLOB '*_search_*'
            """).map { try $0.require("name", as: String.self) }
        for name in names {
            objects[name] = Set(try db.rows("SELECT name FROM pragma_table_info(?)", [name]).map { try $0.require("name", as: String.self) })
        }
        return objects
    }

    @Test("every table, view and column of the schema is described, and every description names a real one")
    func descriptionsMatchTheSchema() throws {
        let schema = try schema()
        #expect(schema.keys.contains("finishes") && schema.keys.contains("entry"))
        for (name, columns) in schema {
            let table = try #require(DatasetteMetadata.tables[name], "no description of \(name)")
            #expect(!table.description.isEmpty)
            let undescribed = columns.subtracting(table.columns.keys).subtracting(["id"])
            #expect(undescribed.isEmpty, "\(name): columns without a description: \(undescribed.sorted())")
            let stale = Set(table.columns.keys).subtracting(columns)
            #expect(stale.isEmpty, "\(name): descriptions of columns it does not have: \(stale.sorted())")
        }
        let unknown = Set(DatasetteMetadata.tables.keys).subtracting(schema.keys)
        #expect(unknown.isEmpty, "described but not in the schema: \(unknown.sorted())")
    }

    @Test("every canned query runs on the sample history and metadata.json is JSON with title, source and licence")
    func cannedQueriesRun() throws {
        let archive = try Archive.inMemory()
        try archive.importFiles(try SampleDataFiles.urls())
        // Datasette binds the form's values by name; here the test's own constants stand in for them.
        let parameters = [":text": "'paris'", ":name": "'paris'", ":year": "2024"]
        for (name, query) in DatasetteMetadata.queries {
            let sql = parameters.reduce(query.sql) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
            #expect(!sql.contains(":"), "\(name) has a parameter this test does not fill")
            #expect(!(try archive.connection.rows(sql)).isEmpty, "the canned query \(name) finds nothing on the sample history")
        }
        let json = try JSONSerialization.jsonObject(with: DatasetteMetadata.json()) as? [String: Any]
        #expect(json?["title"] is String && json?["source"] is String && json?["license"] is String)
    }
}
