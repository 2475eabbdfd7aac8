import BarkleyArchive
import SQLiteLayer

/// Every edition file of `SampleData/` imported into a fresh temporary archive: the fixture of
/// the suites that check the real history against its sources.
struct SampleDataArchive {
    private let fixture: TemporaryArchive
    var archive: Archive { fixture.archive }

    /// - Throws: what the import throws when a SampleData file is unsound.
    init() throws {
        fixture = try TemporaryArchive()
        try fixture.archive.importFiles(try SampleDataFiles.urls())
    }

    /// `loop:started/completed` for each stored loop count of `year`, "-" for an unknown value.
    func storedCounts(_ year: Int) throws -> [String] {
        try archive.connection.rows("""
            SELECT loop, started, completed FROM loop_count JOIN edition ON edition.id = edition_id
            WHERE year = ? ORDER BY loop
            """, [year]).map { row in
            let started: Int? = try row.optional("started")
            let completed: Int? = try row.optional("completed")
            return "\(try row.require("loop", as: Int.self)):\(started.map(String.init) ?? "-")/\(completed.map(String.init) ?? "-")"
        }
    }
}
