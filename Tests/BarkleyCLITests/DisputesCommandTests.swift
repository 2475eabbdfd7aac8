import Foundation
import Testing

/// `barkley disputes` and the "disputed" line of other answers, on an archive of the dispute
/// fixtures (Tests/DisputeFixtures: 2014, 2022, 2023, 2024).
@Suite struct DisputesCommandTests {
    /// A new archive file holding the fixtures, and the directory that keeps it.
    static func archive() throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory()
        let db = directory.path("disputes.sqlite")
        let fixtures = Repository.root.appendingPathComponent("Tests/DisputeFixtures")
        let result = try BarkleyBinary.run(["import", "--db", db] + [2014, 2022, 2023, 2024].map { fixtures.appendingPathComponent("\($0).yaml").path })
        #expect(result.status == 0, "\(result)")
        return (directory, db)
    }

    @Test(arguments: ReadingOutputTests.formats.map(\.name))
    func disputesOfTheRace(format: String) throws {
        let (directory, db) = try Self.archive()
        let result = try BarkleyBinary.run(["disputes", "--db", db, "--format", format])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        try Golden.check(result.stdout, matches: "disputes.\(ReadingOutputTests.fileExtension(format))")
        _ = directory
    }

    @Test("disputes 2022 lists 06:54 (preferred) before run247's 07:54")
    func disputesOfOneYear() throws {
        let (directory, db) = try Self.archive()
        let result = try BarkleyBinary.run(["disputes", "2022", "--db", db])
        #expect(result.status == 0, "\(result)")
        try Golden.check(result.stdout, matches: "disputes-2022.txt")
        let lines = result.stdout.split(separator: "\n")
        let preferred = try #require(lines.firstIndex { $0.contains("start_time") && $0.contains("06:54") && $0.contains("yes") })
        let other = try #require(lines.firstIndex { $0.contains("start_time") && $0.contains("07:54") && $0.contains("run247") })
        #expect(preferred < other)
        _ = directory
    }

    @Test("an answer resting on a disputed value says so on its completeness line, and JSON lists it beside is_complete")
    func answersAreMarkedDisputed() throws {
        let (directory, db) = try Self.archive()
        let table = try BarkleyBinary.run(["finishers", "--year", "2014", "--db", db])
        #expect(table.status == 0, "\(table)")
        #expect(table.stdout.contains("57:50:20"))
        #expect(table.stdout.contains("disputed: 2014 Jared Campbell loop 5 elapsed"))
        let json = try BarkleyBinary.run(["finishers", "--year", "2014", "--db", db, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let completeness = object?["completeness"] as? [String: Any]
        #expect(completeness?["disputed"] as? [String] == ["2014 Jared Campbell loop 5 elapsed"])
        let edition = try BarkleyBinary.run(["edition", "2022", "--db", db])
        #expect(edition.stdout.contains("06:54"))
        #expect(edition.stdout.contains("Disputed"))
        _ = directory
    }

    @Test("a value reads in words for people (not entered) and as written in CSV (false)")
    func valuesInWordsAndAsWritten() throws {
        let (directory, db) = try Self.archive()
        let table = try BarkleyBinary.run(["disputes", "2023", "--db", db])
        #expect(table.status == 0, "\(table)")
        #expect(table.stdout.contains("not entered"), "\(table.stdout)")
        #expect(!table.stdout.contains("false"), "\(table.stdout)")
        let csv = try BarkleyBinary.run(["disputes", "2023", "--db", db, "--format", "csv"])
        #expect(csv.stdout.contains(",entered,Greig Hamilton,,false,false,"), "\(csv.stdout)")
        #expect(!csv.stdout.contains("not entered"), "\(csv.stdout)")
        _ = directory
    }

    @Test("a year the archive does not hold is an error, exit 1")
    func unknownYear() throws {
        let (directory, db) = try Self.archive()
        let result = try BarkleyBinary.run(["disputes", "1999", "--db", db])
        #expect(result.status == 1, "\(result)")
        _ = directory
    }
}

extension DisputesCommandTests {
    @Test("edition JSON lists each disputed fact with its preferred value and alternatives; an absent note is null")
    func editionJSONListsDisputes() throws {
        let (directory, db) = try Self.archive()
        let result = try BarkleyBinary.run(["edition", "2024", "--db", db, "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let disputed = try #require(object?["disputed"] as? [[String: Any]])
        #expect(disputed.map { $0["fact"] as? String } == ["2024 starters"])
        #expect(disputed.first?["preferred"] as? String == "40")
        let alternatives = try #require(disputed.first?["alternatives"] as? [[String: Any]])
        #expect(alternatives.map { $0["value"] as? String } == ["38", "34"])
        #expect(alternatives.first?["note"] is NSNull)
        #expect(alternatives.last?["note"] as? String == "counted from a later list")
        _ = directory
    }
}
