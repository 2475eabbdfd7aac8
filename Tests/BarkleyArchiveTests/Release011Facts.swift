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
