import Foundation
import Testing

/// One bad input for `barkley import`: its file, and what the error must name.
struct DoorCase: CustomTestStringConvertible, Sendable {
    let name: String
    let fileName: String
    let text: String
    /// `FILE:LINE: FIELD:` expected at the start of an error line.
    let location: String
    /// `--year` for a spreadsheet.
    var year: String?
    var testDescription: String { name }
}

/// `barkley import` at the door: every kind of bad text, near name, spreadsheet and YAML weapon
/// ends in exit 65 with FILE:LINE: FIELD, in `--dry-run` and for real, the archive unchanged.
@Suite struct ImportDoorTests {
    static let edition2025 = """
        year: 2025
        entrant_list: partial
        entrants:
        - name: John Kelly
          loops_completed: 3

        """

    static let cases: [DoorCase] = [
        DoorCase(name: "a zero-width joiner pasted into a name", fileName: "2025.yaml",
                 text: edition2025.replacingOccurrences(of: "John Kelly", with: "\"John\\u200D Kelly\""), location: "2025.yaml:4: entrants[0].name:"),
        DoorCase(name: "a right-to-left override in a note", fileName: "2025.yaml",
                 text: edition2025 + "  note: \"tapped \\u202Eout\"\n", location: "2025.yaml:6: entrants[0].note:"),
        DoorCase(name: "an escape character in a country", fileName: "2025.yaml",
                 text: edition2025 + "  country: \"\\eUSA\"\n", location: "2025.yaml:6: entrants[0].country:"),
        DoorCase(name: "the same runner with a typographic apostrophe", fileName: "2025.yaml",
                 text: edition2025 + "- name: Dan O‘Brien\n", location: "2025.yaml:6: entrants[1].name:"),
        DoorCase(name: "the same runner as Last, First", fileName: "2025.yaml",
                 text: edition2025 + "- name: \"Campbell, Jared\"\n", location: "2025.yaml:6: entrants[1].name:"),
        DoorCase(name: "the same runner a letter off", fileName: "2025.yaml",
                 text: edition2025 + "- name: Jared Cambell\n", location: "2025.yaml:6: entrants[1].name:"),
        DoorCase(name: "an alias bomb", fileName: "2025.yaml",
                 text: "year: 2025\nentrant_list: partial\na: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\n", location: "2025.yaml:3: -:"),
        DoorCase(name: "a spreadsheet's bad cell after a multi-line note", fileName: "entrants.csv",
                 text: "name,first_attempt,loops_completed,note\nJohn Kelly,FALSE,3,\"Only fun run.\nTapped out.\"\nJared Campbell,TRUE,zwei,\n",
                 location: "entrants.csv:4: loops_completed:", year: "2025"),
        DoorCase(name: "a spreadsheet's invisible character", fileName: "entrants.csv",
                 text: "name,first_attempt,loops_completed\nJohn Kelly,FALSE,3\nJared\u{FEFF} Campbell,,2\n",
                 location: "entrants.csv:3: name:", year: "2025"),
    ]

    @Test("refused with exit 65 and FILE:LINE: FIELD, the archive unchanged, in --dry-run too", arguments: cases)
    func refusedAtTheDoor(_ bad: DoorCase) throws {
        let directory = try TemporaryDirectory()
        let archive = directory.path("archive.sqlite")
        let setup = try BarkleyBinary.run(["import", "--db", archive, Repository.sample("2024.yaml"), Repository.sample("2025.yaml")])
        #expect(setup.status == 0, "\(setup)")
        let seed = directory.path("o-brien-2023.yaml")
        try "year: 2023\nentrant_list: partial\nentrants:\n- name: Dan O'Brien\n".write(toFile: seed, atomically: true, encoding: .utf8)
        #expect(try BarkleyBinary.run(["import", "--db", archive, seed]).status == 0)
        let file = directory.path(bad.fileName)
        try bad.text.write(toFile: file, atomically: true, encoding: .utf8)
        let bytesBefore = try Data(contentsOf: URL(fileURLWithPath: archive))

        for dryRun in [true, false] {
            let arguments = ["import", "--db", archive, file] + (bad.year.map { ["--year", $0] } ?? []) + (dryRun ? ["--dry-run"] : [])
            let result = try BarkleyBinary.run(arguments)
            #expect(result.status == 65, "\(dryRun ? "--dry-run" : "import"): \(result)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.split(separator: "\n").contains { $0.hasPrefix(bad.location) }, "\(result.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: archive)) == bytesBefore, "the archive file is unchanged")
        }
    }

    @Test("what the door accepts imports: TRUE/FALSE, empty unnamed columns, brackets in a note, distinct_from")
    func acceptedAtTheDoor() throws {
        let directory = try TemporaryDirectory()
        let archive = directory.path("archive.sqlite")
        #expect(try BarkleyBinary.run(["import", "--db", archive, Repository.sample("2024.yaml"), Repository.sample("2025.yaml")]).status == 0)

        let csv = directory.path("entrants-2025.csv")
        try "name,country,sex,first_attempt,loops_completed,loop_1,loop_2,loop_3,cite,,\nJohn Kelly,USA,M,False,3,,,39:50:27,irunfar,,\nKelly Halpin,,,tRUE,0,,,,irunfar,,\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let spreadsheet = try BarkleyBinary.run(["import", "--db", archive, csv, "--year", "2025"])
        #expect(spreadsheet.status == 0, "\(spreadsheet)")

        let file = directory.path("2023.yaml")
        try """
            year: 2023
            entrant_list: partial
            notes: "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ and {{{{ & *"
            entrants:
            - name: Jared Cambell
              distinct_from: Jared Campbell
            - name: Kelly Halpin

            """.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try BarkleyBinary.run(["import", "--db", archive, file])
        #expect(result.status == 0, "\(result)")
        let exported = directory.path("export")
        #expect(try BarkleyBinary.run(["export", "--db", archive, exported]).status == 0)
        let text = try String(contentsOfFile: exported + "/2023.yaml", encoding: .utf8)
        #expect(text.contains("  distinct_from: Jared Campbell\n"))
    }
}
