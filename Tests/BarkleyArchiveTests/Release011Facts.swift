@testable import BarkleyArchive
import SQLiteLayer

extension Edition {
    /// The edition as an archive of release 0.11 (migrations 0001–0003) could hold it: without
    /// the facts 0004 added (disputed values; citations of loop counts and cutoffs). An archive
    /// built by that schema and upgraded is compared with this.
    var keepingRelease011Facts: Edition {
        var edition = self
        edition.disputed = []
        edition.cutoffSources = [:]
        edition.loopCounts = loopCounts.map { count in
            var count = count
            count.cited = []
            count.disputed = []
            return count
        }
        edition.entrants = entrants.map { entrant in
            var entrant = entrant
            entrant.disputed = []
            entrant.times = entrant.times.map { time in
                var time = time
                time.disputed = []
                return time
            }
            return entrant
        }
        return edition
    }

    /// The edition as release 0.11 could have imported it at all: also without what 0005 added
    /// (a stated DQ or DNS, reasons, unofficial loops, ids, race category and course facts).
    var writableByRelease011: Edition {
        var edition = keepingRelease011Facts
        edition.category = nil
        edition.course = nil
        edition.entrants = edition.entrants.map { entrant in
            var entrant = entrant
            if entrant.statedOutcome == .disqualified || entrant.statedOutcome == .didNotStart { entrant.statedOutcome = nil }
            entrant.reason = nil
            entrant.reasonNote = nil
            entrant.externalIDs = ExternalIDs()
            entrant.times.removeAll { $0.unofficial != nil }
            return entrant
        }
        return edition
    }
}

extension SampleDataFiles {
    /// Every SampleData edition as release 0.11 could have imported it (see
    /// ``Edition/writableByRelease011``): the facts of an archive an upgrade starts from.
    static func release011Editions() throws -> [ParsedEdition] {
        try urls().map { url in
            var parsed = try EditionFileReader.read(contentsOf: url)
            parsed.edition = parsed.edition.writableByRelease011
            return parsed
        }
    }
}

extension Connection {
    /// Copies every row of `table` from the attached database `source` into `main`, column by
    /// column by the names `main`'s table has (a newer schema may have more columns).
    /// `table` comes from the test, never from input; identifiers cannot be bound.
    func copyRows(of table: String, from source: String) throws {
        let columns = try rows("SELECT name FROM pragma_table_info(?)", [table]).map { "\"\(try $0.require("name", as: String.self))\"" }
        let list = columns.joined(separator: ", ")
        try execute("INSERT INTO main.\"\(table)\" (\(list)) SELECT \(list) FROM \(source).\"\(table)\"")
    }
}
