import BarkleyArchive
import Foundation
import Testing

/// `import --dry-run`, `import` and `check` on times no Barkley could produce.
@Suite struct ImplausibleTimeCommandTests {
    @Test("a wrapped finish in an entrants spreadsheet: dry run and import both exit 65 naming the wrap and the fix")
    func wrappedSpreadsheetColumn() throws {
        let directory = try TemporaryDirectory()
        let archive = directory.path("archive.sqlite")
        #expect(try BarkleyBinary.run(["import", "--db", archive, Repository.sample("2023.yaml")]).status == 0)
        let csv = directory.url.appendingPathComponent("entrants-2023.csv")
        try """
            name,country,sex,loops_completed,loop_1,loop_2,loop_3,loop_4,loop_5
            Aurélien Sanchez,FRA,M,5,,,,,10:23:12
            John Kelly,USA,M,5,,,,,58:42:23

            """.write(to: csv, atomically: true, encoding: .utf8)
        let dryRun = try BarkleyBinary.run(["import", "--db", archive, csv.path, "--year", "2023", "--dry-run"])
        let imported = try BarkleyBinary.run(["import", "--db", archive, csv.path, "--year", "2023"])
        #expect(dryRun.status == 65, "\(dryRun)")
        #expect(imported.status == 65, "\(imported)")
        #expect(dryRun.stderr == imported.stderr)
        #expect(imported.stderr.contains("entrants-2023.csv:2:"))
        #expect(imported.stderr.contains("wrapped at 24 hours (34:23:12 or 58:23:12?)"))
        #expect(imported.stderr.contains("[h]:mm:ss"))
        #expect(!imported.stderr.contains("SQLite"))
    }

    @Test("a zero placeholder time: the dry run exits 65 as the import does, with file, line and field")
    func zeroPlaceholder() throws {
        let directory = try TemporaryDirectory()
        let archive = directory.path("archive.sqlite")
        let text = try String(contentsOfFile: Repository.sample("2025.yaml"), encoding: .utf8)
            .replacingOccurrences(of: #"elapsed: "39:50:27""#, with: #"elapsed: "0:00:00""#)
        let file = directory.url.appendingPathComponent("2025.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let dryRun = try BarkleyBinary.run(["import", "--db", archive, file.path, "--dry-run"])
        let imported = try BarkleyBinary.run(["import", "--db", archive, file.path])
        #expect(dryRun.status == 65, "\(dryRun)")
        #expect(imported.status == 65, "\(imported)")
        #expect(dryRun.stderr == imported.stderr)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(#"elapsed: "0:00:00""#) }) + 1
        #expect(imported.stderr.contains("2025.yaml:\(line): entrants[0].times[0].elapsed: 0:00:00"), "\(imported.stderr)")
        #expect(!imported.stderr.contains("constraint"))
        #expect(!FileManager.default.fileExists(atPath: archive), "a failed import into a new archive leaves nothing")
    }

    @Test("check reports a stored time wrapped at 24 hours, naming the edition file, the true time and the fix")
    func checkFindsStoredWrap() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("archive.sqlite")
        #expect(try BarkleyBinary.run(["import", "--db", path, Repository.sample("2024.yaml")]).status == 0)
        #expect(try BarkleyBinary.run(["check", "--db", path]).status == 0)
        do {
            // As an older version, which had no plausibility rules, would have stored the spreadsheet.
            let archive = try Archive(path: path)
            try archive.connection.run("""
                UPDATE loop_time SET elapsed_seconds = elapsed_seconds % 86400
                WHERE loop = 5 AND entry_id = (SELECT id FROM entry WHERE name = 'Jasmin Paris')
                """)
        }
        let check = try BarkleyBinary.run(["check", "--db", path])
        #expect(check.status == 65, "\(check)")
        #expect(check.stderr.contains("2024.yaml:"))
        #expect(check.stderr.contains("11:58:21 at loop 5"))
        #expect(check.stderr.contains("59:58:21?"))
        #expect(check.stderr.contains("[h]:mm:ss"))
    }
}
