import BarkleyArchive
import Foundation
import SeededRandom
import Testing

/// Seeded mutations of valid edition and CSV files: every case ends in success or a clear
/// error naming the file, with the database unchanged; never a crash or a hang; and
/// `--dry-run` always says what the import then does, the same problems or the same changes.
///
/// The default run tries a sample; `BARKLEY_HEAVY_TESTS=1` runs 10,000 cases of each kind.
@Suite("Hostile input")
struct HostileInputTests {
    static var caseCount: Int { ProcessInfo.processInfo.environment["BARKLEY_HEAVY_TESTS"] == "1" ? 10_000 : 300 }

    /// One mutation of `text` (see ``HostileMutation``).
    static func mutate(_ text: String, _ random: inout SplitMix64) -> Data {
        Data(HostileMutation.mutate(text, using: &random))
    }

    /// Imports `url` with `--dry-run`, then for real: both must end alike, in reports or in the
    /// same problems (never another error), and a refused import must leave the archive as it was.
    /// Returns whether the file was accepted.
    static func importAgreeingWithDryRun(_ fixture: TemporaryArchive, file: String, _ run: (Bool) throws -> [ImportReport]) throws -> Bool {
        let before = try fixture.snapshot()
        let dryRun: Result<[ImportReport], ImportError>
        do { dryRun = .success(try run(true)) } catch let error as ImportError { dryRun = .failure(error) }
        #expect(try fixture.snapshot() == before, "a dry run writes nothing")
        do {
            let reports = try run(false)
            guard case .success(let predicted) = dryRun else {
                Issue.record("the dry run refused what the import took: \(dryRun)")
                return true
            }
            #expect(predicted.map(\.change) == reports.map(\.change))
            return true
        } catch let error as ImportError {
            #expect(!error.problems.isEmpty)
            #expect(error.problems.allSatisfy { $0.file == file })
            #expect(!error.problems.contains { $0.rule == .schemaRule }, "SQLite refused what the checks let through: \(error)")
            if case .failure(let predicted) = dryRun {
                #expect(predicted.problems == error.problems)
            } else {
                Issue.record("the dry run accepted what the import refused: \(error)")
            }
            #expect(try fixture.snapshot() == before)
            return false
        }
    }

    @Test("mutated edition files end in success or a clear error, database unchanged on error; the dry run says the same")
    func mutatedEditionFiles() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2023.yaml", Sample.edition2024.replacingOccurrences(of: "2024", with: "2023"))])
        var random = SplitMix64(seed: 0xF022)
        var (accepted, refused) = (0, 0)
        for _ in 0..<Self.caseCount {
            let url = try fixture.file("mutant.yaml", "")
            try Self.mutate(Sample.edition2024, &random).write(to: url)
            let wasAccepted = try Self.importAgreeingWithDryRun(fixture, file: "mutant.yaml") { dryRun in try fixture.archive.importFiles([url], dryRun: dryRun) }
            if wasAccepted {
                accepted += 1
                try fixture.archive.connection.run("DELETE FROM edition WHERE year <> 2023")
                try fixture.archive.connection.run("DELETE FROM import_log")
            } else {
                refused += 1
            }
        }
        print("hostile edition files: \(Self.caseCount) cases, \(accepted) accepted, \(refused) refused with a clear error")
        #expect(accepted + refused == Self.caseCount)
    }

    @Test("mutated entrant CSV files end in success or a clear error, database unchanged on error; the dry run says the same")
    func mutatedCSVFiles() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2024.yaml", Sample.edition2024)])
        let csv = try EntrantCSV.text(of: try #require(try fixture.archive.edition(year: 2024)))
        var random = SplitMix64(seed: 0xC5F)
        var (accepted, refused) = (0, 0)
        for index in 0..<Self.caseCount {
            let url = try fixture.file("mutant-\(index % 8).csv", "")
            try Self.mutate(csv, &random).write(to: url)
            let wasAccepted = try Self.importAgreeingWithDryRun(fixture, file: url.lastPathComponent) { dryRun in
                [try fixture.archive.importEntrantsCSV(url, year: 2024, dryRun: dryRun)]
            }
            if wasAccepted {
                accepted += 1
                try fixture.archive.importFiles([fixture.file("2024.yaml", Sample.edition2024)])
            } else {
                refused += 1
            }
        }
        print("hostile CSV files: \(Self.caseCount) cases, \(accepted) accepted, \(refused) refused with a clear error")
    }

    @Test("a 10 MB field is read or refused without trouble")
    func hugeField() throws {
        let fixture = try TemporaryArchive()
        let huge = String(repeating: "x", count: 10 * 1024 * 1024)
        let text = Sample.edition2024.replacingOccurrences(of: "entrant_list: partial", with: "entrant_list: partial\nnotes: \(huge)")
        let report = try fixture.archive.importFiles([fixture.file("2024.yaml", text)])
        #expect(report.map(\.change) == [.added])
        #expect(try fixture.archive.edition(year: 2024)?.notes?.count == huge.count)
    }
}
