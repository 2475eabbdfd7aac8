import BarkleyArchive
import Foundation
import SQLiteLayer
import Testing

@Suite("Importing again")
struct ReimportTests {
    @Test("the same file again changes nothing and says so")
    func idempotent() throws {
        let fixture = try TemporaryArchive()
        let url = try fixture.file("2024.yaml", Sample.edition2024)
        #expect(try fixture.archive.importFiles([url]).map(\.change) == [.added])
        let before = try fixture.snapshot()

        let again = try fixture.archive.importFiles([url])

        #expect(again.map(\.change) == [.unchanged])
        #expect(again[0].description.contains("unchanged"))
        #expect(try fixture.snapshot() == before)
    }

    @Test("a corrected file replaces the edition and reports what was added, removed and changed")
    func replacement() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2024.yaml", Sample.edition2024)])
        let corrected = Sample.edition2024
            .replacingOccurrences(of: "- name: Guillaume Calmettes\n  country: \"FRA\"\n  loops_completed: 3\n  times:\n  - {loop: 3, elapsed: \"39:52:59\"}\n",
                                  with: "- name: Maxime Gauduin\n  country: \"FRA\"\n")
            .replacingOccurrences(of: "\"58:44:59\"", with: "\"58:44:58\"")
            .replacingOccurrences(of: "starters: 40", with: "starters: 38")
        #expect(corrected != Sample.edition2024)

        let report = try #require(try fixture.archive.importFiles([fixture.file("2024.yaml", corrected)]).first)

        #expect(report.change == .replaced)
        #expect(report.addedEntrants == ["Maxime Gauduin"])
        #expect(report.removedEntrants == ["Guillaume Calmettes"])
        #expect(report.changedEntrants == ["Ihor Verys"])
        #expect(report.changedFields == ["starters"])
        let stored = try #require(try fixture.archive.edition(year: 2024))
        #expect(stored.starters == 38)
        #expect(stored.entrants.map(\.name) == ["Jasmin Paris", "Ihor Verys", "Maxime Gauduin"])
        #expect(stored.entrants[1].times.last?.elapsed == RaceTime(hours: 58, minutes: 44, seconds: 58))
        // The removed runner ran no other edition, so no trace of them is left.
        #expect(try fixture.archive.runners(named: "Guillaume Calmettes").isEmpty)
    }

    @Test("every import that changed something is logged with file name, checksum and summary")
    func importLog() throws {
        let fixture = try TemporaryArchive()
        let url = try fixture.file("2024.yaml", Sample.edition2024)
        try fixture.archive.importFiles([url])
        try fixture.archive.importFiles([url])
        try fixture.archive.importFiles([fixture.file("2024.yaml", Sample.edition2024(replacing: "starters: 40", with: "starters: 39"))])

        let log = try fixture.archive.connection.rows("SELECT file_name, checksum, year, summary FROM import_log ORDER BY id")
        #expect(log.count == 2)
        #expect(try log.map { try $0.require("file_name", as: String.self) } == ["2024.yaml", "2024.yaml"])
        #expect(try log[0].require("checksum", as: String.self) == Checksum.fnv1a64(Sample.edition2024))
        #expect(try log[1].require("summary", as: String.self).contains("replaced"))
    }

    @Test("--dry-run reports the change and writes nothing")
    func dryRun() throws {
        let fixture = try TemporaryArchive()
        let before = try fixture.snapshot()
        let reports = try fixture.archive.importFiles([fixture.file("2024.yaml", Sample.edition2024)], dryRun: true)
        #expect(reports.map(\.change) == [.added])
        #expect(reports[0].description.contains("would be added"))
        #expect(try fixture.snapshot() == before)
    }
}

@Suite("Runner identity")
struct RunnerIdentityTests {
    @Test("the same name in two editions is one runner, whatever the case and accents")
    func sameRunnerAcrossEditions() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([
            fixture.file("2023.yaml", "year: 2023\nentrant_list: partial\nentrants:\n- name: Aurélien Sanchez\n  listed_as: Aurelian Sanchez\n"),
            fixture.file("2024.yaml", "year: 2024\nentrant_list: partial\nentrants:\n- name: AURELIEN SANCHEZ\n"),
        ])
        let runners = try fixture.archive.runners(named: "aurelien sanchez")
        #expect(runners.count == 1)
        #expect(runners.first?.name == "Aurélien Sanchez")
        #expect(runners.first?.aliases == ["AURELIEN SANCHEZ", "Aurelian Sanchez"])
        let entries = try fixture.archive.connection.scalar("SELECT count(*) FROM entry WHERE runner_id = ?", [runners[0].id], as: Int.self)
        #expect(entries == 2)
        // Another spelling a source used finds the runner too.
        #expect(try fixture.archive.runners(named: "Aurelian Sanchez").map(\.id) == [runners[0].id])
    }
}

@Suite("Entrants from a spreadsheet")
struct EntrantCSVImportTests {
    let csv = """
        name,listed_as,country,sex,first_attempt,loops_completed,outcome,loop_1,loop_2,loop_3,loop_4,loop_5,cite,note
        Jasmin Paris,,GBR,F,false,5,,,,,,59:58:21,irunfar,"First woman to finish, 99 s inside"
        Ihor Verys,,CAN,M,true,5,,,,31:31:47,45:46:32,58:44:59,,
        """

    @Test("a CSV replaces an edition's entrants through the same validation")
    func importsCSV() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2024.yaml", Sample.edition2024)])
        let report = try fixture.archive.importEntrantsCSV(fixture.file("2024.csv", csv), year: 2024)
        #expect(report.removedEntrants == ["Guillaume Calmettes"])
        let edition = try #require(try fixture.archive.edition(year: 2024))
        #expect(edition.entrants.map(\.name) == ["Jasmin Paris", "Ihor Verys"])
        #expect(edition.entrants[0].note == "First woman to finish, 99 s inside")
        #expect(edition.entrants[1].times.map(\.loop) == [3, 4, 5])
    }

    @Test("a bad cell is reported with its line and column; nothing is written")
    func badCell() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2024.yaml", Sample.edition2024)])
        let before = try fixture.snapshot()
        let bad = csv.replacingOccurrences(of: "45:46:32", with: "45:6x:32")
        let error = try #require(throws: ImportError.self) {
            try fixture.archive.importEntrantsCSV(fixture.file("2024.csv", bad), year: 2024)
        }
        #expect(error.problems.contains { $0.rule == .unparsableTime && $0.line == 3 && $0.field == "loop_4" })
        #expect(try fixture.snapshot() == before)

        let badCountry = try #require(throws: ImportError.self) {
            try fixture.archive.importEntrantsCSV(fixture.file("2024.csv", csv.replacingOccurrences(of: ",GBR,", with: ",UK,")), year: 2024)
        }
        #expect(badCountry.problems.map(\.rule) == [.unknownCountry])
        #expect(badCountry.problems.first?.line == 2)
        #expect(try fixture.snapshot() == before)
    }
}

@Suite("Migrations")
struct ShippedMigrationTests {
    @Test("the migrations inside the library are exactly the files in Migrations/")
    func shippedEqualsFiles() throws {
        let folder = SampleDataFiles.directory.deletingLastPathComponent().appendingPathComponent("Migrations")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sql" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        #expect(!files.isEmpty)
        #expect(Archive.migrations.map(\.identifier) == files.map(\.lastPathComponent))
        for (migration, file) in zip(Archive.migrations, files) {
            #expect(migration.sql == (try String(contentsOf: file, encoding: .utf8)))
        }
    }

    @Test("an archive written by a newer version is refused, naming the migration")
    func newerArchiveRefused() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.connection.run("INSERT INTO schema_migration (identifier, checksum, applied_at) VALUES ('9999_future.sql', 'x', 'now')")
        let path = fixture.directory.appendingPathComponent("archive.sqlite").path
        #expect(throws: MigrationError.unknownMigration("9999_future.sql")) { try Archive(path: path) }
        #expect(throws: MigrationError.unknownMigration("9999_future.sql")) { try Archive.openReadOnly(path: path) }
    }
}

@Suite("Importing a whole folder again")
struct UnchangedFileTests {
    /// Imports 2023 and 2024, then returns the fixture and the two files.
    static func imported() throws -> (TemporaryArchive, URL, URL) {
        let fixture = try TemporaryArchive()
        let a = try fixture.file("2023.yaml", Sample.edition2024.replacingOccurrences(of: "2024", with: "2023"))
        let b = try fixture.file("2024.yaml", Sample.edition2024)
        try fixture.archive.importFiles([a, b])
        return (fixture, a, b)
    }

    @Test("a file whose bytes its edition was last imported from is reported unchanged without being parsed")
    func unchangedFileIsNotParsed() throws {
        let (fixture, a, b) = try Self.imported()
        // Were the files parsed and compared, this difference would make 2024 "replaced".
        try fixture.archive.connection.run("UPDATE edition SET starters = 41 WHERE year = 2024")
        let before = try fixture.snapshot()
        for dryRun in [true, false] {
            let reports = try fixture.archive.importFiles([a, b], dryRun: dryRun)
            #expect(reports.map(\.change) == [.unchanged, .unchanged])
            #expect(reports.map(\.fileName) == ["2023.yaml", "2024.yaml"])
            #expect(reports.map(\.entrantCount) == [nil, nil], "not read, so not counted")
            #expect(reports[1].description == "2024.yaml: 2024 unchanged (already in the archive; nothing written)")
        }
        #expect(try fixture.snapshot() == before)
    }

    @Test("an edited file among unchanged ones is read and replaces its edition; only it is logged")
    func editedFileIsRead() throws {
        let (fixture, a, b) = try Self.imported()
        try Sample.edition2024(replacing: "starters: 40", with: "starters: 39").write(to: b, atomically: true, encoding: .utf8)
        let reports = try fixture.archive.importFiles([a, b])
        #expect(reports.map(\.change) == [.unchanged, .replaced])
        #expect(reports[1].changedFields == ["starters"])
        #expect(try fixture.archive.connection.scalar("SELECT count(*) FROM import_log", as: Int.self) == 3)
        #expect(try fixture.archive.importFiles([a, b]).map(\.change) == [.unchanged, .unchanged])
    }

    @Test("a file is read again once its edition was replaced from another file, and given twice it is refused")
    func replacedOrRepeatedFileIsRead() throws {
        let (fixture, _, b) = try Self.imported()
        let other = try fixture.file("2024-corrected.yaml", Sample.edition2024(replacing: "starters: 40", with: "starters: 38"))
        try fixture.archive.importFiles([other])
        // 2024.yaml was 2024's last import no longer: it is read and replaces the correction.
        let reports = try fixture.archive.importFiles([b])
        #expect(reports.map(\.change) == [.replaced])
        #expect(try fixture.archive.edition(year: 2024)?.starters == 40)

        let copy = try fixture.file("2024-copy.yaml", Sample.edition2024)
        let error = try #require(throws: ImportError.self) { try fixture.archive.importFiles([b, copy]) }
        #expect(error.problems.map(\.rule) == [.duplicateEdition])
        #expect(error.problems.first?.file == "2024-copy.yaml")
        #expect(error.problems.first?.line == 1)
    }

    @Test("an unreadable file among unchanged ones is still refused, naming it")
    func unreadableFileAmongUnchanged() throws {
        let (fixture, a, _) = try Self.imported()
        let missing = fixture.directory.appendingPathComponent("2022.yaml")
        let error = try #require(throws: ImportError.self) { try fixture.archive.importFiles([a, missing]) }
        #expect(error.problems.map(\.file) == ["2022.yaml"])
    }
}
