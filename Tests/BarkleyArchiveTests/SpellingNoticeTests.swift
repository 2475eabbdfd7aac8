@testable import BarkleyArchive
import Foundation
import Testing

/// A name that differs from a stored runner's only in case or accents joins that runner (the
/// match folds them), but never silently: the import report names both spellings and says
/// what to write, the same in `--dry-run`.
@Suite("Spellings joined by case or accents are reported")
struct SpellingNoticeTests {
    static func edition(_ year: Int, _ names: [String]) -> String {
        "year: \(year)\nentrant_list: partial\nentrants:\n" + names.map { "- name: \($0)\n  loops_completed: 1\n" }.joined()
    }

    @Test("joined to the stored runner and reported with both spellings, the line and listed_as",
          arguments: ["JASMIN PARIS", "jasmin paris", "Jasmín Paris", "JASMÍN paris"])
    func joinedAndReported(_ spelling: String) throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2024.yaml", Sample.edition2024)])
        let url = try fixture.file("2025.yaml", Self.edition(2025, ["John Kelly", spelling]))
        let dryRun = try fixture.archive.importFiles([url], dryRun: true)
        let report = try #require(try fixture.archive.importFiles([url]).first)
        #expect(report.notices == dryRun[0].notices)
        #expect(report.notices.count == 1, "\(report.notices)")
        let notice = try #require(report.notices.first)
        #expect(notice.contains("'\(spelling)' (2025.yaml:6)"), "\(notice)")
        #expect(notice.contains("runner 'Jasmin Paris'"))
        #expect(notice.contains("`listed_as: \(spelling)`"))
        #expect(report.description.contains("\n  notice: '\(spelling)'"))
        let runners = try fixture.archive.connection.rows("SELECT id FROM runner WHERE search_key = ?", ["jasmin paris"])
        #expect(runners.count == 1)
    }

    @Test("the exact stored spelling, and a spelling a file gave as listed_as, join without a notice")
    func exactSpellingIsQuiet() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2024.yaml", Sample.edition2024)])
        let first = try fixture.file("2025.yaml", Self.edition(2025, ["Jasmin Paris"]) + "  listed_as: J. Paris\n")
        #expect(try fixture.archive.importFiles([first]).allSatisfy(\.notices.isEmpty))
        let second = try fixture.file("2026.yaml", Self.edition(2026, ["J. Paris"]))
        #expect(try fixture.archive.importFiles([second]).allSatisfy(\.notices.isEmpty))
    }

    @Test("a runner new in the batch, spelled otherwise in a later file, is reported alike in --dry-run and the import")
    func newInTheBatch() throws {
        let fixture = try TemporaryArchive()
        let urls = [try fixture.file("2025.yaml", Self.edition(2025, ["Kilian Jornet"])),
                    try fixture.file("2026.yaml", Self.edition(2026, ["KILIAN JORNET"]))]
        let dryRun = try fixture.archive.importFiles(urls, dryRun: true)
        let reports = try fixture.archive.importFiles(urls)
        #expect(reports.map(\.notices) == dryRun.map(\.notices))
        #expect(reports[0].notices.isEmpty)
        #expect(reports[1].notices.count == 1)
        #expect(reports[1].notices.first?.contains("'KILIAN JORNET' (2026.yaml:4) is joined to the archive's runner 'Kilian Jornet'") == true)
    }
}
