import BarkleyArchive
import BarkleyBuiltInArchive
import Foundation
import SQLiteLayer

/// How commands open the archive they were given: every rule about `--db` is here.
///
/// - Reading (`edition`, the overview, `export`, `check`, `backup`, `sql`): the built-in archive,
///   or the file at `--db` opened read-only. Reading never writes: nothing is created, migrated
///   or switched to another journal mode. A missing file, a directory, a FIFO or a device is
///   exit 66; a file that is not an archive, or an older one that needs `barkley upgrade`, 65.
/// - Changing (`import`, `upgrade`): the file at `--db` opened read-write, after it is proved to
///   be an archive. A new archive is built aside and moved into place complete (see
///   ``createArchive(dryRun:_:)``).
extension ArchiveOptions {
    /// Which archive this is, in words for messages: `built-in archive`, `archive at PATH`.
    var archiveDescription: String {
        path.map { "archive at \($0)" } ?? "built-in archive"
    }

    /// The archive for a command that only reads it.
    ///
    /// - Throws: ``CLIError`` — missing input (66) when `--db` names no file or not a regular
    ///   file, bad data (65) when the file is not a barkley archive or needs upgrading.
    func openForReading() throws -> Archive {
        guard let path else { return try BuiltInArchive.open() }
        let connection = try openReadOnlyFile(path)
        do {
            return try Archive(connection: connection)
        } catch let error as ArchiveUpgradeNeeded {
            throw Self.upgradeNeeded(error)
        }
    }

    /// The migrations the archive file at `--db` lacks, found by reading only (none for the built-in archive).
    ///
    /// - Throws: ``CLIError`` as ``openForReading()`` does, except for an archive that needs upgrading.
    func pendingUpgrade() throws -> [String] {
        guard let path else { return [] }
        do {
            _ = try Archive(connection: openReadOnlyFile(path))
            return []
        } catch let error as ArchiveUpgradeNeeded {
            return error.pending
        }
    }

    /// The problems `check` can report in an archive file that needs upgrading (see
    /// `Archive.problemsBeforeUpgrade(of:)`), read without changing it.
    func problemsBeforeUpgrade() throws -> (problems: [String], upgradedCopy: Archive?) {
        guard let path else { return ([], nil) }
        return try Archive.problemsBeforeUpgrade(of: openReadOnlyFile(path))
    }

    /// The archive for a command that changes it, when the file at `--db` exists; nil when it does not.
    func openExistingForWriting(command: String) throws -> Archive? {
        try requireFile(toRun: command)
        let path = path ?? ""
        if PathKind(of: path) == .missing { return nil }
        if let refusal = PathKind.refusal(for: path, role: "an archive file", mayBeMissing: false) { throw refusal }
        return try Archive(path: path)
    }

    /// Builds a new archive for `--db` aside, runs `body` on it, then moves it into place — or,
    /// for a dry run, discards it. Nothing is ever removed under the `--db` name.
    ///
    /// - Throws: ``SQLiteLayer/DatabaseFileExistsError`` when another process created the file
    ///   meanwhile (the caller then uses that one); whatever `body` throws.
    func createArchive<T>(dryRun: Bool, _ body: (Archive) throws -> T) throws -> T {
        try NewDatabaseFile.create(at: path ?? "", publish: !dryRun) { connection in
            try body(Archive(connection: connection))
        }
    }

    /// A read-only SQLite connection to the archive, for `sql`.
    ///
    /// The built-in archive lives in memory, so `sql` reads a copy of it written to a temporary
    /// file: a read-only connection is the only kind that refuses every write. The copy is
    /// unlinked as soon as it is open (the open connection keeps reading it), so a `sql` that is
    /// killed mid-query leaves no temporary file behind.
    func openReadOnlyConnection() throws -> Connection {
        if let path {
            // Proved an archive (and current) like any reading command's file, then used bare.
            do {
                return try Archive(connection: openReadOnlyFile(path)).connection
            } catch let error as ArchiveUpgradeNeeded {
                throw Self.upgradeNeeded(error)
            }
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("barkley-sql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { _ = try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("built-in.sqlite").path
        try BuiltInArchive.open().backup(to: file)
        return try Connection(path: file, mode: .readOnly)
    }

    // MARK: Checks

    /// A read-only connection to the file at `path`, refused when it is not a regular file or is empty.
    private func openReadOnlyFile(_ path: String) throws -> Connection {
        switch PathKind(of: path) {
        case .missing: throw Self.noArchive(at: path)
        default: if let refusal = PathKind.refusal(for: path, role: "an archive file", mayBeMissing: false) { throw refusal }
        }
        let connection = try Connection(path: path, mode: .readOnly)
        let objects: Int = try connection.scalar("SELECT count(*) FROM sqlite_schema") ?? 0
        if objects == 0 { throw Self.noArchive(at: path) }
        return connection
    }

    static func noArchive(at path: String) -> CLIError {
        CLIError(.missingInput, "no archive at \(path)", hint: "Create one with `barkley import --db \(path) FILE…`, or leave out --db to use the built-in archive.")
    }

    static func upgradeNeeded(_ error: ArchiveUpgradeNeeded) -> CLIError {
        CLIError(.badData, "the archive at \(error.path) was written by an older version of barkley; reading commands never change a file",
                 hint: "Run `barkley import` (or `barkley upgrade --db \(error.path)`) to upgrade it.")
    }
}
