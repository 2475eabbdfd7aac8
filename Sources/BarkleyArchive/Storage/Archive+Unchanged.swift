import Foundation
import SQLiteLayer

/// A file whose bytes are exactly those the stored edition was last imported from: importing it
/// again can change nothing, so it is reported unchanged without being parsed.
///
/// The import log keeps each import's checksum (FNV-1a 64 of the file's bytes); a file whose
/// checksum is the last logged for an edition still in the archive is that edition, unless
/// something other than an import wrote to the archive (which `barkley sql` cannot: it only
/// reads). Rules added since the edition was imported are not applied to it again here;
/// `barkley check` applies them to every stored edition.
struct UnchangedFile: Sendable {
    var url: URL
    var checksum: String
    var race: String
    var year: Int

    var fileName: String { url.lastPathComponent }
}

extension Archive {
    /// For each edition in the archive, the checksum of the file it was last imported from.
    ///
    /// Read inside an import's transaction, before its reader threads start, so they can skip
    /// those files.
    func lastImportChecksums() throws -> [String: (race: String, year: Int)] {
        var checksums: [String: (race: String, year: Int)] = [:]
        try connection.prepare("""
            SELECT log.checksum, log.race, log.year FROM import_log AS log
            WHERE log.id = (SELECT max(id) FROM import_log WHERE race = log.race AND year = log.year)
              AND EXISTS (SELECT 1 FROM edition WHERE race = log.race AND year = log.year)
            """).forEachRow { row in
            checksums[try row.require("checksum")] = (try row.require("race"), try row.require("year"))
        }
        return checksums
    }
}

extension ImportReport {
    /// The report for a file skipped as unchanged: not read, so without counts. (Counting the
    /// stored edition's entrants and loop times instead cost more than reading the file.)
    init(unchanged file: UnchangedFile, dryRun: Bool) {
        fileName = file.fileName
        race = file.race
        year = file.year
        change = .unchanged
        self.dryRun = dryRun
    }
}
