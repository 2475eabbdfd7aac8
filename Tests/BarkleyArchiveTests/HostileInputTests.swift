import BarkleyArchive
import Foundation
import SeededRandom
import Testing

/// Seeded mutations of valid edition and CSV files: every case ends in success or a clear
/// error naming the file, with the database unchanged; never a crash or a hang.
///
/// The default run tries a sample; `BARKLEY_HEAVY_TESTS=1` runs 10,000 cases of each kind.
@Suite("Hostile input")
struct HostileInputTests {
    static var caseCount: Int { ProcessInfo.processInfo.environment["BARKLEY_HEAVY_TESTS"] == "1" ? 10_000 : 300 }

    /// One mutation of `text`, chosen by `random`.
    static func mutate(_ text: String, _ random: inout SplitMix64) -> Data {
        var bytes = Array(text.utf8)
        let position = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<9, using: &random) {
        case 0: bytes = Array(bytes[..<position])                                   // truncation
        case 1: bytes.insert(contentsOf: [0xFF, 0xC3, 0x28], at: position)        // bad UTF-8
        case 2: bytes.insert(contentsOf: Array("99999999999999999999999999".utf8), at: position)  // huge number
        case 3: bytes.insert(UInt8(ascii: "-"), at: position)                      // negative values
        case 4:                                                                     // a duplicated line
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let index = Int.random(in: 0..<lines.count, using: &random)
            bytes = Array((lines[...index] + [lines[index]] + lines[(index + 1)...]).joined(separator: "\n").utf8)
        case 5: bytes.insert(contentsOf: Array(String(repeating: "[", count: 5_000).utf8), at: position)  // deep nesting
        case 6: bytes.insert(contentsOf: Array(String(repeating: "- ", count: 5_000).utf8), at: position)
        case 7: bytes.remove(at: position)                                          // a lost byte
        default: bytes[position] = UInt8.random(in: 0...255, using: &random)       // a flipped byte
        }
        return Data(bytes)
    }

    @Test("mutated edition files end in success or a clear error, database unchanged on error")
    func mutatedEditionFiles() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2023.yaml", Sample.edition2024.replacingOccurrences(of: "2024", with: "2023"))])
        var random = SplitMix64(seed: 0xF022)
        var (accepted, refused) = (0, 0)
        for _ in 0..<Self.caseCount {
            let data = Self.mutate(Sample.edition2024, &random)
            let before = try fixture.snapshot()
            do {
                let parsed = try EditionFileReader.read(data: data, fileName: "mutant.yaml")
                try fixture.archive.importEditions([parsed])
                accepted += 1
                try fixture.archive.connection.run("DELETE FROM edition WHERE year <> 2023")
                try fixture.archive.connection.run("DELETE FROM import_log")
            } catch let error as ImportError {
                refused += 1
                #expect(!error.problems.isEmpty)
                #expect(error.problems.allSatisfy { $0.file == "mutant.yaml" })
                #expect(try fixture.snapshot() == before)
            }
        }
        print("hostile edition files: \(Self.caseCount) cases, \(accepted) accepted, \(refused) refused with a clear error")
        #expect(accepted + refused == Self.caseCount)
    }

    @Test("mutated entrant CSV files end in success or a clear error, database unchanged on error")
    func mutatedCSVFiles() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2024.yaml", Sample.edition2024)])
        let csv = try EntrantCSV.text(of: try #require(try fixture.archive.edition(year: 2024)))
        var random = SplitMix64(seed: 0xC5F)
        var (accepted, refused) = (0, 0)
        for index in 0..<Self.caseCount {
            let url = try fixture.file("mutant-\(index % 8).csv", "")
            try Self.mutate(csv, &random).write(to: url)
            let before = try fixture.snapshot()
            do {
                try fixture.archive.importEntrantsCSV(url, year: 2024)
                accepted += 1
                try fixture.archive.importFiles([fixture.file("2024.yaml", Sample.edition2024)])
            } catch let error as ImportError {
                refused += 1
                #expect(error.problems.allSatisfy { $0.file == url.lastPathComponent })
                #expect(try fixture.snapshot() == before)
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
