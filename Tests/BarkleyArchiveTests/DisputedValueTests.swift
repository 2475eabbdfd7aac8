@testable import BarkleyArchive
import Foundation
import SQLiteLayer
import Testing

/// Small edition files with the real disputes of public-record.md §4 (not SampleData, which the
/// data helpers edit): Tests/DisputeFixtures/*.yaml.
enum DisputeFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("DisputeFixtures")
    static let years = [2014, 2022, 2023, 2024]

    static func url(_ year: Int) -> URL { directory.appendingPathComponent("\(year).yaml") }
    static func text(_ year: Int) throws -> String { try String(contentsOf: url(year), encoding: .utf8) }
}

/// A fixture file with one fragment replaced, and the problem the import must report for it.
struct DisputeBreak: CustomTestStringConvertible, Sendable {
    let rule: String
    let year: Int
    let old: String
    let new: String
    let problem: ImportProblem.Rule
    let field: String
    /// Text on the line the problem must name.
    let lineText: String
    /// Words the message must hold (what to write instead).
    var message = ""

    var testDescription: String { rule }
}

@Suite("Disputed values: alternatives to a preferred value, each with its sources")
struct DisputedValueTests {
    @Test("2022: the file's start time 06:54 is preferred; run247's 07:54 is an alternative with its source and note")
    func startTime2022IsPreferredWithAlternative() throws {
        let parsed = try EditionFileReader.read(contentsOf: DisputeFixtures.url(2022))
        #expect(parsed.edition.startTime == "06:54")
        #expect(parsed.edition.disputed == [Dispute(field: .startTime, alternatives: [
            Alternative(value: "07:54", cited: ["run247"], note: "run247 only; GearJunkie and Outside give 6:54"),
        ])])
        #expect(parsed.edition.cutoffSources[1] == CutoffSources(cited: ["cr22_l2"], disputed: [
            Dispute(field: .time, alternatives: [Alternative(value: "13:20:00", cited: ["mahoney12"], note: "the 2012 cutoff")]),
        ]))
        #expect(parsed.edition.loopCounts.first?.cited == ["urh", "gearjunkie"])
        #expect(parsed.edition.loopCounts.first?.disputed == [Dispute(field: .completed, alternatives: [Alternative(value: "27", cited: ["cr22_l2"])])])
        #expect(EditionValidator.problems(in: parsed).isEmpty)
    }

    @Test("2014 Campbell's loop-5 time, 2024's starters and 2023 Hamilton's presence are read at their own level")
    func disputesAtEveryLevel() throws {
        let campbell = try #require(try EditionFileReader.read(contentsOf: DisputeFixtures.url(2014)).edition.entrants.first)
        #expect(campbell.times.first?.elapsed == RaceTime(hours: 57, minutes: 50, seconds: 20))
        #expect(campbell.times.first?.disputed == [Dispute(field: .elapsed, alternatives: [Alternative(value: "57:53:20", cited: ["summitrun"])])])

        let edition2024 = try EditionFileReader.read(contentsOf: DisputeFixtures.url(2024)).edition
        #expect(edition2024.starters == 40)
        #expect(edition2024.disputed[.starters]?.alternatives.map(\.value) == ["38", "34"])

        let hamilton = try #require(try EditionFileReader.read(contentsOf: DisputeFixtures.url(2023)).edition.entrants.first)
        #expect(hamilton.name == "Greig Hamilton")
        #expect(hamilton.disputed == [Dispute(field: .entered, alternatives: [
            Alternative(value: "false", cited: ["sudbury", "fellrunner"], note: "neither list of the field names him"),
        ])])
    }

    @Test("the disputed facts of an edition name what is disputed, the preferred value and its sources first")
    func disputedFactsFlattenEveryLevel() throws {
        let edition2022 = try EditionFileReader.read(contentsOf: DisputeFixtures.url(2022)).edition
        #expect(edition2022.disputedFacts.map(\.label) == ["2022 start_time", "2022 cutoff of loop 1", "2022 loop 1 completed"])
        let start = try #require(edition2022.disputedFacts.first)
        #expect(start.preferred == "06:54")
        #expect(start.preferredCited == ["gearjunkie", "outside22"])
        let campbell = try #require(try EditionFileReader.read(contentsOf: DisputeFixtures.url(2014)).edition.disputedFacts.first)
        #expect(campbell.label == "2014 Jared Campbell loop 5 elapsed")
        #expect(campbell.preferred == "57:50:20")
        #expect(campbell.preferredCited == ["nyrr", "podiumrunner"])
    }

    @Test("every dispute fixture is canonical, is stored whole and exports byte for byte")
    func fixturesRoundTripThroughTheArchive() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles(DisputeFixtures.years.map(DisputeFixtures.url))
        for year in DisputeFixtures.years {
            let text = try DisputeFixtures.text(year)
            let parsed = try EditionFileReader.read(text: text, fileName: "\(year).yaml")
            #expect(try EditionFileWriter.text(of: parsed.edition) == text, "\(year).yaml is not canonical")
            #expect(try fixture.archive.edition(year: year) == parsed.edition, "\(year) changed in storage")
        }
        #expect(try fixture.archive.connection.scalar("SELECT count(*) FROM disputed_value", as: Int.self) == 7)
        let exported = try fixture.archive.exportEditions(to: fixture.directory.appendingPathComponent("export"))
        for url in exported {
            #expect(try String(contentsOf: url, encoding: .utf8) == DisputeFixtures.text(Int(url.deletingPathExtension().lastPathComponent) ?? 0))
        }
    }

    @Test("a file whose disputes are written another way (quotes, a number as text) is written back canonically")
    func alternativesAreCanonical() throws {
        let text = try DisputeFixtures.text(2024).replacingOccurrences(of: "{value: 38,", with: "{value: \"038\",")
        let parsed = try EditionFileReader.read(text: text, fileName: "2024.yaml")
        #expect(parsed.edition.disputed[.starters]?.alternatives.first?.value == "38")
        #expect(try EditionFileWriter.text(of: parsed.edition) == DisputeFixtures.text(2024))
    }

    static let breaks: [DisputeBreak] = [
        DisputeBreak(rule: "an unknown field under disputed", year: 2022, old: "  start_time:\n  - {value", new: "  start_hour:\n  - {value",
                     problem: .unknownField, field: "disputed.start_hour", lineText: "  start_hour:", message: "expected one of: start_date, start_time"),
        DisputeBreak(rule: "a field of another level under disputed", year: 2022, old: "disputed: {time:", new: "disputed: {elapsed:",
                     problem: .unknownField, field: "format.cutoffs[0].disputed.elapsed", lineText: "disputed: {elapsed:"),
        DisputeBreak(rule: "a value that does not parse as the field would", year: 2022, old: "{value: \"07:54\"", new: "{value: \"7:54 am\"",
                     problem: .invalidValue, field: "disputed.start_time[0].value", lineText: "7:54 am", message: "HH:MM"),
        DisputeBreak(rule: "a time that is not a time", year: 2014, old: "{value: \"57:53:20\"", new: "{value: \"57:73:20\"",
                     problem: .invalidValue, field: "entrants[0].times[0].disputed.elapsed[0].value", lineText: "57:73:20"),
        DisputeBreak(rule: "a count that is not a number", year: 2024, old: "{value: 38,", new: "{value: thirty-eight,",
                     problem: .invalidValue, field: "disputed.starters[0].value", lineText: "thirty-eight"),
        DisputeBreak(rule: "an alternative equal to the preferred value", year: 2022, old: "{value: \"07:54\"", new: "{value: \"06:54\"",
                     problem: .invalidValue, field: "disputed.start_time[0].value", lineText: "{value: \"06:54\"", message: "preferred value itself"),
        DisputeBreak(rule: "an alternative equal to the preferred loop count", year: 2022, old: "{value: 27,", new: "{value: 30,",
                     problem: .invalidValue, field: "loop_counts[0].disputed.completed[0].value", lineText: "{value: 30,"),
        DisputeBreak(rule: "an alternative given twice", year: 2024, old: "{value: 34,", new: "{value: 38,",
                     problem: .duplicateField, field: "disputed.starters[1].value", lineText: "sportskeeda], note"),
        DisputeBreak(rule: "an alternative without cite", year: 2022, old: "cite: [run247], note", new: "note",
                     problem: .missingField, field: "disputed.start_time[0].cite", lineText: "{value: \"07:54\"", message: "name the sources"),
        DisputeBreak(rule: "an alternative with an empty cite", year: 2014, old: "cite: [summitrun]", new: "cite: []",
                     problem: .missingField, field: "entrants[0].times[0].disputed.elapsed[0].cite", lineText: "cite: []"),
        DisputeBreak(rule: "an alternative citing an unknown source", year: 2022, old: "cite: [run247]", new: "cite: [letsrun]",
                     problem: .unknownSourceKey, field: "disputed.start_time[0].cite", lineText: "letsrun"),
        DisputeBreak(rule: "an alternative citing a source twice", year: 2022, old: "cite: [run247]", new: "cite: [run247, run247]",
                     problem: .duplicateField, field: "disputed.start_time[0].cite", lineText: "[run247, run247]"),
        DisputeBreak(rule: "a loop count citing an unknown source", year: 2022, old: "cite: [urh, gearjunkie]", new: "cite: [urh, letsrun]",
                     problem: .unknownSourceKey, field: "loop_counts[0].cite", lineText: "[urh, letsrun]"),
        DisputeBreak(rule: "a cutoff citing an unknown source", year: 2022, old: "cite: [cr22_l2], disputed: {time:", new: "cite: [letsrun], disputed: {time:",
                     problem: .unknownSourceKey, field: "format.cutoffs[0].cite", lineText: "[letsrun]"),
        DisputeBreak(rule: "entered other than false", year: 2023, old: "{value: false,", new: "{value: true,",
                     problem: .invalidValue, field: "entrants[0].disputed.entered[0].value", lineText: "{value: true,", message: "only be disputed as false"),
        DisputeBreak(rule: "disputing a field that has no preferred value", year: 2024, old: "starters: 40\n", new: "",
                     problem: .missingField, field: "disputed.starters", lineText: "  starters:", message: "write the value you prefer as `starters:`"),
        DisputeBreak(rule: "disputing first_attempt where the entrant states none", year: 2023, old: "    entered:\n", new: "    first_attempt:\n",
                     problem: .missingField, field: "entrants[0].disputed.first_attempt", lineText: "first_attempt:", message: "no value here"),
        DisputeBreak(rule: "a disputed field with no alternatives", year: 2024, old: "  starters:\n  - {value: 38, cite: [mh_results]}\n  - {value: 34, cite: [sportskeeda], note: \"counted from a later list\"}\n",
                     new: "  starters: []\n", problem: .missingField, field: "disputed.starters", lineText: "  starters: []"),
    ]

    @Test("a broken dispute is refused naming file, line and field; dry run agrees; the archive is unchanged", arguments: breaks)
    func brokenDisputeIsRefused(_ broken: DisputeBreak) throws {
        let original = try DisputeFixtures.text(broken.year)
        #expect(original.contains(broken.old), "the fixture has no \(broken.old)")
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([DisputeFixtures.url(2014)])
        try fixture.expectRefused(original.replacingOccurrences(of: broken.old, with: broken.new), as: "\(broken.year).yaml",
                                  rule: broken.problem, field: broken.field, lineText: broken.lineText, message: broken.message)
    }

    @Test("an archive written by the current release (migrations 0001–0003) opens, migrates to 0004 and keeps every fact")
    func archiveOfThePreviousSchemaMigrates() throws {
        // The facts: SampleData imported by this version, whose tables of 0001–0003 are those of the release.
        let current = try TemporaryArchive()
        let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SampleData")
        let files = try FileManager.default.contentsOfDirectory(at: sampleData, includingPropertiesForKeys: nil).filter { $0.pathExtension == "yaml" }
        try current.archive.importEditions(try SampleDataFiles.release011Editions())

        let oldPath = current.directory.appendingPathComponent("release-0.11.sqlite").path
        do {
            let old = try Connection(path: oldPath)
            try Migrator(migrations: Array(Archive.migrations.prefix(3))).migrate(old)
            #expect(try old.scalar("SELECT count(*) FROM schema_migration", as: Int.self) == 3)
            #expect(try old.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'disputed_value'", as: Int.self) == 0)
            try old.run("ATTACH DATABASE ? AS source", [current.directory.appendingPathComponent("archive.sqlite").path])
            // Parents before children; the table names are this test's own, not input.
            for table in ["source", "edition", "runner", "entry", "loop_cutoff", "loop_count", "loop_time", "edition_source",
                          "entry_source", "loop_time_source", "entry_distinct_from", "import_log"] {
                try old.copyRows(of: table, from: "source")
            }
            try old.execute("DETACH DATABASE source")
        }

        let upgraded = try Archive(path: oldPath)
        #expect(try upgraded.connection.scalar("SELECT count(*) FROM schema_migration", as: Int.self) == Archive.migrations.count)
        let keys = try current.archive.editionKeys()
        #expect(keys.count == files.count)
        #expect(try upgraded.editionKeys().map(\.year) == keys.map(\.year))
        for key in keys {
            #expect(try upgraded.edition(year: key.year, race: key.race) == current.archive.edition(year: key.year, race: key.race)?.keepingRelease011Facts, "\(key.year)")
        }
        for table in ["runner", "source", "import_log", "entry", "loop_time"] {
            #expect(try upgraded.connection.scalar("SELECT count(*) FROM \(table)", as: Int.self)
                    == current.archive.connection.scalar("SELECT count(*) FROM \(table)", as: Int.self), "\(table)")
        }
        // And the upgraded archive takes disputes.
        try upgraded.importFiles([DisputeFixtures.url(2022)])
        #expect(try upgraded.edition(year: 2022)?.disputed[.startTime]?.alternatives.first?.value == "07:54")
    }
}
