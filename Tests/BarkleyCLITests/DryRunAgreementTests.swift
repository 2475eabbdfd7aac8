import BarkleyArchive
import Foundation
import SeededRandom
import Testing

/// `barkley import --dry-run` and `barkley import` on the same hostile files: the same exit code
/// and the same problems, every time, and never SQLite's own words.
///
/// The default run tries 40 files of each kind; `BARKLEY_HEAVY_TESTS=1` runs 1,000.
@Suite struct DryRunAgreementTests {
    static var caseCount: Int { ProcessInfo.processInfo.environment["BARKLEY_HEAVY_TESTS"] == "1" ? 1_000 : 40 }

    /// Runs both imports of `file` into a fresh copy of `base`; returns the import's exit code.
    static func importBoth(_ file: String, extra: [String] = [], base: String, in directory: TemporaryDirectory) throws -> Int32 {
        let archive = directory.path("case.sqlite")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: archive + suffix) }
        try FileManager.default.copyItem(atPath: base, toPath: archive)
        let dryRun = try BarkleyBinary.run(["import", "--db", archive, file, "--dry-run"] + extra)
        let imported = try BarkleyBinary.run(["import", "--db", archive, file] + extra)
        #expect(dryRun.status == imported.status, "dry run: \(dryRun)\nimport: \(imported)")
        #expect(dryRun.stderr == imported.stderr)
        #expect([0, 65].contains(imported.status), "\(imported)")
        #expect(!imported.stderr.contains("SQLite") && !imported.stderr.contains("constraint failed"), "\(imported.stderr)")
        return imported.status
    }

    @Test("mutated edition files: dry run and import agree")
    func editionFiles() throws {
        let directory = try TemporaryDirectory()
        let base = directory.path("base.sqlite")
        #expect(try BarkleyBinary.run(["import", "--db", base, Repository.sample("2023.yaml")]).status == 0)
        let sample = try String(contentsOfFile: Repository.sample("2024.yaml"), encoding: .utf8)
        var random = SplitMix64(seed: 0xD2A7)
        var (accepted, refused) = (0, 0)
        let file = directory.url.appendingPathComponent("2024.yaml")
        for _ in 0..<Self.caseCount {
            try Data(HostileMutation.mutate(sample, using: &random)).write(to: file)
            if try Self.importBoth(file.path, base: base, in: directory) == 0 { accepted += 1 } else { refused += 1 }
        }
        print("barkley import, mutated edition files: \(Self.caseCount) cases, \(accepted) accepted, \(refused) refused; dry run agreed on all")
    }

    @Test("mutated entrant spreadsheets: dry run and import agree")
    func spreadsheets() throws {
        let directory = try TemporaryDirectory()
        let base = directory.path("base.sqlite")
        #expect(try BarkleyBinary.run(["import", "--db", base, Repository.sample("2024.yaml")]).status == 0)
        // The 2024 entrants as a spreadsheet, which imports as it is.
        let sample = try EntrantCSV.text(of: try #require(try Archive(path: base).edition(year: 2024)))
        let file = directory.url.appendingPathComponent("entrants-2024.csv")
        try sample.write(to: file, atomically: true, encoding: .utf8)
        #expect(try Self.importBoth(file.path, extra: ["--year", "2024"], base: base, in: directory) == 0)
        var random = SplitMix64(seed: 0xC5F2)
        var (accepted, refused) = (0, 0)
        for _ in 0..<Self.caseCount {
            try Data(HostileMutation.mutate(sample, using: &random)).write(to: file)
            if try Self.importBoth(file.path, extra: ["--year", "2024"], base: base, in: directory) == 0 { accepted += 1 } else { refused += 1 }
        }
        print("barkley import, mutated spreadsheets: \(Self.caseCount) cases, \(accepted) accepted, \(refused) refused; dry run agreed on all")
    }
}
