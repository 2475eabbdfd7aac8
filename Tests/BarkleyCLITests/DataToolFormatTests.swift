import Foundation
@testable import barkley
import Testing

/// What data tools read: CSV headers that are the JSON field names, times as text and seconds,
/// JSON Lines, and `sql` rows streamed in the statement's column order.
@Suite struct DataToolFormatTests {
    private static func object(_ text: some StringProtocol) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Every CSV header (less `_seconds`) is a field of the command's JSON records (`edition`,
    /// `runner`, `search` and `attrition`: header and values, in CSVMatchesJSONTests).
    @Test(arguments: [
        (["finishers", "--year", "2024"], "finishes"),
        (["fun-runs", "--year", "2024"], "fun_runs"),
        (["most", "finishes"], "runners"),
        (["countries"], "countries"),
    ])
    func csvHeadersAreTheJSONFieldNames(arguments: [String], records: String) throws {
        let csv = try BarkleyBinary.run(arguments + ["--format", "csv"])
        let json = try BarkleyBinary.run(arguments + ["--format", "json"])
        #expect(csv.status == 0 && json.status == 0)
        let header = try #require(csv.stdout.split(separator: "\n").first).split(separator: ",").map(String.init)
        let record = try #require((try Self.object(json.stdout)[records] as? [[String: Any]])?.first)
        for field in header where !field.hasSuffix("_seconds") && field != "margin" {
            #expect(record[field] != nil, "CSV header \(field) is not a JSON field of \(records): \(record.keys.sorted())")
        }
    }

    @Test func timesAreTextAndSeconds() throws {
        let csv = try BarkleyBinary.run(["finishers", "--year", "2024", "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        let time = try #require(header.firstIndex(of: "time")), seconds = try #require(header.firstIndex(of: "time_seconds"))
        #expect(lines[1][time] == "58:44:59")
        #expect(lines[1][seconds] == "\(58 * 3600 + 44 * 60 + 59)")
        let margin = try #require(header.firstIndex(of: "margin_seconds"))
        #expect(lines[1][margin] == "4501")
    }

    @Test func jsonLinesHoldTheSameRecordsAsJSON() throws {
        let jsonl = try BarkleyBinary.run(["finishers", "--year", "2024", "--format", "jsonl"])
        let json = try BarkleyBinary.run(["finishers", "--year", "2024", "--format", "json"])
        #expect(jsonl.status == 0, "\(jsonl)")
        let lines = jsonl.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        let finishes = try #require(try Self.object(json.stdout)["finishes"] as? [[String: Any]])
        for (line, finish) in zip(lines, finishes) {
            let object = try Self.object(line)
            #expect(object["runner"] as? String == finish["runner"] as? String)
            #expect(object.keys.sorted() == finish.keys.sorted())
        }
    }

    @Test func jsonLinesOfAnEditionIsOneLine() throws {
        let result = try BarkleyBinary.run(["edition", "2024", "--format", "jsonl"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(try Self.object(lines[0])["year"] as? Int == 2024)
    }

    @Test func sqlKeepsTheColumnOrderInJSONAndJSONLines() throws {
        let statement = "SELECT year, stated_finishers AS finishers, held FROM edition WHERE year IN (2023, 2024) ORDER BY year"
        let jsonl = try BarkleyBinary.run(["sql", statement, "--format", "jsonl"])
        #expect(jsonl.stdout == "{\"year\":2023,\"finishers\":3,\"held\":1}\n{\"year\":2024,\"finishers\":5,\"held\":1}\n", "\(jsonl)")
        let json = try BarkleyBinary.run(["sql", statement, "--format", "json"])
        let year = try #require(json.stdout.range(of: "\"year\"")), finishers = try #require(json.stdout.range(of: "\"finishers\""))
        #expect(year.lowerBound < finishers.lowerBound)
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any])?.count == 2)
    }

    /// More rows than the table's buffer: laid out from the first rows, every row printed, in order.
    @Test(arguments: ["table", "markdown", "csv", "json", "jsonl"])
    func sqlPrintsEveryRowOfALongResult(format: String) throws {
        let count = SQLRowPrinter.sampleSize * 3 + 7
        let statement = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < \(count)) SELECT x, 'row ' || x AS label, NULL AS empty FROM n"
        let result = try BarkleyBinary.run(["sql", statement, "--format", format])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        switch format {
        case "table":
            #expect(lines.count == count + 3)
            let last = String(try #require(lines.last(where: { !$0.isEmpty })))
            #expect(last.hasPrefix("\(count)  row \(count)") && last.hasSuffix("NULL"), "\(last)")
            #expect(Set(lines.dropFirst(2).dropLast().map { line in line.firstIndex(of: "r").map { line.distance(from: line.startIndex, to: $0) } }).count == 1, "aligned")
        case "markdown": #expect(lines.count == count + 3)
        case "csv": #expect(lines.count == count + 2); #expect(lines[1] == "1,row 1,")
        case "json": #expect((try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Any])?.count == count)
        default: #expect(lines.count == count + 1); #expect(lines[0] == "{\"x\":1,\"label\":\"row 1\",\"empty\":null}")
        }
    }

    @Test func snakeCaseFieldNamesFromHeadings() {
        #expect(Column(name: "Last time").fieldName == "last_time")
        #expect(Column(name: "#").fieldName == "position")
        #expect(Column(name: "Completed %").fieldName == "completed_percent")
        #expect(Column.number("Finishes", key: "count").fieldName == "count")
    }
}
