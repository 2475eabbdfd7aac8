@testable import BarkleyArchive
import Foundation
import Testing

/// `reason` and `reason_note` are columns of the entrants spreadsheet: written when an entrant
/// has one, read back, so export and import give the same entrants.
@Suite("Entrant spreadsheets carry reasons")
struct SpreadsheetReasonColumnsTests {
    @Test("1998's coded reasons: CSV export, import, export again gives the same file and the same reasons")
    func reasonsRoundTrip() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles(try SampleDataFiles.urls().filter { $0.lastPathComponent == "1998.yaml" })
        var stored = try #require(try fixture.archive.edition(year: 1998, race: Edition.barkley))
        // A spreadsheet has no column marking a loop unofficial (three arrivals after the limit):
        // those times stay in the edition file, not in this round trip.
        for index in stored.entrants.indices { stored.entrants[index].times.removeAll { $0.unofficial != nil } }
        let text = try EntrantCSV.text(of: stored)
        #expect(text.hasPrefix("name,") && text.split(separator: "\n")[0].hasSuffix(",reason,reason_note"))
        let report = try fixture.archive.importEntrantsCSV(try fixture.file("entrants-1998.csv", text), year: 1998)
        let again = try #require(try fixture.archive.edition(year: 1998, race: Edition.barkley))
        #expect(try EntrantCSV.text(of: again) == text)
        #expect(again.entrants.map(\.reason) == stored.entrants.map(\.reason))
        #expect(again.entrants.map(\.reasonNote) == stored.entrants.map(\.reasonNote))
        // Mahoney's excuses column, coded: 34 reasons among the 35 (one gave none).
        #expect(again.entrants.compactMap(\.reason).count == 34)
        // Carried over, a reason is not among the facts the replacement drops.
        #expect(!report.notices.contains { $0.contains("a reason") }, "\(report.notices)")
    }

    @Test("a reason the code list does not have is refused with its line and column; the archive unchanged")
    func unknownReasonRefused() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles(try SampleDataFiles.urls().filter { $0.lastPathComponent == "1998.yaml" })
        let before = try fixture.snapshot()
        let csv = "name,loops_completed,reason,reason_note\nMark Williams,1,tired,slept in\n"
        for dryRun in [true, false] {
            let error = try #require(throws: ImportError.self) {
                try fixture.archive.importEntrantsCSV(try fixture.file("entrants-1998.csv", csv), year: 1998, dryRun: dryRun)
            }
            let problem = try #require(error.problems.first)
            #expect(problem.line == 2 && problem.field == "reason" && problem.rule == .invalidValue, "\(error)")
            #expect(problem.message.contains("'tired'") && problem.message.contains("missed_cutoff"))
            #expect(try fixture.snapshot() == before)
        }
    }

    @Test("a spreadsheet without the reason columns still names the reasons it drops")
    func missingReasonColumnsNamed() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles(try SampleDataFiles.urls().filter { $0.lastPathComponent == "1998.yaml" })
        let stored = try #require(try fixture.archive.edition(year: 1998, race: Edition.barkley))
        let plain = stored.entrants.map { "\($0.name),\($0.loopsCompleted.map(String.init) ?? "")" }.joined(separator: "\n")
        let report = try fixture.archive.importEntrantsCSV(try fixture.file("entrants-1998.csv", "name,loops_completed\n" + plain + "\n"), year: 1998, dryRun: true)
        #expect(report.notices.contains { $0.contains("a reason") }, "\(report.notices)")
    }
}
