import BarkleyArchive
@testable import barkley
import Testing

/// `JSONValue(encoding:)`: a query result's own field names, with nil written as null.
@Suite struct JSONEncodingTests {
    struct Sample: Encodable {
        var name: String
        var country: String?
        var loops: Int?
        var times: [Int]
        var nested: Nested?
        var sex: Sex?

        struct Nested: Encodable {
            var flag: Bool
            var note: String?
        }

        enum CodingKeys: String, CodingKey {
            case name, country, loops, times, nested, sex
        }
    }

    @Test func nilIsWrittenAsNull() throws {
        let value = try JSONValue(encoding: Sample(name: "Jasmin Paris", country: nil, loops: 5, times: [1, 2], nested: .init(flag: true), sex: .female))
        #expect(value == [
            "name": "Jasmin Paris", "country": .null, "loops": 5, "times": [1, 2],
            "nested": ["flag": true, "note": .null], "sex": "F",
        ])
        let empty = try JSONValue(encoding: Sample(name: "", times: []))
        #expect(empty == ["name": "", "country": .null, "loops": .null, "times": [], "nested": .null, "sex": .null])
    }

    @Test func aJSONValueIsKeptAsItIs() throws {
        let value: JSONValue = ["a": [1, .null, "x"], "b": .double(1.5)]
        #expect(try JSONValue(encoding: value) == value)
    }

    @Test func yearsAreShortenedToRuns() {
        #expect(Formatting.years([]) == "")
        #expect(Formatting.years([2024]) == "2024")
        #expect(Formatting.years([2012, 2014, 2016, 2024]) == "2012, 2014, 2016, 2024")
        #expect(Formatting.years([2025, 1986, 1987, 1988, 1989, 1991, 2021, 2022, 2023, 2024]) == "1986–1989, 1991, 2021–2025")
    }
}
