import Foundation
import Testing

/// CSV and JSON Lines carry the same rows under the same field names.
@Suite struct SameRowsTests {
    /// `firsts`: one CSV row and one JSON Lines object per milestone's achiever (the race's
    /// firsts as well as each country's), not the countries alone.
    @Test(arguments: [["firsts"], ["firsts", "--loops", "5"], ["firsts", "--category", "3_loop"]])
    func firstsCSVRowsAreTheJSONLinesObjects(arguments: [String]) throws {
        let csv = try BarkleyBinary.run(arguments + ["--format", "csv"])
        let jsonl = try BarkleyBinary.run(arguments + ["--format", "jsonl"])
        #expect(csv.status == 0 && jsonl.status == 0, "\(csv)\n\(jsonl)")
        let rows = csv.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(rows.first)
        let objects = try jsonl.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(objects.count == rows.count - 1)
        for (row, object) in zip(rows.dropFirst(), objects) {
            #expect(Set(object.keys) == Set(header))
            let first = try #require(header.firstIndex(of: "first")), runner = try #require(header.firstIndex(of: "runner"))
            #expect(object["first"] as? String == row[first])
            #expect((object["runner"] as? String ?? "") == row[runner])
            let seconds = try #require(header.firstIndex(of: "time_seconds"))
            #expect((object["time_seconds"] as? Int).map(String.init) ?? "" == row[seconds])
            let complete = try #require(header.firstIndex(of: "is_complete"))
            #expect((object["is_complete"] as? Bool).map { "\($0)" } == row[complete])
        }
        #expect(objects.contains { $0["first"] as? String == "finish" }, "the race's first finish is a line of its own")
    }
}
