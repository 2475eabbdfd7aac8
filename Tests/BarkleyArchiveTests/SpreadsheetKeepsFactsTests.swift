@testable import BarkleyArchive
import Foundation
import Testing

/// A spreadsheet of entrants has no column for disputed values, reasons, unofficial loops,
/// external ids, or a loop time's direction, sources and note: replacing entrants that hold
/// them drops them, and the report says so (SpreadsheetColumnCoverageTests walks every field).
@Suite("Entrant spreadsheets never drop facts without a word")
struct SpreadsheetKeepsFactsTests {
    /// 2023's three finishers (irunfar23), so the edition's stated count still holds.
    static let csv = """
        name,country,loops_completed,outcome,loop_5
        Aurélien Sanchez,FRA,5,,58:23:12
        John Kelly,USA,5,,58:42:23
        Karel Sabbe,BEL,5,,59:53:33

        """

    @Test("replacing 2023's entrants names Hall's disputed loop 4 and Hamilton's disputed presence, in the dry run too")
    func droppedFactsAreNamed() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles(try SampleDataFiles.urls().filter { $0.lastPathComponent == "2023.yaml" })
        let before = try fixture.snapshot()
        let url = try fixture.file("entrants-2023.csv", Self.csv)
        let dryRun = try fixture.archive.importEntrantsCSV(url, year: 2023, dryRun: true)
        #expect(try fixture.snapshot() == before)
        let report = try fixture.archive.importEntrantsCSV(url, year: 2023)
        #expect(dryRun.notices == report.notices)
        #expect(report.notices.contains { $0.contains("Damian Hall: ") && $0.contains("a disputed time of loop 4") }, "\(report.notices)")
        #expect(report.notices.contains { $0.contains("Greig Hamilton: disputed entered") }, "\(report.notices)")
        #expect(report.description.contains("notice: replacing the entrants drops"))
    }

    @Test("entrants that hold only what the columns carry give no notice")
    func plainEntrantsGiveNoNotice() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles(try SampleDataFiles.urls().filter { $0.lastPathComponent == "2023.yaml" })
        let edition = try #require(try fixture.archive.edition(year: 2023, race: Edition.barkley))
        #expect(!EntrantCSV.factsWithoutAColumn(in: edition, replacedBy: edition).isEmpty)
        var plain = edition.writableByRelease011
        plain.entrants = plain.entrants.map { entrant in
            // Only what a spreadsheet's columns carry: a loop time is its loop and elapsed time.
            var entrant = entrant
            entrant.disputed = []
            entrant.times = entrant.times.map { LoopTime(loop: $0.loop, elapsed: $0.elapsed) }
            return entrant
        }
        #expect(EntrantCSV.factsWithoutAColumn(in: plain, replacedBy: plain).isEmpty)
    }
}
