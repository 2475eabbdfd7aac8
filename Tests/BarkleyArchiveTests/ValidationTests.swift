import BarkleyArchive
import Foundation
import Testing

/// Each case breaks one rule of the edition file format in an otherwise valid file.
struct BrokenFile: CustomTestStringConvertible, Sendable {
    let name: String
    let old: String
    let new: String
    let rule: ImportProblem.Rule
    /// Text on the line the problem must point at, in the broken file.
    let lineText: String
    let field: String
    var testDescription: String { name }
}

@Suite("Validation: a file that breaks a rule is refused whole")
struct ValidationTests {
    static let cases: [BrokenFile] = [
        BrokenFile(name: "loop times that do not increase", old: #"elapsed: "45:46:32""#, new: #"elapsed: "30:00:00""#,
                   rule: .timesNotIncreasing, lineText: "30:00:00", field: "entrants[1].times[1].elapsed"),
        BrokenFile(name: "a loop after an unfinished one", old: "  loops_completed: 3\n", new: "  loops_completed: 2\n",
                   rule: .loopAfterUnfinished, lineText: "39:52:59", field: "entrants[2].times[0].loop"),
        BrokenFile(name: "a finish over the year's limit", old: "  - {loop: 5, elapsed: \"59:58:21\"}\n",
                   new: "  - {loop: 5, elapsed: \"60:01:10\"}\n  outcome: finish\n",
                   rule: .finishOverLimit, lineText: "outcome: finish", field: "entrants[0].outcome"),
        BrokenFile(name: "a stated outcome the times contradict", old: "  loops_completed: 3\n",
                   new: "  loops_completed: 3\n  outcome: dropped\n",
                   rule: .outcomeContradicted, lineText: "outcome: dropped", field: "entrants[2].outcome"),
        BrokenFile(name: "the same runner twice in an edition", old: "name: Ihor Verys", new: "name: JASMIN PARÍS",
                   rule: .duplicateRunner, lineText: "JASMIN", field: "entrants[1].name"),
        BrokenFile(name: "an unknown country code", old: #"country: "CAN""#, new: #"country: "SUI""#,
                   rule: .unknownCountry, lineText: "SUI", field: "entrants[1].country"),
        BrokenFile(name: "a year before the first edition", old: "year: 2024", new: "year: 1985",
                   rule: .yearOutOfRange, lineText: "year: 1985", field: "year"),
        BrokenFile(name: "a year in the future", old: "year: 2024", new: "year: 2999",
                   rule: .yearOutOfRange, lineText: "year: 2999", field: "year"),
        BrokenFile(name: "an unparsable time", old: #"elapsed: "58:44:59""#, new: #"elapsed: "58:4x:59""#,
                   rule: .unparsableTime, lineText: "58:4x:59", field: "entrants[1].times[2].elapsed"),
        BrokenFile(name: "minutes past 59", old: #"elapsed: "39:52:59""#, new: #"elapsed: "39:72""#,
                   rule: .unparsableTime, lineText: "39:72", field: "entrants[2].times[0].elapsed"),
        BrokenFile(name: "a negative time", old: #"elapsed: "39:52:59""#, new: #"elapsed: "-39:52:59""#,
                   rule: .unparsableTime, lineText: "-39:52:59", field: "entrants[2].times[0].elapsed"),
        BrokenFile(name: "a citation of a source not listed", old: "  cite: [irunfar]\n- name: Ihor", new: "  cite: [letsrun]\n- name: Ihor",
                   rule: .unknownSourceKey, lineText: "letsrun", field: "entrants[0].cite"),
        BrokenFile(name: "a finisher count the entrants contradict", old: "finishers: 2", new: "finishers: 3",
                   rule: .countMismatch, lineText: "finishers: 3", field: "finishers"),
        BrokenFile(name: "a misspelt field", old: "  sex: F\n", new: "  gender: F\n",
                   rule: .unknownField, lineText: "gender", field: "entrants[0].gender"),
        BrokenFile(name: "a huge number", old: "starters: 40", new: "starters: 99999999999999999999999",
                   rule: .invalidValue, lineText: "starters:", field: "starters"),
        BrokenFile(name: "a field given twice", old: "  sex: F\n", new: "  sex: F\n  sex: M\n",
                   rule: .syntax, lineText: "sex: F", field: "-"),  // libyaml points at the first of the two
        BrokenFile(name: "broken YAML", old: "cite: [irunfar]\nentrants", new: "cite: [irunfar\nentrants",
                   rule: .syntax, lineText: "", field: "-"),
    ]

    @Test("names file, line and field; writes nothing", arguments: cases)
    func refusesBrokenFile(_ broken: BrokenFile) throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2023.yaml", Sample.edition2024.replacingOccurrences(of: "2024", with: "2023"))])
        let before = try fixture.snapshot()
        let text = Sample.edition2024(replacing: broken.old, with: broken.new)

        let error = try #require(throws: ImportError.self) {
            try fixture.archive.importFiles([fixture.file("2024.yaml", text)])
        }

        let problem = try #require(error.problems.first { $0.rule == broken.rule }, "\(error)")
        #expect(problem.file == "2024.yaml")
        if broken.field != "-" { #expect(problem.field == broken.field) }
        if !broken.lineText.isEmpty { #expect(problem.line == Sample.line(of: broken.lineText, in: text)) }
        #expect(problem.line != nil)
        #expect(try fixture.snapshot() == before)
    }

    @Test("reports every problem of a file at once")
    func reportsAllProblems() throws {
        let fixture = try TemporaryArchive()
        let text = Sample.edition2024(replacing: #"country: "CAN""#, with: #"country: "XYZ""#)
            .replacingOccurrences(of: #""58:44:59""#, with: #""58:44""#.replacingOccurrences(of: "58:44", with: "5x:44"))
            .replacingOccurrences(of: "finishers: 2", with: "finishers: 1")
        let error = try #require(throws: ImportError.self) { try fixture.archive.importFiles([fixture.file("2024.yaml", text)]) }
        #expect(Set(error.problems.map(\.rule)).isSuperset(of: [.unknownCountry, .unparsableTime]))
    }

    @Test("a name that matches two different runners is refused")
    func ambiguousRunner() throws {
        let fixture = try TemporaryArchive()
        func edition(_ year: Int, _ entrants: String) -> String {
            "year: \(year)\nentrant_list: partial\nentrants:\n\(entrants)"
        }
        try fixture.archive.importFiles([fixture.file("2021.yaml", edition(2021, "- name: A Smith\n"))])
        try fixture.archive.importFiles([fixture.file("2022.yaml", edition(2022, "- name: Anne Smith\n  listed_as: A Smith\n"))])
        let before = try fixture.snapshot()

        let text = edition(2023, "- name: Kelly Halpin\n- name: a smith\n")
        let error = try #require(throws: ImportError.self) { try fixture.archive.importFiles([fixture.file("2023.yaml", text)]) }

        let problem = try #require(error.problems.first)
        #expect(problem.rule == .ambiguousRunner)
        #expect(problem.line == 5)
        #expect(problem.field == "entrants[1].name")
        #expect(try fixture.snapshot() == before)
    }

    @Test("one bad file among several writes none of them")
    func badFileStopsTheBatch() throws {
        let fixture = try TemporaryArchive()
        let good = try fixture.file("2023.yaml", Sample.edition2024.replacingOccurrences(of: "2024", with: "2023"))
        let bad = try fixture.file("2024.yaml", Sample.edition2024(replacing: "finishers: 2", with: "finishers: 4"))
        let before = try fixture.snapshot()
        #expect(throws: ImportError.self) { try fixture.archive.importFiles([good, bad]) }
        #expect(try fixture.snapshot() == before)
    }

    /// More files than the importer reads ahead (it reads on a background thread): the bad
    /// files' problems all come back, in file order, and nothing is written; the same batch
    /// without them is written whole, its reports in file order.
    @Test("a long batch: every bad file's problems are listed, in order; nothing written until all are sound")
    func longBatchListsEveryProblem() throws {
        let fixture = try TemporaryArchive()
        let years = Array(1990...2019)
        let bad: Set<Int> = [1991, 2005, 2019]
        let urls = try years.map { year in
            let text = Sample.edition2024.replacingOccurrences(of: "2024", with: "\(year)")
            return try fixture.file("\(year).yaml", bad.contains(year) ? text.replacingOccurrences(of: "finishers: 2", with: "finishers: 4") : text)
        }
        let before = try fixture.snapshot()
        let error = try #require(throws: ImportError.self) { try fixture.archive.importFiles(urls) }
        #expect(error.problems.map(\.file) == bad.sorted().map { "\($0).yaml" })
        #expect(error.problems.allSatisfy { $0.rule == .countMismatch })
        #expect(try fixture.snapshot() == before)

        let good = zip(years, urls).filter { !bad.contains($0.0) }
        let reports = try fixture.archive.importFiles(good.map(\.1))
        #expect(reports.map(\.year) == good.map(\.0))
        #expect(reports.allSatisfy { $0.change == .added })
        #expect(try fixture.archive.connection.scalar("SELECT count(*) FROM edition", as: Int.self) == good.count)
    }
}
