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

    /// The report for a file skipped as unchanged, with the stored edition's counts.
    func unchangedReport(_ file: UnchangedFile, dryRun: Bool) throws -> ImportReport {
        // An edition's entries are written together, so their ids are usually one run: then its
        // loop times are one range of loop_time's primary key, counted in one pass instead of
        // one look-up per entry (which made this most of the cost of a skipped file).
        let entries = try connection.cachedStatement("""
            SELECT count(*) AS entrants, min(id) AS first, max(id) AS last FROM entry
            WHERE edition_id = (SELECT id FROM edition WHERE race = ? AND year = ?)
            """)
        var range: (entrants: Int, first: Int64?, last: Int64?) = (0, nil, nil)
        try entries.forEachRow([.text(file.race), .integer(Int64(file.year))]) { row in
            range = (try row.require("entrants"), try row.optional("first"), try row.optional("last"))
        }
        var times = 0
        if let first = range.first, let last = range.last {
            let contiguous = last - first + 1 == Int64(range.entrants)
            let count = try connection.cachedStatement(contiguous
                ? "SELECT count(*) AS n FROM loop_time WHERE entry_id BETWEEN ?1 AND ?2"
                : "SELECT count(*) AS n FROM loop_time JOIN entry ON entry.id = loop_time.entry_id WHERE entry.edition_id = (SELECT edition_id FROM entry WHERE id = ?1)")
            try count.forEachRow(contiguous ? [.integer(first), .integer(last)] : [.integer(first)]) { row in times = try row.require("n") }
        }
        return ImportReport(unchanged: file, entrantCount: range.entrants, timeCount: times, dryRun: dryRun)
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
