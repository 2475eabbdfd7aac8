import BarkleyArchive
import BarkleyQueries
import Foundation
import Testing

/// Every public result and domain type survives JSON: decoding what was encoded gives back an
/// equal value, for values drawn from a seeded generator through the type's own decoding.
@Suite("Codable round trip")
struct CodableRoundTripTests {
    /// Every public `Codable` type of BarkleyArchive and BarkleyQueries.
    static let types: [any (Codable & Hashable & Sendable).Type] = [
        // BarkleyArchive: the domain values.
        Edition.self, Edition.ID.self, EntryID.self, Entrant.self, LoopTime.self, RaceTime.self, RaceTime.Precision.self,
        RaceFormat.self, LoopCount.self, SourceReference.self, Runner.self,
        Outcome.self, Sex.self, Direction.self, EntrantList.self,
        // BarkleyQueries: the answers.
        ElapsedTime.self, Completeness.self,
        Finish.self, FunRun.self, EditionFinishes.self, FinishList.self, FinishTotals.self, FinishTotals.LoopsTotal.self,
        RepeatFinisher.self, RepeatFinishers.self, EditionFunRuns.self, FunRunList.self,
        Records.self, LoopRecord.self, LoopRecord.Holder.self,
        Firsts.self, CountryFirst.self, Milestone<Finish>.self, Milestone<FunRun>.self,
        EditionAttrition.self, LoopAttrition.self, HistoryAttrition.self, HistoryAttrition.LoopTotals.self,
        Career.self, CareerYear.self, LoopSplit.self, RunnerRanking.self, RankedRunner.self, CountryTable.self, CountryRow.self,
        RunnerSearch.self, RunnerMatch.self, RunnerSuggestion.self,
        Source.self, FormatSummary.self, FormatSummary.Cutoff.self, EditionSummary.self, EditionsWithoutFinisher.self,
        YearResults.self, Drought.self,
        EntrySources.self, TimeSources.self, EditionSources.self,
        EditionIndex.self, EditionLine.self, EditionOrder.self, EditionAggregates.self, EditionAggregates.Basis.self,
        EditionAggregates.Extreme<Int>.self, EditionAggregates.Extreme<String>.self,
        EditionSplits.self, EntrantSplits.self, SplitLoop.self,
        RecordProgression.self, RecordProgression.Kind.self, RecordProgression.Progression.self, RecordProgression.Step.self,
    ]

    /// Sorted keys, so that the same value always gives the same bytes.
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(value)
    }

    static func roundTrips<T: Codable & Hashable>(_ type: T.Type, seed: UInt64) throws -> Bool {
        let value = try RandomDecoder.Source(seed: seed).value(T.self, codingPath: [])
        let data = try encode(value)
        let decoded = try JSONDecoder().decode(T.self, from: data)
        let reencoded = try encode(decoded)
        return decoded == value && reencoded == data
    }

    @Test("200 seeded values of every public type decode to what was encoded", arguments: 0..<types.count)
    func roundTrip(typeIndex: Int) throws {
        let type = Self.types[typeIndex]
        for seed in UInt64(1)...200 {
            #expect(try Self.roundTrips(type, seed: seed * 7919 + UInt64(typeIndex)), "\(type), seed \(seed)")
        }
    }

    @Test("enums print the archive's own words")
    func enumDescriptions() {
        #expect(Outcome.funRun.description == "fun_run")
        #expect("\(Outcome.overLimit)" == "over_limit")
        #expect(Sex.female.description == "F")
        #expect(Direction.counterclockwise.description == "counterclockwise")
        #expect(EntrantList.partial.description == "partial")
        #expect(RaceTime.Precision.approximate.description == "approximate")
    }

    @Test("an edition is identified by race and year, a finish by year and runner")
    func identities() throws {
        let history = try realHistory()
        let edition = try #require(try history.archive.edition(year: 2024))
        #expect(edition.id == Edition.ID(race: Edition.barkley, year: 2024))
        let finishes = try history.allFinishes().finishes
        #expect(Set(finishes.map(\.id)).count == finishes.count)
        #expect(try history.career(of: "jasmin paris").id == "Jasmin Paris")
    }
}
