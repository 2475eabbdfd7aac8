@testable import BarkleyArchive
import Foundation
import Testing

/// An entrants spreadsheet's problems in its own terms: the column (`loop_4`, not
/// `entrants[0].times[1].elapsed`) and the physical line, in line order; a file saved with `;`
/// between columns, and a file named for another year, are refused saying so.
@Suite("Spreadsheet problems in spreadsheet terms")
struct SpreadsheetProblemsTests {
    @Test("checks after reading name the column and the line, sorted by line; nothing written, --dry-run agrees")
    func columnsAndLines() throws {
        let fixture = try SpreadsheetCSVTests.archive()
        let before = try fixture.snapshot()
        let url = try fixture.file("entrants.csv", """
            \(SpreadsheetCSVTests.header)
            Ihor Verys,,CAN,M,TRUE,5,,,,31:31:47,30:00:00,58:44:59,irunfar,
            Jasmin Paris,,GBR,F,FALSE,5,,,,,,59:58:21,irunfar,
            Guillaume Calmettes,,FRA,,,3,,,,0:00:00,,,,

            """)
        for dryRun in [true, false] {
            let error = try #require(throws: ImportError.self) { try fixture.archive.importEntrantsCSV(url, year: 2024, dryRun: dryRun) }
            let located = error.problems.map { "\($0.line.map(String.init) ?? "-") \($0.field)" }
            #expect(located.contains("2 loop_4"), "\(located)")
            #expect(located.contains("4 loop_3"), "\(located)")
            #expect(!error.problems.contains { $0.field.hasPrefix("entrants[") }, "\(located)")
            let lines = error.problems.map { $0.line ?? 0 }
            #expect(lines == lines.sorted())
            #expect(try fixture.snapshot() == before)
        }
    }

    @Test("each entrant path maps to its column", arguments: [
        ("entrants[0].times[1].elapsed", "loop_5"), ("entrants[0].times[0].loop", "loop_3"), ("entrants[0].sex", "sex"),
        ("entrants[0].cite[1]", "cite"), ("entrants[0].name", "name"), ("entrants[0]", "name"), ("format.time_limit", "format.time_limit"),
    ])
    func pathToColumn(_ mapping: (String, String)) throws {
        var edition = Edition(year: 2024)
        edition.entrants = [Entrant(name: "Ihor Verys")]
        edition.entrants[0].times = [LoopTime(loop: 3, elapsed: RaceTime(seconds: 3600)), LoopTime(loop: 5, elapsed: RaceTime(seconds: 7200))]
        #expect(EntrantCSV.column(of: mapping.0, in: edition) == mapping.1)
    }

    @Test("a file saved with ';' between columns is refused saying so, on line 1", arguments: ["name;loops_completed;loop_5\nJasmin Paris;5;59:58:21\n",
                                                                                             "\u{FEFF}name;country\r\nJasmin Paris;GBR\r\n"])
    func semicolonSeparated(_ text: String) throws {
        let fixture = try SpreadsheetCSVTests.archive()
        let before = try fixture.snapshot()
        let url = try fixture.file("entrants.csv", text)
        let error = try #require(throws: ImportError.self) { try fixture.archive.importEntrantsCSV(url, year: 2024, dryRun: true) }
        #expect(error.problems.count == 1, "\(error)")
        #expect(error.problems.first?.line == 1)
        #expect(error.problems.first?.message.contains("separated by ';'") == true)
        #expect(try fixture.snapshot() == before)
    }

    @Test("a year given for the import that disagrees with the file name's is refused before anything is read")
    func yearDisagreesWithFileName() throws {
        let fixture = try SpreadsheetCSVTests.archive()
        try fixture.archive.importFiles([fixture.file("2023.yaml", TimePlausibilityTests.edition2023)])
        let before = try fixture.snapshot()
        let url = try fixture.file("barkley-2024-entrants.csv", "name,loops_completed\nJasmin Paris,5\n")
        for dryRun in [true, false] {
            let error = try #require(throws: ImportError.self) { try fixture.archive.importEntrantsCSV(url, year: 2023, dryRun: dryRun) }
            let problem = try #require(error.problems.first)
            #expect(problem.field == "year")
            #expect(problem.file == "barkley-2024-entrants.csv")
            #expect(problem.message.contains("2024") && problem.message.contains("2023"))
        }
        #expect(try fixture.snapshot() == before)
    }

    @Test("the year a file name gives", arguments: [("entrants-2024.csv", 2024), ("2024_barkley.csv", 2024), ("2024-2024.csv", 2024),
                                                   ("entrants.csv", nil), ("2023-vs-2024.csv", nil), ("results12024.csv", nil), ("loop5.csv", nil)] as [(String, Int?)])
    func yearInFileName(_ example: (String, Int?)) {
        #expect(EntrantCSV.year(inFileName: example.0) == example.1)
    }
}
