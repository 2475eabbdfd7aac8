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
    /// Read before an import starts, so the reader threads can skip those files; each skip is
    /// confirmed inside the import's transaction (``isLastImport(_:)``).
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

    /// True when `file` is still the last import of its edition, and the edition is stored:
    /// nothing since (another process, or an earlier file of this batch) has replaced it.
    func isLastImport(_ file: UnchangedFile) throws -> Bool {
        let statement = try connection.cachedStatement("""
            SELECT EXISTS (SELECT 1 FROM edition WHERE race = ?1 AND year = ?2)
               AND (SELECT checksum FROM import_log WHERE race = ?1 AND year = ?2 ORDER BY id DESC LIMIT 1) IS ?3 AS last
            """)
        var isLast = false
        try statement.forEachRow([.text(file.race), .integer(Int64(file.year)), .text(file.checksum)]) { row in
            isLast = try row.require("last", as: Int.self) == 1
        }
        return isLast
    }

    /// The report for a file skipped as unchanged, with the stored edition's counts.
    func unchangedReport(_ file: UnchangedFile, dryRun: Bool) throws -> ImportReport {
        let statement = try connection.cachedStatement("""
            SELECT (SELECT count(*) FROM entry WHERE edition_id = edition.id) AS entrants,
                   (SELECT count(*) FROM entry JOIN loop_time ON loop_time.entry_id = entry.id
                    WHERE entry.edition_id = edition.id) AS times
            FROM edition WHERE race = ? AND year = ?
            """)
        var counts = (entrants: 0, times: 0)
        try statement.forEachRow([.text(file.race), .integer(Int64(file.year))]) { row in
            counts = (try row.require("entrants"), try row.require("times"))
        }
        return ImportReport(unchanged: file, entrantCount: counts.entrants, timeCount: counts.times, dryRun: dryRun)
    }
}

extension ImportReport {
    init(unchanged file: UnchangedFile, entrantCount: Int, timeCount: Int, dryRun: Bool) {
        fileName = file.fileName
        race = file.race
        year = file.year
        change = .unchanged
        self.dryRun = dryRun
        self.entrantCount = entrantCount
        self.timeCount = timeCount
    }
}
