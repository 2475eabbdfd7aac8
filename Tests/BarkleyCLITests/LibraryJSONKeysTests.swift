import BarkleyArchive
import BarkleyBuiltInArchive
import BarkleyQueries
import Foundation
import Testing

/// An app that encodes the library's answers with `JSONEncoder` gets the same field names as
/// `barkley --format json` for the same question.
@Suite("Library JSON keys")
struct LibraryJSONKeysTests {
    /// A question asked of both: the CLI's arguments and the library's answer.
    struct Question: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var answer: @Sendable (History) throws -> any Encodable
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let questions: [Question] = [
        Question(arguments: ["edition", "2024"]) { try #require(try $0.archive.edition(year: 2024)) },
        Question(arguments: ["edition", "2012"]) { try #require(try $0.archive.edition(year: 2012)) },
        Question(arguments: ["finishers", "--year", "2024"]) { try $0.finishers(in: 2024) },
        Question(arguments: ["finishers"]) { try $0.allFinishes() },
        Question(arguments: ["fun-runs", "--year", "2024"]) { try $0.funRunCompleters(in: 2024) },
        Question(arguments: ["runner", "Jasmin Paris"]) { try $0.career(of: "Jasmin Paris") },
        Question(arguments: ["search", "paris"]) { try $0.searchRunners("paris") },
        Question(arguments: ["search", "jasmine pariss"]) { try $0.searchRunners("jasmine pariss") },
        Question(arguments: ["records"]) { try $0.records() },
        Question(arguments: ["firsts"]) { try $0.firsts() },
        Question(arguments: ["most", "finishes", "--limit", "3"]) { try $0.mostFinishes(limit: 3) },
        Question(arguments: ["attrition", "2012"]) { try $0.attrition(year: 2012) },
        Question(arguments: ["attrition"]) { try $0.attritionAcrossHistory() },
        Question(arguments: ["countries"]) { try $0.countries() },
        Question(arguments: ["sources", "2024"]) { try $0.sources(forEdition: 2024) },
        Question(arguments: ["sources", "2024", "--runner", "Jasmin Paris"]) { try $0.sources(forEntryOf: "Jasmin Paris", year: 2024) },
    ]

    /// Every key of `json`, as a path (`entrants[].times[].time.seconds`), with whether its value is null.
    static func keyPaths(_ json: Any, prefix: String = "") -> [String: Bool] {
        var paths: [String: Bool] = [:]
        if let object = json as? [String: Any] {
            for (key, value) in object {
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                paths[path] = (paths[path] ?? true) && value is NSNull
                paths.merge(keyPaths(value, prefix: path)) { $0 && $1 }
            }
        } else if let array = json as? [Any] {
            for element in array { paths.merge(keyPaths(element, prefix: prefix + "[]")) { $0 && $1 } }
        }
        return paths
    }

    @Test("JSONEncoder on the library's answer writes the CLI's keys", arguments: questions)
    func sameKeys(question: Question) throws {
        let result = try BarkleyBinary.run(question.arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result)")
        let cli = Self.keyPaths(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)))

        let answer = try question.answer(History(archive: try BuiltInArchive.open()))
        let library = Self.keyPaths(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(answer)))

        #expect(!library.isEmpty)
        // JSONEncoder leaves out a nil a synthesized `encode(to:)` skips; the CLI writes null.
        // Every other key must be the same on both sides.
        let onlyInLibrary = Set(library.keys).subtracting(cli.keys)
        // `finishers` adds each race's totals of the list (`History.finishTotalsByCategory`, asked apart).
        let totals = question.arguments == ["finishers"] ? Set(cli.keys.filter { $0.hasPrefix("totals") }) : []
        #expect(question.arguments != ["finishers"] || totals.contains("totals[].finishes"), "finishers writes totals")
        let onlyInCLI = Set(cli.keys).subtracting(library.keys).subtracting(totals).filter { cli[$0] == false }
        #expect(onlyInLibrary.isEmpty, "keys the CLI does not write: \(onlyInLibrary.sorted())")
        #expect(onlyInCLI.isEmpty, "keys with a value the library does not write: \(onlyInCLI.sorted())")
    }
}
