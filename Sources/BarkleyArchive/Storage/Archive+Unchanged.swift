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
    /// Whether it was known by its stamp alone, without being opened (else by its checksum).
    var byStamp = false
    /// The file's stamp when it was known by its checksum and had settled (see ``FileStamp``):
    /// logged in place of the old one, so the next import skips it unread.
    var newStamp: FileStamp?

    var fileName: String { url.lastPathComponent }
}

/// What the import log says of the file each stored edition was last imported from: its
/// checksum, and its name and ``FileStamp`` when the import recorded one.
struct LastImports: Sendable {
    typealias Edition = (race: String, year: Int)
    /// Editions by the checksum of the file each was last imported from.
    var checksums: [String: Edition] = [:]
    /// Editions and their checksums by the name and stamp of that file.
    var stamps: [String: (edition: Edition, checksum: String)] = [:]

    /// The key of `stamps`: the file's name (as the log keeps it) and every part of its stamp;
    /// nil for a stamp lacking a part (logged before migration 0009), which never skips a file.
    static func key(fileName: String, stamp: FileStamp) -> String? {
        guard stamp.isComplete, let device = stamp.device, let inode = stamp.inode, let changed = stamp.changed else { return nil }
        return "\(fileName)\u{0}\(stamp.size)\u{0}\(stamp.modified)\u{0}\(device)\u{0}\(inode)\u{0}\(changed)"
    }

    /// The edition a file named `fileName` with `stamp` was last imported as, unchanged since:
    /// only when the stamp is complete and every part of it (name, size, modification time,
    /// device, inode, status-change time) is the one logged. Anything missing means nil, and
    /// the file is read and compared by checksum.
    func edition(fileName: String, stamp: FileStamp?) -> (edition: Edition, checksum: String)? {
        guard let stamp, let key = Self.key(fileName: fileName, stamp: stamp) else { return nil }
        return stamps[key]
    }
}

extension Archive {
    /// For each edition in the archive, the checksum (and the name and stamp, when recorded) of
    /// the file it was last imported from.
    ///
    /// Read inside an import's transaction, before its reader threads start, so they can skip
    /// those files.
    func lastImportChecksums() throws -> LastImports {
        var last = LastImports()
        try connection.prepare("""
            SELECT log.checksum, log.race, log.year, log.file_name, log.file_size, log.file_modified,
                   log.file_device, log.file_inode, log.file_changed FROM import_log AS log
            WHERE log.id = (SELECT max(id) FROM import_log WHERE race = log.race AND year = log.year)
              AND EXISTS (SELECT 1 FROM edition WHERE race = log.race AND year = log.year)
            """).forEachRow { row in
            let checksum: String = try row.require("checksum")
            let edition: LastImports.Edition = (try row.require("race"), try row.require("year"))
            last.checksums[checksum] = edition
            if let size = try row.optional("file_size", as: Int64.self), let modified = try row.optional("file_modified", as: Int64.self) {
                let stamp = FileStamp(size: size, modified: modified, device: try row.optional("file_device", as: Int64.self),
                                      inode: try row.optional("file_inode", as: Int64.self), changed: try row.optional("file_changed", as: Int64.self))
                if let key = LastImports.key(fileName: try row.require("file_name"), stamp: stamp) { last.stamps[key] = (edition, checksum) }
            }
        }
        return last
    }
}

extension Archive {
    /// Logs `file`'s new stamp on its edition's last import, when it was found unchanged by its
    /// checksum (its bytes those of that import) and that import was of a file of the same name.
    ///
    /// After a `git checkout` or a copy every file has new times, so without this every later
    /// import would read and checksum it again. Only the stamp changes: the row still says when
    /// the edition was imported and what changed then. The caller holds the import's transaction.
    func logNewStamp(of file: UnchangedFile) throws {
        guard let stamp = file.newStamp else { return }
        try connection.run("""
            UPDATE import_log SET file_size = ?, file_modified = ?, file_device = ?, file_inode = ?, file_changed = ?
            WHERE id = (SELECT max(id) FROM import_log WHERE race = ? AND year = ?) AND file_name = ? AND checksum = ?
            """, [stamp.size, stamp.modified, stamp.device, stamp.inode, stamp.changed, file.race, file.year, file.fileName, file.checksum])
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
        skippedUnread = file.byStamp
    }
}
