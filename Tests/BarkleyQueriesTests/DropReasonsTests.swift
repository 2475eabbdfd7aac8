import BarkleyArchive
import BarkleyBuiltInArchive
@testable import BarkleyQueries
import Testing

/// Non-finishers by reason on the real editions: a DQ is counted as one whatever its code or
/// note, a fun run is a non-finish, a finish never is.
@Suite("Drop reasons")
struct DropReasonsTests {
    /// `name reason count`, `disqualified` for the group of DQs, `none` for no coded reason.
    static func summary(_ groups: [DropReasonCount]) -> [String] {
        groups.map { "\($0.disqualified ? "disqualified" : $0.reason?.rawValue ?? "none") \($0.count)" }
    }

    @Test("1988: Possert and Clifton are counted as disqualified, not under their code 'other'; Furtaw's finish is not counted")
    func disqualifiedIsItsOwnGroup() throws {
        // SampleData/1988.yaml: both `outcome: disqualified`, `reason: other`, the cause in
        // `reason_note` (furtaw: skipped a one-mile section; cactustoclouds: 'DQ').
        let groups = try realHistory().dropReasons(year: 1988)
        let disqualified = try #require(groups.first { $0.disqualified })
        #expect(disqualified.runners == ["Tom Possert", "Eric Clifton"])
        #expect(disqualified.reason == nil)
        #expect(!groups.contains { $0.reason == .other })
        #expect(!groups.flatMap(\.runners).contains("Ed Furtaw"))
        // The coded reasons come first, then the DQs, then those with no coded reason.
        #expect(Self.summary(groups).first == "disqualified 2")
        #expect(groups.last.map { $0.reason == nil && !$0.disqualified } == true)
    }

    @Test("a DQ whose cause is only in its note is counted as disqualified, not as 'no coded reason'")
    func disqualifiedWithANoteOnly() throws {
        // SampleData/1988.yaml with the code taken off the two DQs, their notes kept.
        let file = try #require(BuiltInArchive.files.first { $0.name == "1988.yaml" })
        var parsed = try EditionFileReader.read(text: file.contents, fileName: file.name)
        for index in parsed.edition.entrants.indices where parsed.edition.entrants[index].statedOutcome == .disqualified {
            parsed.edition.entrants[index].reason = nil
            #expect(parsed.edition.entrants[index].reasonNote != nil)
        }
        let archive = try Archive.inMemory()
        try archive.importEditions([parsed])
        let groups = try History(archive: archive).dropReasons(year: 1988)
        #expect(groups.first { $0.disqualified }?.runners == ["Tom Possert", "Eric Clifton"])
        let uncoded = try #require(groups.first { $0.reason == nil && !$0.disqualified })
        #expect(!uncoded.runners.contains("Tom Possert") && !uncoded.runners.contains("Eric Clifton"))
    }

    @Test("2017: Robbins' fun run is a non-finish with its reason; Kelly's finish is not counted")
    func funRunCountsFinishDoesNot() throws {
        // SampleData/2017.yaml: Robbins, four loops and back six seconds over the limit, `reason: other`.
        let history = try realHistory()
        let groups = try history.dropReasons(year: 2017)
        #expect(groups.first { $0.reason == .other }?.runners == ["Gary Robbins"])
        #expect(try history.career(of: "Gary Robbins").years.first?.outcome == .funRun)
        #expect(!groups.flatMap(\.runners).contains("John Kelly"))
        // Every other starter did not finish: all of them are counted.
        let entrants = try #require(try history.archive.edition(year: 2017)).entrants
        #expect(groups.map(\.count).reduce(0, +) == entrants.count - 1)
    }

    @Test("1998: Mahoney's table, every one of the 35 starters counted; the fun runners Vance and DeWalt missed the cutoff for the 100")
    func mahoney1998() throws {
        // SampleData/1998.yaml, typed from barkly98.txt (see SampleDataCitedTests.reasons1998).
        let groups = try realHistory().dropReasons(year: 1998)
        #expect(Self.summary(groups) == [
            "refused_to_continue 12", "missed_cutoff 5", "lost 8", "injured 2", "sick 2", "other 5", "none 1",
        ])
        #expect(groups.first { $0.reason == .missedCutoff }.map { $0.runners.prefix(2) } == ["Fred Vance", "John DeWalt"])
        // Andrew Thompson's note says only when he returned: no coded reason.
        #expect(groups.last?.runners == ["Andrew Thompson"])
    }
}
