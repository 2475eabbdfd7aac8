import Foundation
import Testing

/// Source keys and URLs are never broken across lines in the table format: a key stays whole,
/// a URL too wide for its column is shortened with `…` (and the table says so), never cut in two.
@Suite struct WholeKeysTests {
    static let widths = ["80", "60", "40"]

    /// Every key and citation of `arguments`' JSON, and its table at each width.
    private static func check(_ arguments: [String], keys: [String], citations: [String]) throws {
        #expect(!keys.isEmpty && !citations.isEmpty)
        for width in widths {
            let table = try BarkleyBinary.run(arguments, environment: ["COLUMNS": width])
            #expect(table.status == 0, "\(table)")
            let tokens = Set(table.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",;")) })
            for key in keys {
                #expect(tokens.contains(key), "key \(key) is not whole at \(width) columns:\n\(table.stdout)")
            }
            let whole = Set(citations.flatMap { $0.split(separator: " ").map(String.init) })
            for token in tokens where token.hasPrefix("http") {
                #expect(whole.contains(token) || token.contains("…"), "a URL broken at \(width) columns: \(token)")
            }
            if tokens.contains(where: { $0.hasPrefix("http") && $0.contains("…") }) {
                let prose = table.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                #expect(prose.contains("--format csv, json or markdown give it whole"), "the table says a link was shortened")
            }
            for line in table.stdout.split(separator: "\n") {
                #expect(line.count <= Int(width)!, "wider than \(width): \(line)")
            }
        }
    }

    @Test func disputesKeepKeysAndURLsWhole() throws {
        let (directory, db) = try DisputesCommandTests.archive()
        let json = try BarkleyBinary.run(["disputes", "--db", db, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let sources = (object["disputes"] as? [[String: Any]] ?? []).flatMap { ($0["values"] as? [[String: Any]] ?? []).flatMap { $0["sources"] as? [[String: Any]] ?? [] } }
        try Self.check(["disputes", "--db", db], keys: sources.compactMap { $0["key"] as? String }, citations: sources.compactMap { $0["citation"] as? String })
        _ = directory
    }

    @Test func sourcesKeepKeysAndURLsWhole() throws {
        let csv = try BarkleyBinary.run(["sources", "2024", "--format", "csv"])
        let rows = csv.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", maxSplits: 1).map(String.init) }
        try Self.check(["sources", "2024"], keys: rows.map { $0[0] }, citations: rows.compactMap { $0.count > 1 ? $0[1] : nil })
    }
}
