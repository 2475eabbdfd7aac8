import Foundation
import Testing

/// `barkley edition` words an outcome's reason, an unofficial loop, the race and the course as
/// the site's edition page does: both take them from `Presentation`.
@Suite struct EditionReasonWordingTests {
    static let edition1988 = """
        year: 1988
        format:
          loops: 3
        course:
          loop_miles: 18.3
          climb_feet: 12000
          cite: [furtaw]
        entrant_list: partial
        sources:
          furtaw: Ed Furtaw, Tales from Out There
        entrants:
        - name: Tom Possert
          outcome: disqualified
          reason_note: skipped a section
          times:
          - {loop: 3, elapsed: "23:47"}
          cite: [furtaw]
        - name: Jim Lost
          loops_completed: 1
          reason: lost
          cite: [furtaw]
        - name: Rob Late
          loops_completed: 2
          times:
          - {loop: 3, elapsed: "36:10:00", unofficial: off_course}
          cite: [furtaw]

        """

    @Test func editionWordsReasonsUnofficialLoopsRaceAndCourseAsTheSiteDoes() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path("1988.yaml")
        try Self.edition1988.write(toFile: file, atomically: true, encoding: .utf8)
        let archive = directory.path("archive.sqlite")
        let imported = try BarkleyBinary.run(["import", "--db", archive, file])
        #expect(imported.status == 0, "\(imported)")
        // Wide enough that no fact or cell wraps.
        let result = try BarkleyBinary.run(["edition", "1988", "--db", archive], environment: ["COLUMNS": "200"])
        #expect(result.status == 0, "\(result)")
        for text in ["DQ: skipped a section", "dropped: lost", "36:10:00 (loop 3, unofficial: off course)",
                     "the 3-loop race (its finishes are not counted with the 100-mile race's)",
                     "18.3 miles a loop; 12,000 ft of climb [furtaw]"] {
            #expect(result.stdout.contains(text), "missing \(text) in \(result.stdout)")
        }
    }

    @Test func editionNamesTheHundredMileRaceAfterTheStartAsTheSiteDoes() throws {
        let result = try BarkleyBinary.run(["edition", "2024", "--format", "markdown"])
        #expect(result.status == 0, "\(result)")
        let labels = result.stdout.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("- **"), let end = line.range(of: ":**") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 4)..<end.lowerBound])
        }
        #expect(Array(labels.prefix(3)) == ["Start", "Race", "Format"], "\(result.stdout)")
        #expect(result.stdout.contains("the 100-mile race"), "\(result.stdout)")
    }

    @Test func runnerWordsReasonsAndUnofficialLoopsAsEditionDoes() throws {
        let directory = try TemporaryDirectory()
        let archive = directory.path("archive.sqlite")
        let imported = try BarkleyBinary.run(["import", "--db", archive, Repository.root.appendingPathComponent("Tests/ReasonFixtures/2017.yaml").path])
        #expect(imported.status == 0, "\(imported)")
        let runner = try BarkleyBinary.run(["runner", "Gary Robbins", "--db", archive, "--format", "markdown"])
        #expect(runner.status == 0, "\(runner)")
        #expect(runner.stdout.contains("came in from the wrong direction; loop 5, unofficial: after the limit"), "\(runner.stdout)")
        let edition = try BarkleyBinary.run(["edition", "2017", "--db", archive, "--format", "markdown"])
        #expect(edition.stdout.contains("came in from the wrong direction"), "\(edition.stdout)")
        #expect(edition.stdout.contains("unofficial: after the limit"), "\(edition.stdout)")
    }
}
