@testable import BarkleyArchive
import Foundation
import Testing

/// A runner has one Wikidata item, one DUV id and one UltraSignup id, whichever edition file
/// states them: a file giving another is refused, naming file, line, field and the other value.
@Suite("External ids: one per runner across editions")
struct ExternalIDConflictTests {
    /// An edition of `year` whose one entrant, Jasmin Paris, carries `ids` (YAML lines).
    static func edition(_ year: Int, ids: [String], name: String = "Jasmin Paris") -> String {
        "year: \(year)\nentrant_list: partial\nentrants:\n- name: \(name)\n" + ids.map { "  \($0)\n" }.joined()
    }

    @Test("a Wikidata id differing from a stored edition's is refused in dry run and import alike; the archive unchanged")
    func conflictWithStoredEditionRefused() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2023.yaml", Self.edition(2023, ids: ["wikidata: Q111", "duv: \"77\""]))])
        let before = try fixture.snapshot()
        let file = try fixture.file("2024.yaml", Self.edition(2024, ids: ["duv: \"77\"", "wikidata: Q222"]))
        for dryRun in [true, false] {
            let error = try #require(throws: ImportError.self) { try fixture.archive.importFiles([file], dryRun: dryRun) }
            #expect(error.problems.count == 1, "\(error)")
            let problem = try #require(error.problems.first)
            #expect(problem.rule == .conflictingID)
            #expect(problem.file == "2024.yaml")
            #expect(problem.field == "entrants[0].wikidata")
            #expect(problem.line == 6)
            #expect(problem.message.contains("'Q222'") && problem.message.contains("'Q111'") && problem.message.contains("2023"))
            #expect(try fixture.snapshot() == before)
        }
    }

    @Test("the same ids again, an id the other editions do not state, or none at all are accepted")
    func agreeingOrNewIDsAccepted() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2023.yaml", Self.edition(2023, ids: ["wikidata: Q111"]))])
        let reports = try fixture.archive.importFiles([
            fixture.file("2024.yaml", Self.edition(2024, ids: ["wikidata: Q111", "ultrasignup: \"9\""])),
            fixture.file("2025.yaml", Self.edition(2025, ids: [])),
        ])
        #expect(reports.count == 2)
        #expect(try fixture.archive.connection.rows("SELECT wikidata FROM entry WHERE wikidata IS NOT NULL").count == 2)
    }

    @Test("two files of one batch giving a new runner different ids are refused the same way in dry run and import")
    func conflictWithinBatchRefused() throws {
        let fixture = try TemporaryArchive()
        let before = try fixture.snapshot()
        let files = try [fixture.file("2023.yaml", Self.edition(2023, ids: ["ultrasignup: \"123\""])),
                     fixture.file("2024.yaml", Self.edition(2024, ids: ["ultrasignup: \"456\""]))]
        for dryRun in [true, false] {
            let error = try #require(throws: ImportError.self) { try fixture.archive.importFiles(files, dryRun: dryRun) }
            #expect(error.problems.map(\.description) == [
                "2024.yaml:5: entrants[0].ultrasignup: '456' differs from '123', which 2023.yaml (2023) gives Jasmin Paris; "
                    + "a runner has one ultrasignup id: correct the wrong one, or leave it out here",
            ])
            #expect(try fixture.snapshot() == before)
        }
    }

    @Test("a file replacing the edition that gave the old id, in the same batch as one giving the new, is accepted")
    func correctingBothEditionsInOneBatchAccepted() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2023.yaml", Self.edition(2023, ids: ["wikidata: Q111"]))])
        let files = try [fixture.file("2023.yaml", Self.edition(2023, ids: ["wikidata: Q222"])),
                     fixture.file("2024.yaml", Self.edition(2024, ids: ["wikidata: Q222"]))]
        _ = try fixture.archive.importFiles(files, dryRun: true)
        _ = try fixture.archive.importFiles(files)
        #expect(try fixture.archive.connection.rows("SELECT DISTINCT wikidata FROM entry").map { try $0.require("wikidata", as: String.self) } == ["Q222"])
    }
}
