@testable import BarkleyArchive
import Foundation
import SQLiteLayer
import Testing

/// Small edition files on real cases of issue 15 (public-record.md §4): a DQ, an unofficial
/// loop, coded reasons, a race category, course facts and external ids. Tests/ReasonFixtures,
/// shared with the queries' and the CLI's tests.
enum ReasonFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ReasonFixtures")

    static func url(_ year: Int) -> URL { directory.appendingPathComponent("\(year).yaml") }
    /// 1988: Furtaw's finish of the 3-loop race; Possert first back (23:47) but disqualified.
    static func possert1988() throws -> String { try String(contentsOf: url(1988), encoding: .utf8) }
    /// 2017: Kelly's finish; Robbins back at 60:00:06 from the wrong direction.
    static func robbins2017() throws -> String { try String(contentsOf: url(2017), encoding: .utf8) }

    static func parsed(_ text: String, _ name: String) throws -> ParsedEdition {
        try EditionFileReader.read(text: text, fileName: name)
    }
}

@Suite("Outcomes with reasons, unofficial loops, races and identity")
struct ReasonsTests {
    @Test("Possert 1988 is disqualified whatever his times, keeps them, and the file exports byte for byte")
    func possertDisqualified() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("1988.yaml", ReasonFixtures.possert1988())])
        let outcomes = try fixture.archive.connection.rows("SELECT name, outcome, finish_seconds, reason, reason_note FROM entry ORDER BY position")
        #expect(try outcomes.map { try $0.require("outcome", as: String.self) } == ["finish", "disqualified"])
        #expect(try outcomes[1].optional("finish_seconds", as: Int.self) == nil)
        #expect(try outcomes[1].optional("reason", as: String.self) == "other")
        let edition = try #require(try fixture.archive.edition(year: 1988))
        #expect(edition.raceCategory == .threeLoop)
        #expect(edition.category == nil)
        #expect(edition.course?.changes == "three loops, nominally 55 miles")
        #expect(edition.course?.cited == ["furtaw"])
        #expect(edition.entrants[1].times.count == 3)
        #expect(edition.entrants[1].outcome(under: edition.format) == .disqualified)
        #expect(try EditionFileWriter.text(of: edition) == ReasonFixtures.possert1988())
    }

    @Test("Robbins 2017: an unofficial fifth loop at 60:00:06 is kept, but is no finish and not in loops completed")
    func robbinsUnofficialLoop() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2017.yaml", ReasonFixtures.robbins2017())])
        let robbins = try #require(try fixture.archive.connection.row("SELECT outcome, loops_completed, finish_seconds FROM entry WHERE name = 'Gary Robbins'"))
        #expect(try robbins.require("outcome", as: String.self) == "fun_run")
        #expect(try robbins.optional("finish_seconds", as: Int.self) == nil)
        #expect(try fixture.archive.connection.scalar("SELECT unofficial FROM loop_time WHERE loop = 5 AND elapsed_seconds = 216006", as: String.self) == "after_limit")
        let edition = try #require(try fixture.archive.edition(year: 2017))
        #expect(edition.entrants[1].officialTimesByLoop[5] == nil)
        #expect(edition.entrants[1].timesByLoop[5] == RaceTime(hours: 60, minutes: 0, seconds: 6))
        #expect(try EditionFileWriter.text(of: edition) == ReasonFixtures.robbins2017())
    }

    @Test("without the unofficial mark, the same 60:00:06 is refused as a loop after loops_completed")
    func unmarkedLoopAfterLastIsRefused() throws {
        let text = try ReasonFixtures.robbins2017().replacingOccurrences(of: ", unofficial: after_limit", with: "")
        let problems = EditionValidator.problems(in: try ReasonFixtures.parsed(text, "2017.yaml"))
        #expect(problems.contains { $0.rule == .loopAfterUnfinished && $0.field == "entrants[1].times[2].loop" })
    }

    @Test("a runner's key is made once from the name, and a runner's external ids are stored with the entry that states them")
    func runnerKeyAndIDs() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2017.yaml", ReasonFixtures.robbins2017())])
        let keys = try fixture.archive.connection.rows("SELECT name, key FROM runner ORDER BY name").map { try $0.require("key", as: String.self) }
        #expect(keys == ["gary-robbins", "john-kelly"])
        let kelly = try #require(try fixture.archive.connection.row("SELECT wikidata, duv FROM entry WHERE name = 'John Kelly'"))
        #expect(try kelly.optional("wikidata", as: String.self) == "Q4115189")
        #expect(try kelly.optional("duv", as: String.self) == nil)
        // A second runner whose name folds to a key in use gets the next free one.
        try fixture.archive.connection.run("UPDATE runner SET key = 'new-runner' WHERE name = 'John Kelly'")
        #expect(try fixture.archive.freeRunnerKey(for: "New Runner") == "new-runner-2")
        #expect(try fixture.archive.freeRunnerKey(for: "Someone Else") == "someone-else")
    }

    @Test("the category defaults from format.loops: 3 loops is the 3-loop race, 5 or unknown the 100-mile race")
    func categoryDefault() {
        #expect(RaceCategory.derived(fromLoops: 3) == .threeLoop)
        #expect(RaceCategory.derived(fromLoops: 5) == .hundredMile)
        #expect(RaceCategory.derived(fromLoops: nil) == .hundredMile)
        var edition = Edition(year: 1990, format: RaceFormat(funRunLoops: 3))
        #expect(edition.raceCategory == .hundredMile)
        edition.category = .threeLoop
        #expect(edition.raceCategory == .threeLoop)
    }

    @Test("SampleData: 1986-1988 (format.loops 3) are the 3-loop race; 1989-1994 (no finish loops, a 3-loop fun run) the 100-mile race")
    func sampleDataCategories() throws {
        for url in try SampleDataFiles.urls() {
            let edition = try EditionFileReader.read(contentsOf: url).edition
            let expected: RaceCategory = edition.year <= 1988 ? .threeLoop : .hundredMile
            #expect(edition.raceCategory == expected, "\(edition.year)")
        }
    }
}

/// Every rule of issue 15 refuses its file naming file, line and field; the dry run says the
/// same; the archive is unchanged.
@Suite("Validation of outcomes, reasons, races and identity")
struct ReasonValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        /// The fixture file broken: 2017 (Robbins) or 1988 (Possert).
        let year: Int
        let old: String
        let new: String
        let rule: ImportProblem.Rule
        let field: String
        /// Text on the line the problem must name.
        let lineText: String
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        let robbins = 2017, possert = 1988
        return [
            Case(name: "an unknown reason code", year: robbins, old: "  reason: other\n", new: "  reason: tired\n",
                 rule: .invalidValue, field: "entrants[1].reason", lineText: "reason: tired"),
            Case(name: "a reason on a finisher", year: robbins, old: "  wikidata: Q4115189\n", new: "  wikidata: Q4115189\n  reason: lost\n",
                 rule: .invalidValue, field: "entrants[0].reason", lineText: "reason: lost"),
            Case(name: "a reason note on a finisher", year: robbins, old: "  wikidata: Q4115189\n",
                 new: "  wikidata: Q4115189\n  reason_note: tired\n", rule: .invalidValue, field: "entrants[0].reason_note", lineText: "reason_note: tired"),
            Case(name: "an unknown unofficial code", year: robbins, old: "unofficial: after_limit", new: "unofficial: late",
                 rule: .invalidValue, field: "entrants[1].times[2].unofficial", lineText: "unofficial: late"),
            Case(name: "an unofficial loop followed by an official one", year: robbins,
                 old: #"{loop: 3, elapsed: "32:58:50"}"#, new: #"{loop: 3, elapsed: "32:58:50", unofficial: off_course}"#,
                 rule: .invalidValue, field: "entrants[1].times[0].unofficial", lineText: "32:58:50"),
            Case(name: "an unofficial loop counted in loops_completed", year: robbins, old: "  loops_completed: 4\n  reason", new: "  loops_completed: 5\n  reason",
                 rule: .invalidValue, field: "entrants[1].times[2].unofficial", lineText: "60:00:06"),
            Case(name: "after_limit inside the limit", year: robbins, old: #""60:00:06", unofficial"#, new: #""59:59:06", unofficial"#,
                 rule: .invalidValue, field: "entrants[1].times[2].unofficial", lineText: "59:59:06"),
            Case(name: "a DNS with loop times", year: possert, old: "outcome: disqualified", new: "outcome: did_not_start",
                 rule: .invalidValue, field: "entrants[1].outcome", lineText: "outcome: did_not_start"),
            Case(name: "an unknown category", year: possert, old: "format:\n", new: "category: 50k\nformat:\n",
                 rule: .invalidValue, field: "category", lineText: "category: 50k"),
            Case(name: "a category the format's loops contradict", year: possert, old: "format:\n", new: "category: 100_mile\nformat:\n",
                 rule: .invalidValue, field: "category", lineText: "category: 100_mile"),
            Case(name: "course facts without a citation", year: possert, old: "  cite: [furtaw]\nentrant_list", new: "entrant_list",
                 rule: .missingField, field: "course.cite", lineText: "course:"),
            Case(name: "a course with no fact", year: possert, old: "  changes: three loops, nominally 55 miles\n", new: "",
                 rule: .invalidValue, field: "course", lineText: "course:"),
            Case(name: "loop miles that are not a number", year: possert, old: "  changes:", new: "  loop_miles: eighteen\n  changes:",
                 rule: .invalidValue, field: "course.loop_miles", lineText: "eighteen"),
            Case(name: "an unknown course field", year: possert, old: "  changes:", new: "  miles: 55\n  changes:",
                 rule: .unknownField, field: "course.miles", lineText: "miles: 55"),
            Case(name: "a malformed Wikidata QID", year: robbins, old: "wikidata: Q4115189", new: "wikidata: 4115189",
                 rule: .invalidValue, field: "entrants[0].wikidata", lineText: "wikidata: 4115189"),
        ]
    }()

    @Test("a file breaking a rule of issue 15 is refused with file, line and field; dry run agrees; the archive is unchanged", arguments: cases)
    func refused(_ test: Case) throws {
        let fixture = try TemporaryArchive()
        let year = test.year, base = try String(contentsOf: ReasonFixtures.url(year), encoding: .utf8)
        // An archive holding the good file, which the bad one would replace.
        try fixture.archive.importFiles([ReasonFixtures.url(year)])
        #expect(base.contains(test.old), "fixture lacks \(test.old)")
        try fixture.expectRefused(base.replacingOccurrences(of: test.old, with: test.new), as: "\(year)-bad.yaml",
                                  rule: test.rule, field: test.field, lineText: test.lineText)
    }

    @Test("a QID is Q and up to 11 digits, not starting with 0")
    func qidShape() {
        #expect(ExternalIDs.isQID("Q1"))
        #expect(ExternalIDs.isQID("Q4115189"))
        for bad in ["Q", "Q0", "Q012", "q42", "Q42a", "Q 42", "Q123456789012", "P42", "Q٤٢"] {
            #expect(!ExternalIDs.isQID(bad), "\(bad)")
        }
    }
}
