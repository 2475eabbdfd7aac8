import BarkleyArchive
@testable import BarkleyQueries
import Foundation
import Testing

/// Results encode to JSON with stable snake_case keys (the CLI's `--format json`), and decode back.
@Suite("JSON")
struct CodingTests {
    let history: History
    init() throws { history = try realHistory() }

    func json<T: Encodable>(_ value: T) throws -> [String: Any] {
        let data = try JSONEncoder().encode(value)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func roundTrips<T: Codable & Equatable>(_ value: T) throws -> Bool {
        try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value)) == value
    }

    @Test("a finish: snake_case keys, the time as seconds, precision and text, the margin")
    func finish() throws {
        let paris = try #require(try history.finishers(in: 2024).finishes.last)
        let object = try json(paris)
        #expect(Set(object.keys) == ["year", "place", "runner", "country", "sex", "first_attempt", "loops", "time",
                                     "time_limit", "margin_seconds"])
        #expect(object["margin_seconds"] as? Int == 99)
        #expect(object["sex"] as? String == "F")
        let time = try #require(object["time"] as? [String: Any])
        #expect(time["seconds"] as? Int == 215_901)
        #expect(time["approximate"] as? Bool == false)
        #expect(time["text"] as? String == "59:58:21")
        #expect(try roundTrips(paris))
    }

    @Test("completeness says whether the answer is complete")
    func completeness() throws {
        let object = try json(try history.finishTotals())
        #expect(Set(object.keys) == ["finishes", "finishers", "by_loops", "completeness"])
        let completeness = try #require(object["completeness"] as? [String: Any])
        #expect(Set(completeness.keys) == ["partial_entrant_lists", "incomplete_years", "is_complete", "disputed"])
        #expect(completeness["is_complete"] as? Bool == true)
        #expect(completeness["disputed"] is [String])
    }

    @Test("every answer round-trips through JSON")
    func roundTrip() throws {
        #expect(try roundTrips(history.allFinishes()))
        #expect(try roundTrips(history.finishTotals()))
        #expect(try roundTrips(history.repeatFinishers()))
        #expect(try roundTrips(history.records()))
        #expect(try roundTrips(history.firsts()))
        #expect(try roundTrips(history.editionSummary(year: 2023)))
        #expect(try roundTrips(history.editionsWithoutFinisher()))
        #expect(try roundTrips(history.resultsPerYear()))
        #expect(try roundTrips(history.droughts()))
        #expect(try roundTrips(history.attrition(year: 2012)))
        #expect(try roundTrips(history.attritionAcrossHistory()))
        #expect(try roundTrips(history.career(of: "John Kelly")))
        #expect(try roundTrips(history.mostStarts()))
        #expect(try roundTrips(history.countries()))
        #expect(try roundTrips(history.searchRunners("paris")))
        #expect(try roundTrips(history.sources(forEntryOf: "Ihor Verys", year: 2024)))
        #expect(try roundTrips(history.sources(forEdition: 2024)))
    }

    @Test("key names are snake_case throughout")
    func snakeCase() throws {
        let data = try JSONEncoder().encode(try history.editionSummary(year: 2024))
        let text = String(decoding: data, as: UTF8.self)
        let keys = text.matches(of: /"([A-Za-z_]+)":/).map { String($0.1) }
        #expect(!keys.isEmpty)
        #expect(keys.filter { $0.contains(where: \.isUppercase) }.isEmpty)
    }
}
