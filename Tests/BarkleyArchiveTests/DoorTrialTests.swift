@testable import BarkleyArchive
import Foundation
import Testing

/// What a new user's trial of the import and export door found: raw control bytes in YAML
/// reported without a line, one problem of a spreadsheet row hiding the others, a refused source
/// reported again at every citation, and export file names that a shell reads as options.
@Suite("The door, as a new user meets it")
struct DoorTrialTests {
    /// An edition file whose entrant's name is `name`, written between double quotes as is,
    /// and whose one source is `source`.
    static func edition(name: String, source: String = "https://example.org/2026", note: String = "a") -> String {
        """
        year: 2026
        start_date: "2026-03-18"
        format:
          loops: 5
          time_limit: "60:00:00"
        starters: 3
        entrant_list: partial
        sources:
          s: "\(source)"
        cite: [s]
        entrants:
        - name: "\(name)"
          loops_completed: 1
          note: "\(note)"
          cite: [s]
        - name: "Karel Sabbe"
          loops_completed: 1
          cite: [s]

        """
    }

    @Test("a raw control byte in a YAML file is reported at its line and key, with the text before it; nothing written",
          arguments: [("\u{1B}", "U+001B"), ("\u{9B}", "U+009B"), ("\u{7F}", "U+007F"), ("\u{0}", "U+0000")])
    func rawControlCharacterInYAML(_ character: String, _ code: String) throws {
        let fixture = try TemporaryArchive()
        let before = try fixture.snapshot()
        let url = try fixture.file("2026.yaml", Self.edition(name: "Jasmin\(character)[2J Paris"))
        for dryRun in [true, false] {
            let error = try #require(throws: ImportError.self) { try fixture.archive.importFiles([url], dryRun: dryRun) }
            #expect(error.problems.count == 1, "\(error)")
            let problem = try #require(error.problems.first)
            #expect(problem.line == 12)
            #expect(problem.field == "name")
            #expect(problem.rule == .forbiddenCharacter)
            #expect(problem.message.contains(code), "\(problem)")
            #expect(problem.message.contains("after 'Jasmin'"), "\(problem)")
            #expect(try fixture.snapshot() == before)
        }
    }

    @Test("every line holding a raw control byte is reported, in line order, each with its own key")
    func everyRawControlCharacterLine() throws {
        let text = Self.edition(name: "C1 \u{9B}2J Runner", source: "https://example.org/\u{9B}31mred", note: "x\u{1B}[2Jy")
        let error = try #require(throws: ImportError.self) { try EditionFileReader.read(text: text, fileName: "2026.yaml") }
        #expect(error.problems.map { "\($0.line ?? 0) \($0.field)" } == ["9 s", "12 name", "14 note"], "\(error)")
        #expect(error.problems.map(\.description).first == "2026.yaml:9: s: contains a control character (U+009B) after 'https://example.org/'; delete it (a raw escape, as pasted from a terminal or a web page: YAML allows none in a file)")
    }

    @Test("a line break in CR LF or CR files still counts one line; tab, NEL and text after the byte are not reported")
    func controlCharacterLinesAcrossLineEnds() {
        let problems = YAMLControlCharacters.problems(in: "a: 1\r\nb: \"x\u{85}\ty\"\rc: '\u{1B}'\n", file: "f.yaml")
        #expect(problems.map { "\($0.line ?? 0) \($0.field)" } == ["3 c"])
        #expect(problems.first?.message.contains("at the start of the value") == true)
    }

    @Test("an escaped control character (\"\\e\") is still the door's to refuse, with the field's path")
    func escapedControlCharacter() throws {
        let error = try #require(throws: ImportError.self) {
            try EditionFileReader.read(text: Self.edition(name: "Jasmin\\e[2J Paris"), fileName: "2026.yaml")
        }
        #expect(error.problems.map(\.field) == ["entrants[0].name"], "\(error)")
    }

    @Test("a spreadsheet row with a refused name reports its other problems too, sorted by line; nothing written")
    func everyProblemOfARow() throws {
        let fixture = try SpreadsheetCSVTests.archive()
        let before = try fixture.snapshot()
        let url = try fixture.file("entrants.csv", """
            \(SpreadsheetCSVTests.header)
            Ihor Verys,,CAN,M,true,5,,,,31:31:47,45:46:32,58:44:59,irunfar,
            Bad\u{1B} Name,,,X,maybe,two,,,,,,,irunfar,"x\u{9B}y"
            ,,,Y,,,,,,,,,irunfar,
            Jasmin Paris,,GBR,F,false,5,,,,,,59:58:21,irunfar,

            """)
        let error = try #require(throws: ImportError.self) { try fixture.archive.importEntrantsCSV(url, year: 2024, dryRun: false) }
        #expect(error.problems.map { "\($0.line ?? 0) \($0.field)" }
                == ["3 name", "3 sex", "3 first_attempt", "3 loops_completed", "3 note", "4 name", "4 sex"], "\(error)")
        #expect(error.problems.first?.message.contains("U+001B") == true)
        #expect(try fixture.snapshot() == before)
    }

    @Test("an edition file's entrant with a refused name reports its other problems too")
    func everyProblemOfAnEntrant() throws {
        let text = Self.edition(name: "Bad\\e Name").replacingOccurrences(of: "  loops_completed: 1\n  note:", with: "  loops_completed: two\n  sex: X\n  note:")
        let error = try #require(throws: ImportError.self) { try EditionFileReader.read(text: text, fileName: "2026.yaml") }
        #expect(error.problems.map { "\($0.line ?? 0) \($0.field)" } == ["12 entrants[0].name", "13 entrants[0].loops_completed", "14 entrants[0].sex"], "\(error)")
    }

    @Test("a refused source is reported once, not again at each citation; problems come in line order")
    func refusedSourceIsNotCitedAgain() throws {
        var text = Self.edition(name: "Jasmin Paris", source: "https://example.org/\\e[31m", note: "\\e")
        text = text.replacingOccurrences(of: "starters: 3", with: "starters: three")
        // `cite:` (line 10) is read before `sources:` (line 9): the order is the file's, not the reader's.
        text = text.replacingOccurrences(of: "cite: [s]\nentrants:", with: "cite: [s, \"\\e\"]\nentrants:")
        let error = try #require(throws: ImportError.self) { try EditionFileReader.read(text: text, fileName: "2026.yaml") }
        #expect(error.problems.map { "\($0.line ?? 0) \($0.field)" } == ["6 starters", "9 sources.s", "10 cite[1]", "14 entrants[0].note"], "\(error)")
        #expect(!error.problems.contains { $0.rule == .unknownSourceKey }, "\(error)")
    }

    @Test("a citation of a source that is not there is still reported, next to a refused one")
    func unknownSourceStillReported() throws {
        let text = Self.edition(name: "Jasmin Paris", source: "https://example.org/\\e")
            .replacingOccurrences(of: "  cite: [s]\n- name: \"Karel", with: "  cite: [t]\n- name: \"Karel")
        let error = try #require(throws: ImportError.self) { try EditionFileReader.read(text: text, fileName: "2026.yaml") }
        #expect(error.problems.map { "\($0.line ?? 0) \($0.field)" } == ["9 sources.s", "15 entrants[0].cite"], "\(error)")
        #expect(error.problems.last?.message == "cites 't', which is not under `sources:`")
    }

    @Test("the validator lists an edition's problems in line order")
    func validatorInLineOrder() throws {
        // Checked in this order: the entrants' countries, then the stated finishers (line 11).
        let text = Sample.edition2024
            .replacingOccurrences(of: "finishers: 2", with: "finishers: 7")
            .replacingOccurrences(of: "country: \"GBR\"", with: "country: \"ZZZ\"")
        let parsed = try EditionFileReader.read(text: text, fileName: "2024.yaml")
        let lines = EditionValidator.problems(in: parsed).map { $0.line ?? 0 }
        #expect(lines.count >= 2)
        #expect(lines == lines.sorted())
    }

    @Test("no export file name starts with '-' or '.', and names stay distinct", arguments: [
        ["../Race/A", "Race A"], ["-rf", "--help", "!!!"], [".hidden", "hidden"], ["…", "…!"],
    ])
    func exportNamesAreNotOptions(_ races: [String]) throws {
        let names = try EditionFileName.names(for: races.map { Edition(race: $0, year: 2024) })
        for name in names {
            #expect(!name.hasPrefix("-") && !name.hasPrefix("."), "\(name)")
            #expect(name.hasSuffix("-2024.yaml") || name.contains("-2024-"), "\(name)")
        }
        #expect(Set(names.map { $0.lowercased() }).count == races.count, "\(names)")
    }

    @Test("a race named as a path exports under its words")
    func pathLikeRaceName() {
        #expect(EditionFileName.base(for: Edition(race: "../Race/A", year: 2024)).name == "race-a-2024.yaml")
        #expect(EditionFileName.base(for: Edition(race: "!!!", year: 2024)).name == "race-2024.yaml")
    }
}
