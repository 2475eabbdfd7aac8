import Foundation
import Testing

/// `attrition --by-reason`, `firsts --category`, `runner` with a key and ids, and `export` of
/// every field of issue 15, on a small archive of real cases.
@Suite struct ReasonCommandTests {
    /// 1998 as Mahoney's table gives it: a reason for each runner who stopped, two with none given.
    static let edition1998 = """
        year: 1998
        format:
          loops: 5
          time_limit: "60:00:00"
          fun_run_loops: 3
          fun_run_time_limit: "40:00:00"
        entrant_list: partial
        finishers: 0
        sources:
          mahoney98: https://www.mattmahoney.net/barkley/barkly98.txt
        entrants:
        - name: David Horton
          wikidata: Q4115189
          loops_completed: 3
          reason: other
          reason_note: returned at 39:57 on loop 4 after losing his glasses
        - name: Blake Wood
          loops_completed: 3
          reason: refused_to_continue
        - name: Mike Dobies
          loops_completed: 3
          reason: refused_to_continue
        - name: Fred Vance
          loops_completed: 3
          reason: missed_cutoff
        - name: DeWayne Satterfield
          loops_completed: 2

        """

    func archive(_ directory: TemporaryDirectory) throws -> String {
        let file = directory.path("1998.yaml")
        try Self.edition1998.write(toFile: file, atomically: true, encoding: .utf8)
        let archive = directory.path("archive.sqlite")
        let result = try BarkleyBinary.run(["import", "--db", archive, file])
        #expect(result.status == 0, "\(result)")
        return archive
    }

    @Test func attritionByReasonSumsTheDrops() throws {
        let directory = try TemporaryDirectory()
        let archive = try archive(directory)
        let table = try BarkleyBinary.run(["attrition", "1998", "--by-reason", "--db", archive])
        #expect(table.status == 0, "\(table)")
        #expect(table.stdout.contains("Non-finishers by reason"))
        #expect(table.stdout.contains("refused_to_continue      2  Blake Wood, Mike Dobies"), "\(table.stdout)")
        let json = try BarkleyBinary.run(["attrition", "1998", "--by-reason", "--format", "json", "--db", archive])
        #expect(json.status == 0, "\(json)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["year"] as? Int == 1998)
        let reasons = try #require(object["by_reason"] as? [[String: Any]])
        #expect(reasons.map { "\($0["reason"] as? String ?? "null") \($0["count"] as? Int ?? -1)" }
            == ["refused_to_continue 2", "missed_cutoff 1", "other 1", "null 1"])
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
        #expect(runner.stdout.contains("other; returned at 39:57"), "\(runner.stdout)")
        // Markdown is never wrapped to the terminal (the table format is, at the tests' 80 columns).
        let edition = try BarkleyBinary.run(["edition", "1998", "--db", archive, "--format", "markdown"])
        #expect(edition.stdout.contains("refused to continue"), "\(edition.stdout)")
        // An `other` reason reads as its note, as on the site's edition page (Presentation); the
        // outcome is unknown (3 loops, no time to tell a fun run from a drop).
        #expect(edition.stdout.contains("unknown: returned at 39:57 on loop 4 after losing his glasses"), "\(edition.stdout)")
        let export = try BarkleyBinary.run(["export", "--db", archive, directory.path("out")])
        #expect(export.status == 0, "\(export)")
        #expect(try String(contentsOfFile: directory.path("out/1998.yaml"), encoding: .utf8) == Self.edition1998)
    }

    @Test func firstsOfTheThreeLoopRace() throws {
        let result = try BarkleyBinary.run(["firsts", "--category", "3_loop", "--format", "csv"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Finish,1988,Ed Furtaw"), "\(result.stdout)")
        let bad = try BarkleyBinary.run(["firsts", "--category", "50k"])
        #expect(bad.status == 64, "\(bad)")
    }
}
