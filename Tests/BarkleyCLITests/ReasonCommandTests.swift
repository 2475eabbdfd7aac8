import Foundation
import Testing

/// `attrition --by-reason`, `firsts --category`, `runner` with a key and ids, and `export` of
/// every field of issue 15, on a small archive of real cases.
@Suite struct ReasonCommandTests {
    /// 1998 as Mahoney's table gives it: a reason for each runner who stopped, two with none
    /// given (Tests/ReasonFixtures, shared with the archive's and the queries' tests).
    static let edition1998 = Repository.root.appendingPathComponent("Tests/ReasonFixtures/1998.yaml").path

    /// A new archive file holding 1998, in `directory`.
    func archive(_ directory: TemporaryDirectory) throws -> String {
        let archive = directory.path("archive.sqlite")
        let result = try BarkleyBinary.run(["import", "--db", archive, Self.edition1998])
        #expect(result.status == 0, "\(result)")
        return archive
    }

    @Test("1988 of the built-in archive: Possert and Clifton read as disqualified, in every format")
    func attritionByReasonNamesTheDisqualified() throws {
        // SampleData/1988.yaml: both `outcome: disqualified` with `reason: other` and the cause in the note.
        let table = try BarkleyBinary.run(["attrition", "1988", "--by-reason"])
        #expect(table.status == 0, "\(table)")
        #expect(table.stdout.contains("disqualified         2  Tom Possert, Eric Clifton"), "\(table.stdout)")
        let csv = try BarkleyBinary.run(["attrition", "1988", "--by-reason", "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").contains(",true,2,Tom Possert;Eric Clifton"), "\(csv.stdout)")
        let json = try BarkleyBinary.run(["attrition", "1988", "--by-reason", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let first = try #require((object["by_reason"] as? [[String: Any]])?.first)
        #expect(first["disqualified"] as? Bool == true)
        #expect(first["reason"] is NSNull)
    }

    @Test func attritionByReasonSumsTheDrops() throws {
        let directory = try TemporaryDirectory()
        let archive = try archive(directory)
        let table = try BarkleyBinary.run(["attrition", "1998", "--by-reason", "--db", archive])
        #expect(table.status == 0, "\(table)")
        #expect(table.stdout.contains("Non-finishers by reason"))
        // In words for a reader, as `edition` and the site word a reason; codes in CSV and JSON.
        #expect(table.stdout.contains("refused to continue      2  Blake Wood, Mike Dobies"), "\(table.stdout)")
        #expect(!table.stdout.contains("refused_to_continue"), "\(table.stdout)")
        let csv = try BarkleyBinary.run(["attrition", "1998", "--by-reason", "--format", "csv", "--db", archive])
        #expect(csv.status == 0, "\(csv)")
        let csvLines = csv.stdout.split(separator: "\n").map(String.init)
        #expect(csvLines.first == "reason,disqualified,count,runners", "\(csv.stdout)")
        #expect(csvLines.contains("refused_to_continue,false,2,Blake Wood;Mike Dobies"), "\(csv.stdout)")
        #expect(csvLines.contains { $0.hasPrefix(",false,2,") }, "no coded reason is an empty reason, as JSON's null: \(csv.stdout)")
        #expect(table.stdout.contains("no coded reason"), "\(table.stdout)")
        let json = try BarkleyBinary.run(["attrition", "1998", "--by-reason", "--format", "json", "--db", archive])
        #expect(json.status == 0, "\(json)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["year"] as? Int == 1998)
        let reasons = try #require(object["by_reason"] as? [[String: Any]])
        #expect(reasons.map { "\($0["reason"] as? String ?? "null") \($0["count"] as? Int ?? -1)" }
            == ["refused_to_continue 2", "missed_cutoff 2", "other 1", "null 2"])
        // Without the flag, the answer is as it was.
        let plain = try BarkleyBinary.run(["attrition", "1998", "--format", "json", "--db", archive])
        #expect(!plain.stdout.contains("by_reason"))
    }

    @Test func runnerShowsKeyAndIDsAndExportGivesThemBack() throws {
        let directory = try TemporaryDirectory()
        let archive = try archive(directory)
        let runner = try BarkleyBinary.run(["runner", "David Horton", "--db", archive])
        #expect(runner.status == 0, "\(runner)")
        #expect(runner.stdout.contains("david-horton"))
        #expect(runner.stdout.contains("Q4115189"))
        // `other` gives way to its note, as in `edition` and on the site.
        #expect(runner.stdout.contains("Why, 1998"), "\(runner.stdout)")
        #expect(runner.stdout.contains("returned at 39:57 on loop 4"), "\(runner.stdout)")
        #expect(!runner.stdout.contains("other;"), "\(runner.stdout)")
        // Markdown is never wrapped to the terminal (the table format is, at the tests' 80 columns).
        let edition = try BarkleyBinary.run(["edition", "1998", "--db", archive, "--format", "markdown"])
        #expect(edition.stdout.contains("refused to continue"), "\(edition.stdout)")
        // An `other` reason reads as its note, as on the site's edition page (Presentation); the
        // outcome is unknown (3 loops, no time to tell a fun run from a drop).
        #expect(edition.stdout.contains("unknown: returned at 39:57 on loop 4 after losing his glasses"), "\(edition.stdout)")
        let export = try BarkleyBinary.run(["export", "--db", archive, directory.path("out")])
        #expect(export.status == 0, "\(export)")
        #expect(try String(contentsOfFile: directory.path("out/1998.yaml"), encoding: .utf8) == String(contentsOfFile: Self.edition1998, encoding: .utf8))
    }

    @Test func firstsOfTheThreeLoopRace() throws {
        let result = try BarkleyBinary.run(["firsts", "--category", "3_loop", "--format", "csv"])
        #expect(result.status == 0, "\(result)")
        // CSV as JSON: the first's code (`finish`), then the year, place and runner.
        #expect(result.stdout.split(separator: "\n").contains { $0.hasPrefix("finish,1988,") && $0.contains(",Ed Furtaw,") }, "\(result.stdout)")
        let bad = try BarkleyBinary.run(["firsts", "--category", "50k"])
        #expect(bad.status == 64, "\(bad)")
    }
}
