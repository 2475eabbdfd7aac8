import BarkleyArchive
import Foundation
import SQLiteLayer

/// A temporary directory holding an archive file and the input files a test writes.
final class TemporaryArchive {
    let directory: URL
    let archive: Archive

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("barkley-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        archive = try Archive(path: directory.appendingPathComponent("archive.sqlite").path)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Writes `text` to a file of that name in the directory.
    func file(_ name: String, _ text: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Every row of every archive table, in a stable order: equal snapshots mean an unchanged database.
    func snapshot() throws -> [String: [Row]] {
        // A full-text index's own rows are its content table's; its shadow tables (`*_data`,
        // `*_idx`…) are plain tables, compared like the rest.
        let tables = try archive.connection.rows("""
            SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name
            """)
            .map { try $0.require("name", as: String.self) }
        var snapshot: [String: [Row]] = [:]
        for table in tables {
            // Table names come from sqlite_schema, not from input; identifiers cannot be bound.
            snapshot[table] = try archive.connection.rows("SELECT * FROM \"\(table)\" ORDER BY 1, 2")
        }
        return snapshot
    }
}

/// A small valid edition file that tests mutate one rule at a time.
enum Sample {
    static let edition2024 = """
        year: 2024
        start_date: "2024-03-20"
        start_time: "05:17"
        format:
          loops: 5
          time_limit: "60:00:00"
          fun_run_loops: 3
          fun_run_time_limit: "40:00:00"
        starters: 40
        entrant_list: partial
        finishers: 2
        sources:
          irunfar: https://irunfar.com/2024-barkley-marathons-results
        cite: [irunfar]
        entrants:
        - name: Jasmin Paris
          country: "GBR"
          sex: F
          loops_completed: 5
          times:
          - {loop: 5, elapsed: "59:58:21"}
          cite: [irunfar]
        - name: Ihor Verys
          country: "CAN"
          sex: M
          first_attempt: true
          loops_completed: 5
          times:
          - {loop: 3, elapsed: "31:31:47", direction: clockwise}
          - {loop: 4, elapsed: "45:46:32", direction: counterclockwise}
          - {loop: 5, elapsed: "58:44:59", direction: clockwise}
        - name: Guillaume Calmettes
          country: "FRA"
          loops_completed: 3
          times:
          - {loop: 3, elapsed: "39:52:59"}

        """

    /// `edition2024` with one line replaced; the test names the rule that breaks.
    static func edition2024(replacing old: String, with new: String) -> String {
        precondition(edition2024.contains(old), "fixture has no \(old)")
        return edition2024.replacingOccurrences(of: old, with: new)
    }

    /// The 1-based line of the first line containing `text` in `yaml`.
    static func line(of text: String, in yaml: String) -> Int? {
        yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }.map { $0 + 1 }
    }
}
