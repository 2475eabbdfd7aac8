@testable import BarkleyArchive
import Foundation
import Testing

/// The import door's findings of a new user's trial: a byte-order mark before a YAML file, a
/// finish over the limit pointed at by its own line, one file given twice, a spreadsheet's
/// header in another case, an hour of one digit, and counts in the singular.
@Suite("The import door reads what editors write and says exactly what is wrong")
struct ImportDoorFindingsTests {
    @Test("an edition file starting with a UTF-8 byte-order mark is read, its lines numbered as without it")
    func yamlByteOrderMarkIsSkipped() throws {
        let fixture = try TemporaryArchive()
        let plain = try EditionFileReader.read(text: Sample.edition2024, fileName: "2024.yaml")
        let url = fixture.directory.appendingPathComponent("2024.yaml")
        try (Data([0xEF, 0xBB, 0xBF]) + Data(Sample.edition2024.utf8)).write(to: url)
        let marked = try EditionFileReader.read(contentsOf: url)
        #expect(marked.edition == plain.edition)
        for field in ["year", "start_time", "entrants[0].name", "entrants[1].times[2].elapsed", "entrants[2].times[0].elapsed"] {
            #expect(marked.lines[field] != nil)
            #expect(marked.lines[field] == plain.lines[field], "\(field)")
        }
        try fixture.archive.importFiles([url])
        #expect(try fixture.archive.edition(year: 2024, race: Edition.barkley) == plain.edition)

        // A problem in a marked file names the line it names without the mark.
        let bad = Sample.edition2024(replacing: "country: \"GBR\"", with: "country: \"XXX\"")
        let badURL = fixture.directory.appendingPathComponent("bad-2024.yaml")
        try (Data([0xEF, 0xBB, 0xBF]) + Data(bad.utf8)).write(to: badURL)
        let error = try #require(throws: ImportError.self) { try EditionFileReader.read(contentsOf: badURL).validated() }
        #expect(error.problems.map(\.rule) == [.unknownCountry])
        #expect(error.problems.first?.line == Sample.line(of: "country: \"XXX\"", in: bad))
    }

    @Test("a byte-order mark inside an edition file is still refused")
    func yamlByteOrderMarkInsideIsRefused() {
        let text = Sample.edition2024(replacing: "name: Jasmin Paris", with: "name: Jasmin\u{FEFF} Paris")
        #expect(throws: ImportError.self) { try EditionFileReader.read(text: text, fileName: "2024.yaml") }
    }

    @Test("a last loop over the year's limit, counted among the finishers, is pointed at by its own line and names the limit")
    func finishOverLimitPointsAtTheTime() throws {
        let text = Sample.edition2024(replacing: "elapsed: \"59:58:21\"", with: "elapsed: \"60:10:00\"")
        let error = try #require(throws: ImportError.self) { try EditionFileReader.read(text: text, fileName: "2024.yaml").validated() }
        let overLimit = try #require(error.problems.first { $0.rule == .finishOverLimit }, "\(error.problems)")
        #expect(overLimit.line == Sample.line(of: "60:10:00", in: text))
        #expect(overLimit.field == "entrants[0].times[0].elapsed")
        #expect(overLimit.message.contains("60:10:00") && overLimit.message.contains("60:00:00"), "\(overLimit.message)")
        let count = try #require(error.problems.first { $0.rule == .countMismatch })
        #expect(count.message.contains("states 2 finishers, but 1 entrant finished"), "\(count.message)")
        #expect(count.message.contains("over the limit"), "\(count.message)")
    }

    @Test("a loop over the limit the file calls over_limit, and leaves out of the finishers, is no problem")
    func statedOverLimitIsAccepted() throws {
        let text = Sample.edition2024(replacing: "elapsed: \"59:58:21\"}", with: "elapsed: \"60:10:00\"}\n  outcome: over_limit")
            .replacingOccurrences(of: "finishers: 2", with: "finishers: 1")
        #expect(EditionValidator.problems(in: try EditionFileReader.read(text: text, fileName: "2024.yaml")).isEmpty)
    }

    @Test("counts of one are singular in problems and summaries")
    func countsOfOneAreSingular() throws {
        let text = Sample.edition2024(replacing: "finishers: 2", with: "finishers: 1")
        let error = try #require(throws: ImportError.self) { try EditionFileReader.read(text: text, fileName: "2024.yaml").validated() }
        #expect(error.problems.map(\.message) == ["states 1 finisher, but 2 entrants finished"])

        let fixture = try TemporaryArchive()
        let one = """
            year: 2024
            entrant_list: partial
            entrants:
            - name: Jasmin Paris
              times:
              - {loop: 5, elapsed: "59:58:21"}

            """
        let report = try fixture.archive.importFiles([try fixture.file("2024.yaml", one)], dryRun: true)[0]
        #expect(report.description.contains("(1 entrant, 1 loop time)"), "\(report.description)")
    }

    @Test("one file given twice in one import is named as given twice, not as its own duplicate; nothing is written")
    func fileGivenTwice() throws {
        let fixture = try TemporaryArchive()
        let url = try fixture.file("2024.yaml", Sample.edition2024)
        let before = try fixture.snapshot()
        let again = fixture.directory.appendingPathComponent("./2024.yaml")
        let error = try #require(throws: ImportError.self) { try fixture.archive.importFiles([url, again]) }
        #expect(error.problems.map(\.rule) == [.duplicateEdition])
        #expect(error.problems[0].message.contains("given twice"), "\(error.problems)")
        #expect(!error.problems[0].message.contains("is also in 2024.yaml"))
        #expect(try fixture.snapshot() == before)

        // Two different files of one year still name each other.
        let other = try fixture.file("2024-copy.yaml", Sample.edition2024)
        let both = try #require(throws: ImportError.self) { try fixture.archive.importFiles([url, other]) }
        #expect(both.problems.first?.message.contains("also in 2024.yaml") == true, "\(both.problems)")
    }

    @Test("a spreadsheet's column names match in any case and with spaces around them")
    func headerMatchesInAnyCase() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([try fixture.file("2024.yaml", Sample.edition2024)])
        let csv = """
            Name, Country ,LOOPS_COMPLETED,Loop_5
            Jasmin Paris,GBR,5,59:58:21
            Ihor Verys,CAN,5,58:44:59

            """
        let report = try fixture.archive.importEntrantsCSV(try fixture.file("entrants-2024.csv", csv), year: 2024)
        #expect(report.change == .replaced)
        let stored = try #require(try fixture.archive.edition(year: 2024, race: Edition.barkley))
        #expect(stored.entrants.map(\.name) == ["Jasmin Paris", "Ihor Verys"])
        #expect(stored.entrants.map(\.country) == ["GBR", "CAN"])
    }

    @Test("a spreadsheet without a name column gives one problem for the header, not one per row")
    func missingNameColumnIsOneProblem() throws {
        let csv = "runner,country\nJasmin Paris,GBR\nIhor Verys,CAN\nJohn Kelly,USA\n"
        let error = try #require(throws: ImportError.self) {
            try EntrantCSV.read(data: Data(csv.utf8), fileName: "entrants-2024.csv", into: Edition(year: 2024))
        }
        #expect(error.problems.allSatisfy { $0.line == 1 }, "\(error.problems)")
        #expect(error.problems.map(\.rule) == [.unknownField, .missingField])
    }

    @Test("a start time with a one-digit hour is refused with the two-digit form to write")
    func oneDigitHourSaysWhatToWrite() throws {
        let text = Sample.edition2024(replacing: "start_time: \"05:17\"", with: "start_time: \"5:17\"")
        let problems = EditionValidator.problems(in: try EditionFileReader.read(text: text, fileName: "2024.yaml"))
        #expect(problems.map(\.rule) == [.invalidValue])
        #expect(problems.first?.line == Sample.line(of: "start_time", in: text))
        #expect(problems.first?.message.contains("'05:17'") == true, "\(problems)")
    }
}

private extension ParsedEdition {
    /// The edition, when it breaks none of the archive's rules.
    func validated() throws -> ParsedEdition {
        let problems = EditionValidator.problems(in: self)
        if !problems.isEmpty { throw ImportError(problems: problems) }
        return self
    }
}
