import BarkleyArchive
import Foundation
import SQLiteLayer
import Testing

/// The full-text indexes of `Migrations/0006_reader_views.sql`, kept in step by the importer.
@Suite("Full-text search kept in step by the importer")
struct SearchIndexTests {
    /// The rows of `index` whose words match `query` (FTS5 syntax), by the text they index.
    private func matches(_ archive: Archive, _ index: String, _ query: String, column: String, table: String) throws -> [String] {
        // `index`, `column` and `table` are this file's constants; the query is bound.
        try archive.connection.rows("""
            SELECT \(table).\(column) AS text FROM \(index) JOIN \(table) ON \(table).rowid = \(index).rowid
            WHERE \(index) MATCH ? ORDER BY 1
            """, [query]).map { try $0.require("text") }
    }

    private func runners(_ archive: Archive, _ query: String) throws -> [String] {
        try matches(archive, "runner_search", query, column: "name", table: "runner")
    }

    private func citations(_ archive: Archive, _ query: String) throws -> [String] {
        try matches(archive, "source_search", query, column: "citation", table: "source")
    }

    private func entries(_ archive: Archive, _ query: String) throws -> [String] {
        try matches(archive, "entry_search", query, column: "name", table: "entry")
    }

    @Test("a re-import finds the new names, spellings, notes and citations and loses the removed ones")
    func reimportKeepsSearchInStep() throws {
        let fixture = try TemporaryArchive()
        let archive = fixture.archive
        try archive.importFiles([try fixture.file("2024.yaml", Sample.edition2024)])
        #expect(try runners(archive, "paris") == ["Jasmin Paris"])
        #expect(try runners(archive, "calmettes") == ["Guillaume Calmettes"])
        #expect(try citations(archive, "irunfar").count == 1)
        #expect(try entries(archive, "kumquat").isEmpty)

        let corrected = Sample.edition2024
            .replacingOccurrences(of: "- name: Jasmin Paris\n  country: \"GBR\"",
                                  with: "- name: Zoe Quintessa\n  listed_as: Zoë Quintesa\n  note: Wore a kumquat-shaped headlamp\n  country: \"GBR\"")
            .replacingOccurrences(of: "https://irunfar.com/2024-barkley-marathons-results", with: "https://example.org/results-page")
        #expect(corrected != Sample.edition2024)
        try archive.importFiles([try fixture.file("2024.yaml", corrected)])

        #expect(try runners(archive, "paris").isEmpty, "a runner no longer in the archive is no longer found")
        #expect(try runners(archive, "quintessa") == ["Zoe Quintessa"])
        #expect(try runners(archive, "calmettes") == ["Guillaume Calmettes"], "an entrant imported again is found once")
        #expect(try entries(archive, "quintesa") == ["Zoe Quintessa"], "the spelling a source listed is searched")
        #expect(try entries(archive, "zoe") == ["Zoe Quintessa"], "accents are ignored")
        #expect(try entries(archive, "kumquat") == ["Zoe Quintessa"], "notes are searched")
        #expect(try citations(archive, "irunfar").isEmpty)
        #expect(try citations(archive, "example") == ["https://example.org/results-page"])
    }

    @Test("edition notes are searched, and a failed import leaves the index as it was")
    func editionNotesAndRollback() throws {
        let fixture = try TemporaryArchive()
        let archive = fixture.archive
        let withNotes = Sample.edition2024.replacingOccurrences(of: "starters: 40\n", with: "starters: 40\nnotes: Rain and fog on every loop\n")
        try archive.importFiles([try fixture.file("2024.yaml", withNotes)])
        let notes = try archive.connection.rows("SELECT rowid FROM edition_search WHERE edition_search MATCH 'fog'")
        #expect(notes.count == 1)

        // A sound edition written first, then a file that breaks a rule: the import rolls back whole.
        let sound = Sample.edition2024.replacingOccurrences(of: "year: 2024", with: "year: 2023")
            .replacingOccurrences(of: "2024-03-20", with: "2023-03-20")
            .replacingOccurrences(of: "- name: Jasmin Paris", with: "- name: Vera Newcomer")
        let broken = withNotes.replacingOccurrences(of: "starters: 40", with: "starters: -1")
        #expect(throws: ImportError.self) {
            try archive.importFiles([try fixture.file("2023.yaml", sound), try fixture.file("2024.yaml", broken)])
        }
        #expect(try runners(archive, "paris") == ["Jasmin Paris"])
        #expect(try runners(archive, "newcomer").isEmpty)
        #expect(try archive.connection.rows("SELECT rowid FROM edition_search WHERE edition_search MATCH 'fog'").count == 1)
    }

    @Test("the whole sample history is searchable: every runner by their own name")
    func everyRunnerFound() throws {
        let archive = try Archive.inMemory()
        try archive.importFiles(try SampleDataFiles.urls())
        try archive.importFiles(try SampleDataFiles.urls())  // unchanged: nothing is written twice
        for row in try archive.connection.rows("SELECT id, name FROM runner") {
            let id: Int64 = try row.require("id")
            let name: String = try row.require("name")
            // The name as one FTS5 phrase; a double quote inside is doubled.
            let phrase = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let found = try archive.connection.rows("SELECT rowid FROM runner_search WHERE runner_search MATCH ?", [phrase])
                .map { try $0.require("rowid", as: Int64.self) }
            #expect(found.contains(id), "\(name)")
        }
    }
}
