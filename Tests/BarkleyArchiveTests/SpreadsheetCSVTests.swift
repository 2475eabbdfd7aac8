import BarkleyArchive
import Foundation
import Testing

/// Entrant spreadsheets as LibreOffice, Excel and Google Sheets save them.
@Suite("Spreadsheet CSVs: read as spreadsheets write them")
struct SpreadsheetCSVTests {
    static let header = "name,listed_as,country,sex,first_attempt,loops_completed,outcome,loop_1,loop_2,loop_3,loop_4,loop_5,cite,note"

    /// An archive holding the 2024 edition, whose entrants the CSV replaces.
    static func archive() throws -> TemporaryArchive {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2024.yaml", Sample.edition2024)])
        return fixture
    }

    @Test("booleans in any case, as spreadsheets rewrite them", arguments: [("True", "faLSE"), ("TRUE", "False"), ("tRUE", "FALSE")])
    func booleansInAnyCase(_ yes: String, _ no: String) throws {
        let fixture = try Self.archive()
        let url = try fixture.file("entrants.csv", """
            \(Self.header)
            Ihor Verys,,CAN,M,\(yes),5,,,,31:31:47,45:46:32,58:44:59,irunfar,
            Jasmin Paris,,GBR,F,\(no),5,,,,,,59:58:21,irunfar,

            """)
        try fixture.archive.importEntrantsCSV(url, year: 2024)
        let entrants = try #require(try fixture.archive.edition(year: 2024)).entrants
        #expect(entrants.map(\.firstAttempt) == [true, false])
    }

    @Test("empty columns without a name (and a byte-order mark, and a blank last line) are ignored")
    func emptyUnnamedColumnsIgnored() throws {
        let fixture = try Self.archive()
        let url = try fixture.file("entrants.csv", "\u{FEFF}" + Self.header + ",,,\r\n"
            + "Ihor Verys,,CAN,M,TRUE,5,,,,31:31:47,45:46:32,58:44:59,irunfar,,,,\r\n"
            + "Jasmin Paris,,GBR,F,FALSE,5,,,,,,59:58:21,irunfar,First woman,,, \r\n"
            + ",,,,,,,,,,,,,,,,\r\n")
        try fixture.archive.importEntrantsCSV(url, year: 2024)
        let entrants = try #require(try fixture.archive.edition(year: 2024)).entrants
        #expect(entrants.map(\.name) == ["Ihor Verys", "Jasmin Paris"])
        #expect(entrants[1].note == "First woman")
    }

    @Test("a value in a column without a name is refused, with its line")
    func valueInUnnamedColumn() throws {
        let fixture = try Self.archive()
        let before = try fixture.snapshot()
        let url = try fixture.file("entrants.csv", Self.header + ",\n"
            + "Ihor Verys,,CAN,M,TRUE,5,,,,31:31:47,45:46:32,58:44:59,irunfar,,\n"
            + "Jasmin Paris,,GBR,F,FALSE,5,,,,,,59:58:21,irunfar,,stray\n")
        let error = try #require(throws: ImportError.self) { try fixture.archive.importEntrantsCSV(url, year: 2024) }
        #expect(error.problems.map(\.line) == [3])
        #expect(error.problems.first?.message.contains("column 15") == true, "\(error)")
        #expect(try fixture.snapshot() == before)
    }

    /// Quoted cells over several lines (LF and CR LF) before a bad row: the
    /// problem names the physical line of the bad row, as an editor numbers it.
    @Test("a problem names the physical line of its record, counting the lines of quoted cells before it")
    func physicalLineAfterMultilineCells() throws {
        let fixture = try Self.archive()
        let before = try fixture.snapshot()
        let text = Self.header.replacingOccurrences(of: ",note", with: ",\"note\"") + "\n"
            + "Ihor Verys,,CAN,M,true,5,,,,31:31:47,45:46:32,58:44:59,irunfar,\"Debut.\nFirst Canadian.\"\n"
            + "Jasmin Paris,,GBR,F,false,5,,,,,,59:58:21,irunfar,\"First woman.\r\nSource: iRunFar.\r\n99 s inside the limit.\"\n"
            + "John Kelly,,USA,M,false,5,,,,45:46:32,,59:15:38,irunfar,\n"
            + "Aurélien Sanchez,,,,maybe,2,,,,,,,irunfar,\n"
        let url = try fixture.file("entrants.csv", text)
        let error = try #require(throws: ImportError.self) { try fixture.archive.importEntrantsCSV(url, year: 2024) }
        let problem = try #require(error.problems.first)
        #expect(problem.field == "first_attempt")
        let physical = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(physical[problem.line! - 1].hasPrefix("Aurélien Sanchez"), "line \(problem.line!)")
        #expect(problem.line == 8)
        #expect(try fixture.snapshot() == before)
    }

    @Test("cells are cleaned at the door: an invisible character is refused with line and column; spaces collapse")
    func cellsAreCleaned() throws {
        let fixture = try Self.archive()
        let before = try fixture.snapshot()
        let bad = try fixture.file("entrants.csv", Self.header + "\nIhor Verys,,CAN,M,,5,,,,,,,irunfar,\nJasmin\u{2060} Paris,,GBR,F,,5,,,,,,59:58:21,irunfar,\n")
        let error = try #require(throws: ImportError.self) { try fixture.archive.importEntrantsCSV(bad, year: 2024) }
        #expect(error.problems.map(\.rule) == [.forbiddenCharacter])
        #expect(error.problems.map(\.field) == ["name"])
        #expect(error.problems.map(\.line) == [3])
        #expect(try fixture.snapshot() == before)

        let good = try fixture.file("entrants.csv", Self.header + "\n\u{00A0}Jasmin\u{2003} Paris ,,GBR,F,,5,,,,,,59:58:21,irunfar, \n"
            + "Ihor  Verys,,CAN,M,,5,,,,,,58:44:59,irunfar,\n")
        try fixture.archive.importEntrantsCSV(good, year: 2024)
        let entrant = try #require(try fixture.archive.edition(year: 2024)?.entrants.first)
        #expect(entrant.name == "Jasmin Paris")
        #expect(entrant.note == nil)
    }
}
