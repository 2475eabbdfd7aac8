@testable import BarkleyArchive
import Foundation
import Testing

/// Every field of an entrant and of a loop time either has a spreadsheet column (and survives
/// export and import) or is named in a notice when a spreadsheet replaces an entrant holding it:
/// the fields are walked from the model, so a field added later cannot be forgotten.
@Suite("Entrant spreadsheets carry each field or name it when dropped")
struct SpreadsheetColumnCoverageTests {
    /// The stored properties of a value, by Swift name.
    static func fields(of value: Any) -> Set<String> {
        Set(Mirror(reflecting: value).children.compactMap(\.label))
    }

    static let time = LoopTime(loop: 5, elapsed: RaceTime(hours: 59, minutes: 58, seconds: 21))

    /// For each field of ``LoopTime`` a `loop_N` cell cannot carry, a way to give it a value.
    static let timeSetters: [String: @Sendable (inout LoopTime) -> Void] = [
        "direction": { $0.direction = .clockwise },
        "cited": { $0.cited = ["irunfar"] },
        "note": { $0.note = "99 s inside 60 h" },
        "disputed": { $0.disputed = [Dispute(field: .elapsed, alternatives: [Alternative(value: "59:58:22", cited: ["irunfar"])])] },
        "unofficial": { $0.unofficial = .afterLimit },
    ]
    /// For each field of ``Entrant`` a spreadsheet row has no column for, a way to give it a value.
    static let entrantSetters: [String: @Sendable (inout Entrant) -> Void] = [
        "externalIDs": { $0.externalIDs = ExternalIDs(wikidata: "Q4115189") },
        "disputed": { $0.disputed = [Dispute(field: .country, alternatives: [Alternative(value: "FRA", cited: ["irunfar"])])] },
    ]

    @Test("every field of Entrant and LoopTime is either a column or named when dropped, never both")
    func everyFieldIsAColumnOrNamed() {
        let entrantFields = Self.fields(of: Entrant(name: "Jasmin Paris"))
        let named = Set(EntrantCSV.entrantFactsWithoutAColumn.map(\.field))
        #expect(entrantFields == EntrantCSV.entrantFieldsInColumns.union(named))
        #expect(EntrantCSV.entrantFieldsInColumns.isDisjoint(with: named))
        #expect(Set(Self.entrantSetters.keys) == named)

        let timeFields = Self.fields(of: Self.time)
        let namedTimeFields = Set(EntrantCSV.timeFactsWithoutAColumn.map(\.field))
        #expect(timeFields == EntrantCSV.timeFieldsInColumns.union(namedTimeFields))
        #expect(EntrantCSV.timeFieldsInColumns.isDisjoint(with: namedTimeFields))
        #expect(Set(Self.timeSetters.keys) == namedTimeFields)
    }

    @Test("a stored entrant holding any field without a column is named, with the loop of a time's field",
          arguments: ["externalIDs", "disputed", "time.direction", "time.cited", "time.note", "time.disputed", "time.unofficial"])
    func eachFieldWithoutAColumnIsNamed(field: String) throws {
        var entrant = Entrant(name: "Jasmin Paris", loopsCompleted: 5, times: [Self.time])
        if field.hasPrefix("time.") {
            let setter = try #require(Self.timeSetters[String(field.dropFirst(5))])
            setter(&entrant.times[0])
        } else {
            let setter = try #require(Self.entrantSetters[field])
            setter(&entrant)
        }
        let plain = Edition(year: 2024, entrants: [Entrant(name: "Jasmin Paris", loopsCompleted: 5, times: [Self.time])])
        var stored = plain
        stored.entrants = [entrant]
        let facts = EntrantCSV.factsWithoutAColumn(in: stored, replacedBy: plain)
        #expect(facts.count == 1)
        #expect(facts.first?.hasPrefix("Jasmin Paris: ") == true, "\(facts)")
        if field.hasPrefix("time.") { #expect(facts.first?.contains("loop 5") == true, "\(facts)") }
        #expect(EntrantCSV.factsWithoutAColumn(in: plain, replacedBy: plain).isEmpty)
    }

    @Test("every field with a column survives a spreadsheet written by export and read back")
    func fieldsWithAColumnRoundTrip() throws {
        var entrant = Entrant(name: "Ihor Verys", listedAs: "Ihor Veris", country: "CAN", sex: .male, firstAttempt: true,
                              loopsCompleted: 4, statedOutcome: .funRun,
                              times: [LoopTime(loop: 3, elapsed: RaceTime(hours: 31, minutes: 31, seconds: 47)),
                                      LoopTime(loop: 4, elapsed: RaceTime(hours: 45, minutes: 46, seconds: 32))],
                              cited: ["irunfar", "sportskeeda"], note: "Debut", distinctFrom: ["Igor Veres"])
        entrant.reason = .missedCutoff
        entrant.reasonNote = "past the loop 5 cutoff"
        var edition = Edition(year: 2024, format: RaceFormat(loops: 5), entrants: [entrant])
        edition.sources = [SourceReference(key: "irunfar", citation: "https://irunfar.com"), SourceReference(key: "sportskeeda", citation: "https://sportskeeda.com")]
        let text = try EntrantCSV.text(of: edition)
        let read = try EntrantCSV.read(data: Data(text.utf8), fileName: "entrants-2024.csv", into: edition)
        #expect(read.edition.entrants == [entrant])
        #expect(EntrantCSV.factsWithoutAColumn(in: edition, replacedBy: read.edition).isEmpty)
    }

    @Test("replacing 2024's entrants from their own export names Verys's directions, sources and notes and Paris's note, in the dry run too")
    func exportedSpreadsheetNamesLoopTimeFacts() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles(try SampleDataFiles.urls().filter { $0.lastPathComponent == "2024.yaml" })
        let stored = try #require(try fixture.archive.edition(year: 2024, race: Edition.barkley))
        let url = try fixture.file("entrants-2024.csv", try EntrantCSV.text(of: stored))
        let before = try fixture.snapshot()
        let dryRun = try fixture.archive.importEntrantsCSV(url, year: 2024, dryRun: true)
        #expect(try fixture.snapshot() == before)
        let report = try fixture.archive.importEntrantsCSV(url, year: 2024)
        #expect(dryRun.notices == report.notices)
        let verys = try #require(report.notices.first { $0.contains("Ihor Verys:") }, "\(report.notices)")
        #expect(verys.contains("the direction of loop 3, 4, 5"))
        #expect(verys.contains("the sources cited for the time of loop 3, 4"))
        #expect(verys.contains("the note on the time of loop 3, 4"))
        #expect(report.notices.contains { $0.contains("Jasmin Paris: the note on the time of loop 5") }, "\(report.notices)")
        #expect(report.description.contains("notice: replacing the entrants drops"))
    }
}
