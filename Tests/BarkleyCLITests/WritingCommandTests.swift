import Foundation
import Testing

/// `import`, `export`, `check` and `backup`, on archive files in temporary directories.
@Suite struct WritingCommandTests {
    /// An edition file that breaks three rules, each on a line of its own.
    static let badEdition = """
        year: 2023
        start_date: "2023-13-40"
        format:
          loops: 5
          time_limit: "60:00:00"
        starters: 40
        entrant_list: partial
        finishers: 1
        entrants:
        - name: Someone
          country: "XXX"
          loops_completed: 5
          times:
          - {loop: 5, elapsed: "61:00:00"}

        """

    @Test func importThenImportAgainIsUnchanged() throws {
        let directory = try TemporaryDirectory()
        let archive = directory.path("archive.sqlite")
        let first = try BarkleyBinary.run(["import", "--db", archive, Repository.sample("2024.yaml"), Repository.sample("2012.yaml")])
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout == """
            2024.yaml: 2024 was added (13 entrants, 11 loop times)
            2012.yaml: 2012 was added (9 entrants, 7 loop times)

            """)
        #expect(first.stderr.isEmpty, "no progress when stderr is not a terminal")
        let second = try BarkleyBinary.run(["import", "--db", archive, Repository.sample("2024.yaml")])
        #expect(second.status == 0, "\(second)")
        #expect(second.stdout == "2024.yaml: 2024 unchanged (already in the archive; nothing written)\n")

        let edition = try BarkleyBinary.run(["edition", "2024", "--db", archive])
        #expect(edition.status == 0)
        try Golden.check(edition.stdout, matches: "edition-2024.txt")
    }

    @Test("an entrants spreadsheet replaces an edition's entrants; a bad cell is exit 65 with its line")
    func importSpreadsheet() throws {
        let directory = try TemporaryDirectory()
        let archive = directory.path("archive.sqlite")
        #expect(try BarkleyBinary.run(["import", "--db", archive, Repository.sample("2025.yaml")]).status == 0)
        let csv = directory.url.appendingPathComponent("entrants-2025.csv")
        try """
            name,country,sex,loops_completed,loop_1,loop_2,loop_3,cite
            John Kelly,USA,M,3,,,39:50:27,irunfar
            Kelly Halpin,,,0,,,,irunfar

            """.write(to: csv, atomically: true, encoding: .utf8)

        let result = try BarkleyBinary.run(["import", "--db", archive, csv.path, "--year", "2025"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("entrants-2025.csv: 2025 was replaced"))
        let funRuns = try BarkleyBinary.run(["fun-runs", "--year", "2025", "--db", archive, "--format", "csv"])
        #expect(funRuns.stdout == "year,runner,country,sex,first_attempt,loops_completed,time,time_seconds\n2025,John Kelly,USA,M,,3,39:50:27,143427\n")

        try "name,loop_1\nJohn Kelly,9:6x:00\n".write(to: csv, atomically: true, encoding: .utf8)
        let bad = try BarkleyBinary.run(["import", "--db", archive, csv.path, "--year", "2025"])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("entrants-2025.csv:2: loop_1:"))

        #expect(try BarkleyBinary.run(["import", "--db", archive, csv.path]).status == 64, "a .csv needs --year")
    }

    @Test func badImportFileIsBadDataAndChangesNothing() throws {
        let directory = try TemporaryDirectory()
        let archive = directory.path("archive.sqlite")
        #expect(try BarkleyBinary.run(["import", "--db", archive, Repository.sample("2024.yaml")]).status == 0)
        let bad = directory.path("2023.yaml")
        try Self.badEdition.write(toFile: bad, atomically: true, encoding: .utf8)
        let bytesBefore = try Data(contentsOf: URL(fileURLWithPath: archive))
        let dumpBefore = try Self.dump(archive, into: directory.path("before"))

        let result = try BarkleyBinary.run(["import", "--db", archive, Repository.sample("2012.yaml"), bad])
        #expect(result.status == 65, "\(result)")
        #expect(result.stdout.isEmpty)
        let problems = result.stderr.split(separator: "\n").filter { $0.hasPrefix("2023.yaml:") }
        // The date, the count of finishers, the country, and the finish over the limit at its own line.
        #expect(problems.count == 4, "every problem, one line each: \(result.stderr)")
        #expect(problems.contains { $0.hasPrefix("2023.yaml:14: entrants[0].times[0].elapsed:") }, "\(result.stderr)")
        #expect(problems.allSatisfy { $0.wholeMatch(of: /2023\.yaml:\d+: [a-z_\[\]0-9.]+: .+/) != nil }, "FILE:LINE: FIELD: MESSAGE")

        #expect(try Data(contentsOf: URL(fileURLWithPath: archive)) == bytesBefore, "the database file is unchanged")
        #expect(try Self.dump(archive, into: directory.path("after")) == dumpBefore, "the archive's contents are unchanged")
    }

    @Test func failedImportLeavesNoNewArchive() throws {
        let directory = try TemporaryDirectory()
        let bad = directory.path("2023.yaml")
        try Self.badEdition.write(toFile: bad, atomically: true, encoding: .utf8)
        let archive = directory.path("new.sqlite")
        let result = try BarkleyBinary.run(["import", "--db", archive, bad])
        #expect(result.status == 65, "\(result)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["2023.yaml"])
    }

    @Test func dryRunWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let archive = directory.path("new.sqlite")
        let result = try BarkleyBinary.run(["import", "--dry-run", "--db", archive, Repository.sample("2024.yaml")])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "2024.yaml: 2024 would be added (13 entrants, 11 loop times)\n")
        #expect(!FileManager.default.fileExists(atPath: archive))
    }

    /// The built-in archive exported is SampleData itself: the files are canonical.
    @Test func exportOfTheBuiltInArchiveIsSampleData() throws {
        let directory = try TemporaryDirectory()
        let result = try BarkleyBinary.run(["export", directory.path("editions")])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "Wrote 40 edition files to \(directory.path("editions")).\n")
        let exported = try FileManager.default.contentsOfDirectory(atPath: directory.path("editions")).sorted()
        let samples = try FileManager.default.contentsOfDirectory(atPath: Repository.sampleData.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(exported == samples)
        for name in samples {
            let written = try String(contentsOfFile: directory.path("editions/\(name)"), encoding: .utf8)
            #expect(written == (try String(contentsOfFile: Repository.sample(name), encoding: .utf8)), "\(name) differs")
        }
    }

    @Test func backupOfTheBuiltInArchiveIsAUsableArchive() throws {
        let directory = try TemporaryDirectory()
        let copy = directory.path("barkley.sqlite")
        let result = try BarkleyBinary.run(["backup", copy])
        #expect(result.status == 0, "\(result)")
        let again = try BarkleyBinary.run(["backup", copy])
        #expect(again.status == 1, "a backup never overwrites: \(again)")

        let fromCopy = try BarkleyBinary.run(["edition", "2024", "--format", "json", "--db", copy])
        let builtIn = try BarkleyBinary.run(["edition", "2024", "--format", "json"])
        #expect(fromCopy.status == 0, "\(fromCopy)")
        #expect(fromCopy.stdout == builtIn.stdout)
        let check = try BarkleyBinary.run(["check", "--db", copy])
        #expect(check.status == 0, "\(check)")
    }

    @Test func checkOfTheBuiltInArchivePasses() throws {
        let result = try BarkleyBinary.run(["check"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "Integrity: ok (integrity_check with CHECK constraints, foreign_key_check)\nSchema: ok (as the migrations define it)\nSearch: ok (every full-text index in step with its table)\nRules: ok (40 editions checked, derived values recomputed)\n")
    }

    /// Every stored edition written out as text, for comparing an archive's contents.
    static func dump(_ archive: String, into directory: String) throws -> [String: String] {
        let result = try BarkleyBinary.run(["export", "--db", archive, directory])
        #expect(result.status == 0, "\(result)")
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            files[name] = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
        }
        let log = try BarkleyBinary.run(["sql", "SELECT file_name, checksum, race, year, summary FROM import_log ORDER BY id", "--format", "csv", "--db", archive])
        files["import_log"] = log.stdout
        return files
    }
}
