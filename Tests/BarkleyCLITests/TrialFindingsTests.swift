import Foundation
import Testing

/// What a new user's trial of the CLI found (issue 18's follow-up): each answer now says what it
/// means, never "unknown" for what does not exist, never a wrong minute.
@Suite("Trial findings", .serialized)
struct TrialFindingsTests {
    @Test(arguments: [["records", "--loops", "6"], ["firsts", "--loops", "6"], ["records", "--loops", "4", "--progression"]])
    func loopsNoRaceHadIsRefusedNamingTheLoopCountsThatExist(arguments: [String]) throws {
        let result = try BarkleyBinary.run(arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty, "no answer that reads as unknown: \(result)")
        #expect(result.stderr.contains("No race of \(arguments[2]) loops"), "\(result)")
        #expect(result.stderr.contains("3 or 5 loops"), "\(result)")
    }

    @Test(arguments: [["records", "--loops", "3"], ["firsts", "--loops", "5"]])
    func loopsARaceHadStillAnswers(arguments: [String]) throws {
        #expect(try BarkleyBinary.run(arguments).status == 0)
    }

    @Test func summarySaysWhatLoopsFilters() throws {
        let result = try BarkleyBinary.run(["editions", "--summary", "--loops", "3"])
        #expect(result.status == 0, "\(result)")
        let words = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Winning times are of the 3-loop editions only (--loops); the other figures count every held edition."),
                "\(result)")
    }

    @Test func summaryUnknownInStaysOneLineAFigureWhenWrapped() throws {
        let result = try BarkleyBinary.run(["editions", "--summary"], environment: ["COLUMNS": "60"])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex(of: "Unknown in"), "\(result)")
        // "Unknown in" is a table at a narrow width (one row a figure), "Disputed values used" a list.
        for label in ["Winning times ", "Largest field ", "Start times ", "Finishers ", "Winning times: 2014", "Largest field: 2022"] {
            #expect(lines[start...].contains { $0.hasPrefix(label) }, "'\(label)' starts a line: \(result.stdout)")
        }
        #expect(lines.allSatisfy { $0.count <= 60 })
    }

    @Test func progressionAtSixtyColumnsBreaksNoWordOrDate() throws {
        let narrow = try BarkleyBinary.run(["records", "--progression"], environment: ["COLUMNS": "60"])
        #expect(narrow.status == 0, "\(narrow)")
        let json = try BarkleyBinary.run(["records", "--progression", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let steps = (object["records"] as? [[String: Any]] ?? []).flatMap { $0["steps"] as? [[String: Any]] ?? [] }
        #expect(!steps.isEmpty)
        let words = narrow.stdout.split(whereSeparator: \.isWhitespace).map(String.init)
        for step in steps {
            for word in (step["runner"] as? String ?? "").split(separator: " ") {
                #expect(words.contains(String(word)), "'\(word)' is broken at 60 columns:\n\(narrow.stdout)")
            }
            if let date = step["start_date"] as? String { #expect(words.contains(date), "\(date) is broken") }
        }
        for label in ["Fastest", "Smallest", "finish", "margin"] { #expect(words.contains(label)) }
    }

    @Test func progressionGivesARangeWhereAMinuteWouldBeWrong() throws {
        let result = try BarkleyBinary.run(["records", "--progression"])
        #expect(result.status == 0, "\(result)")
        // 1995's 8:02:-- fell to Randy Isler's 7:58:58 in 1999: by 3:02 to 4:01, not "0:03:--".
        let isler = try #require(result.stdout.split(separator: "\n").first { $0.contains("Randy Isler") && $0.contains("7:58:58") })
        #expect(isler.contains("0:03:02–0:04:01"), "\(isler)")
        #expect(!result.stdout.split(separator: "\n").contains { $0.hasSuffix(":--") && !$0.contains("first") },
                "an improvement read to the minute: \(result.stdout)")
        let json = try BarkleyBinary.run(["records", "--progression", "--format", "json"]).stdout
        #expect(json.contains("\"improvement_at_most\""))
    }

    @Test(arguments: [["edition", "-1"], ["sources", "-1"]])
    func aNegativeYearIsSaidToBeInvalid(arguments: [String]) throws {
        let result = try BarkleyBinary.run(arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("'\(arguments[1])' is not a valid year"), "\(result)")
        #expect(!result.stderr.contains("Missing expected argument"), "\(result)")
    }
}
