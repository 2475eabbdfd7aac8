import BarkleyArchive
@testable import BarkleyQueries
import Foundation
import SQLiteLayer
import Testing

/// Every query reaches entries and loop times through an index: `EXPLAIN QUERY PLAN` must show
/// no `SCAN` of `entry` or `loop_time`, not even of a whole index of them. Each query starts from
/// one race's editions (or one runner), so its cost follows that race's history, not the archive's.
@Suite("Query plans")
struct QueryPlanTests {
    /// Tables the plans may name; an alias (`entry e`) would hide a scan from the check, so none is allowed.
    static let tables: Set<String> = ["edition", "entry", "runner", "loop_time", "loop_count", "loop_cutoff", "source",
                                      "edition_source", "entry_source", "loop_time_source", "disputed_value", "edition_course", "course_source"]

    /// The plan's detail lines for `query`.
    static func plan(_ query: NamedQuery, in archive: Archive) throws -> [String] {
        try archive.connection.prepare("EXPLAIN QUERY PLAN " + query.sql).rows(query.sample).map { try $0.require("detail") }
    }

    /// Lines that scan `entry` or `loop_time`, or name a table the check does not know.
    static func problems(in plan: [String]) -> [String] {
        plan.filter { line in
            let words = line.split(separator: " ").map(String.init)
            guard let verb = words.first, verb == "SCAN" || verb == "SEARCH", words.count > 1 else { return false }
            let table = words[1]
            if table.hasPrefix("(") || table.hasPrefix("CONSTANT") { return false }  // a subquery's result, not a table
            return !tables.contains(table) || (verb == "SCAN" && (table == "entry" || table == "loop_time"))
        }
    }

    @Test("the check catches a full scan, of the table or of an index")
    func checkWorks() throws {
        let archive = try Archive.inMemory()
        let tableScan = try Self.plan(NamedQuery("", "SELECT * FROM entry WHERE note = ?1", sample: [.text("x")]), in: archive)
        #expect(!Self.problems(in: tableScan).isEmpty)
        let indexScan = try Self.plan(NamedQuery("", "SELECT runner_id, count(*) FROM entry GROUP BY runner_id", sample: []), in: archive)
        #expect(indexScan.contains { $0.contains("USING") })
        #expect(!Self.problems(in: indexScan).isEmpty)
        let aliased = try Self.plan(NamedQuery("", "SELECT * FROM entry AS e WHERE e.note = ?1", sample: [.text("x")]), in: archive)
        #expect(!Self.problems(in: aliased).isEmpty)
    }

    @Test("every query uses an index for entries and loop times", arguments: SQL.all.map(\.name))
    func usesIndexes(name: String) throws {
        let query = try #require(SQL.all.first { $0.name == name })
        let archive = try realHistory().archive
        let plan = try Self.plan(query, in: archive)
        #expect(Self.problems(in: plan).isEmpty, "\(name):\n\(plan.joined(separator: "\n"))")
    }

    @Test("the plans stay indexed once SQLite has statistics (ANALYZE) on the real data", arguments: SQL.all.map(\.name))
    func usesIndexesAfterAnalyze(name: String) throws {
        let query = try #require(SQL.all.first { $0.name == name })
        let archive = try realHistory().archive
        try archive.connection.execute("ANALYZE")
        let plan = try Self.plan(query, in: archive)
        #expect(Self.problems(in: plan).isEmpty, "\(name):\n\(plan.joined(separator: "\n"))")
    }

    @Test("query names are unique, so each plan failure names one query")
    func uniqueNames() {
        #expect(Set(SQL.all.map(\.name)).count == SQL.all.count)
    }

    @Test("every statement the module runs is a NamedQuery listed in SQL.all, so none escapes the plan check")
    func everyQueryIsChecked() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/BarkleyQueries").standardized
        let files = try FileManager.default.contentsOfDirectory(at: sources, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "swift" }
        #expect(files.count > 10)
        var defined = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            defined += text.matches(of: /NamedQuery\("/).count
            // SQL text is only ever passed as `SQL.name.sql`, never as a literal.
            #expect(text.matches(of: /connection\.(rows|row|scalar|run|execute|prepare)\("/).isEmpty, "\(file.lastPathComponent)")
        }
        #expect(defined == SQL.all.count)
    }
}
