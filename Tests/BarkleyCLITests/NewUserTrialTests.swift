import Foundation
import Testing

/// What a second new-user trial of the reading commands found: newlines in `sql` values, lines
/// wider than the terminal, options whose combination has no answer, unknowns with a bound.
@Suite("New-user trial", .serialized)
struct NewUserTrialTests {
    @Test func sqlTableWrapsAValueAtItsNewlines() throws {
        let statement = "SELECT 'first line' || char(10) || 'second line' AS note"
        let table = try BarkleyBinary.run(["sql", statement], environment: ["COLUMNS": "60"])
        #expect(table.status == 0, "\(table)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("first line") && lines.contains("second line"), "\(table)")
        #expect(!table.stdout.contains("\\n"), "\(table)")
        let json = try BarkleyBinary.run(["sql", statement, "--format", "json"])
        #expect(json.stdout.contains("first line\\nsecond line"), "JSON keeps the newline, escaped as JSON does: \(json)")
    }

    @Test(arguments: [["finishers", "--loops", "4"], ["editions", "--summary", "--loops", "4"], ["countries", "--loops", "4"],
                      ["most", "finishes", "--loops", "4"]])
    func everyLoopsOptionRefusesALoopCountNoRaceHad(arguments: [String]) throws {
        let result = try BarkleyBinary.run(arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.contains("No race of 4 loops"), "\(result)")
    }

    @Test(arguments: [["firsts", "--category", "100_mile", "--loops", "3"], ["most", "finishes", "--category", "3_loop", "--loops", "5"]])
    func categoryAndLoopsThatDisagreeAreRefused(arguments: [String]) throws {
        let result = try BarkleyBinary.run(arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.contains("disagree"), "\(result)")
    }

    @Test func aNegativeLimitSaysTheLimitMustBeOneOrMore() throws {
        let result = try BarkleyBinary.run(["most", "finishes", "--limit", "-3"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("--limit must be 1 or more"), "\(result)")
    }

    @Test func aThreeLoopRaceHadNoFunRun() throws {
        let result = try BarkleyBinary.run(["fun-runs", "--year", "1986"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("no fun run: the 1986 race was 3 loops"), "\(result)")
        #expect(!result.stdout.contains("Complete"), "\(result)")
    }

    @Test func splitsSayWhichValuesAreDisputed() throws {
        let splits = try BarkleyBinary.run(["edition", "2023", "--splits"], environment: ["COLUMNS": "200"])
        let edition = try BarkleyBinary.run(["edition", "2023"], environment: ["COLUMNS": "200"])
        // The same words after the label (the labels' column differs with the other facts).
        func disputed(_ text: String) -> String? {
            text.split(separator: "\n").first { $0.hasPrefix("Disputed ") }.map { $0.dropFirst("Disputed".count).trimmingCharacters(in: .whitespaces) }
        }
        let words = try #require(disputed(edition.stdout), "\(edition)")
        #expect(disputed(splits.stdout) == words, "\(splits)")
    }

    @Test func editionsShowALowerBoundForAnUnknownCount() throws {
        let result = try BarkleyBinary.run(["editions"], environment: ["COLUMNS": "80"])
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("2023") }, "\(result)")
        #expect(line.split(separator: " ").contains("4+"), "four fun runners are named in 2023: \(line)")
    }

    @Test func dropReasonsAcrossEditionsGiveEachRunnersYears() throws {
        let result = try BarkleyBinary.run(["attrition", "--by-reason"], environment: ["COLUMNS": "400"])
        #expect(result.status == 0, "\(result)")
        let table = try #require(result.stdout.components(separatedBy: "Non-finishers by reason").last)
        for line in table.split(separator: "\n") where line.contains("Fred Pilon") {
            #expect(line.components(separatedBy: "Fred Pilon").count == 2, "once a line, with years: \(line)")
            #expect(line.contains("Fred Pilon ("), "\(line)")
        }
    }

    @Test func countriesSaysWhichRacesItCounts() throws {
        let result = try BarkleyBinary.run(["countries"])
        #expect(result.stdout.contains("the 100-mile race and the 3-loop race"), "\(result)")
    }

    @Test(arguments: [["editions", "--chart"], ["attrition", "--chart"]])
    func chartLegendsFitSixtyColumns(arguments: [String]) throws {
        let result = try BarkleyBinary.run(arguments, environment: ["COLUMNS": "60"])
        #expect(result.status == 0, "\(result)")
        for line in result.stdout.split(separator: "\n") {
            #expect(String(line).count <= 60, "\(line.count) columns: \(line)\n\(result)")
        }
    }
}
