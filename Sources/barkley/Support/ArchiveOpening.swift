import BarkleyArchive
import BarkleyBuiltInArchive
import Foundation
import SQLiteLayer

/// How commands open the archive they were given: every rule about `--db` is here.
///
/// - Reading (`edition`, the overview, `export`, `check`, `backup`): the built-in archive, or the
///   file at `--db` opened read-only. A missing file is exit 66; a file that is not an archive
///   is exit 65. An archive written by an older version is migrated once, then read.
/// - Changing (`import`): the file at `--db` opened read-write, created and migrated on first use.
/// - `sql`: a read-only connection, which refuses any statement that would write (see ``SQLCommand``).
extension ArchiveOptions {
    /// Which archive this is, in words for messages: `built-in archive`, `archive at PATH`.
    var archiveDescription: String {
        path.map { "archive at \($0)" } ?? "built-in archive"
    }

    /// The archive for a command that only reads it.
    ///
    /// - Throws: ``CLIError`` — missing input (66) when `--db` names no file, bad data (65) when
    ///   the file is not a barkley archive.
    func openForReading() throws -> Archive {
        guard let path else { return try BuiltInArchive.open() }
        guard FileManager.default.fileExists(atPath: path) else { throw Self.noArchive(at: path) }
        // One read-only connection both inspects the file and, when it is current, serves the command.
        let connection = try Connection(path: path, mode: .readOnly)
        switch try Self.inspect(connection, path: path) {
        case .empty:
            throw Self.noArchive(at: path)
        case .needsMigrating:
            // The one write a reading command makes: bring an older archive up to date, then read.
            _ = try Archive(path: path)
            return try Archive(connection: Connection(path: path, mode: .readOnly))
        case .current:
            return try Archive(connection: connection)
        }
    }

    /// The archive for a command that changes it: the file at `--db`, created and migrated on first use.
    func openForWriting(command: String) throws -> Archive {
        try requireFile(toRun: command)
        let path = path ?? ""
        if FileManager.default.fileExists(atPath: path) {
            _ = try Self.inspect(Connection(path: path, mode: .readOnly), path: path)
        }
        return try Archive(path: path)
    }

    /// A read-only SQLite connection to the archive, for `sql`; `cleanup` removes any temporary copy.
    ///
    /// The built-in archive lives in memory, so `sql` reads a copy of it written to a temporary
    /// file: a read-only connection is the only kind that refuses every write.
    func openReadOnlyConnection() throws -> (connection: Connection, cleanup: () -> Void) {
        if let path {
            guard FileManager.default.fileExists(atPath: path) else { throw Self.noArchive(at: path) }
            return (try Connection(path: path, mode: .readOnly), {})
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("barkley-sql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let cleanup = { _ = try? FileManager.default.removeItem(at: directory) }
        do {
            let file = directory.appendingPathComponent("built-in.sqlite").path
            try BuiltInArchive.open().backup(to: file)
            return (try Connection(path: file, mode: .readOnly), cleanup)
        } catch {
            cleanup()
            throw error
        }
    }

    // MARK: Checks

    static func noArchive(at path: String) -> CLIError {
        CLIError(.missingInput, "no archive at \(path)", hint: "Create one with `barkley import --db \(path) FILE…`, or leave out --db to use the built-in archive.")
    }

    private enum State { case empty, needsMigrating, current }

    /// What the archive file at `path`, opened read-only as `connection`, holds.
    private static func inspect(_ connection: Connection, path: String) throws -> State {
        let tables: Int = try connection.scalar("SELECT count(*) FROM sqlite_schema") ?? 0
        if tables == 0 { return .empty }
        let bookkept: Int = try connection.scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migration'") ?? 0
        guard bookkept == 1 else {
            throw CLIError(.badData, "\(path) is a SQLite database but not a barkley archive",
                           hint: "Pass --db the path of a barkley archive, or a new path to create one with `barkley import`.")
        }
        return try Migrator(migrations: Archive.migrations).pendingMigrations(in: connection).isEmpty ? .current : .needsMigrating
    }
}
