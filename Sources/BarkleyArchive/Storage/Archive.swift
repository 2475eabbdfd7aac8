import Foundation
import SQLiteLayer

/// The Barkley archive: a SQLite database holding every edition, entrant, loop time and source.
///
/// ```swift
/// let archive = try Archive(path: "barkley.sqlite")     // created and migrated if not there
/// try archive.importFiles([URL(fileURLWithPath: "SampleData/2024.yaml")])
/// let edition = try archive.edition(year: 2024)
/// ```
///
/// To read an existing archive, open it with ``openReadOnly(path:)``: a mistyped path is then
/// an error, not a new empty archive.
///
/// An archive wraps one `Connection` and, like it, is used from one thread at a time.
public final class Archive {
    public let connection: Connection

    /// The schema migrations shipped inside the library, from `Migrations/*.sql`.
    public static let migrations: [Migration] = EmbeddedMigrations.files.map {
        Migration(identifier: $0.name, sql: $0.contents)
    }

    /// Opens the archive file at `path` for importing, creating and migrating it on first use.
    ///
    /// A path where no file is, a mistyped one included, gets a new, empty archive: to read
    /// an archive that must exist, use ``openReadOnly(path:)``, which refuses such a path.
    ///
    /// - Throws: `MigrationError` for a file written by a newer version or with an edited
    ///   migration; `SQLiteError` for a file that is not a database.
    public convenience init(path: String) throws {
        try self.init(connection: Connection(path: path))
    }

    /// Opens the archive file at `path` for reading only; it is never created or changed.
    ///
    /// The door for reading an archive someone imported: `Archive.openReadOnly(path:)` then
    /// `History(archive:)` (BarkleyQueries), or an `ArchiveReader` to read from many tasks.
    ///
    /// - Throws: `SQLiteError` (`cantOpen`) when no file is at `path`, or it is not a database;
    ///   ``ArchiveUpgradeNeeded`` for an archive an older version wrote.
    public static func openReadOnly(path: String) throws -> Archive {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SQLiteError(extendedCode: .cantOpen, message: "no archive at \(path)")
        }
        return try Archive(connection: Connection(path: path, mode: .readOnly))
    }

    /// A new, empty archive in memory.
    public static func inMemory() throws -> Archive {
        try Archive(connection: Connection.inMemory())
    }

    /// Wraps a connection, bringing its schema up to date (or, read-only, checking it is current).
    ///
    /// The file is proved to be an archive first, by reading only (see `ArchiveSchema`): a
    /// migration never writes to, and no trigger of, a file that is not one.
    ///
    /// - Throws: ``ArchiveUpgradeNeeded`` for a read-only connection to an older archive;
    ///   `SQLiteError` (`notADatabase`, `auth`) for a file that is not an archive
    ///   or carries objects of its own; `MigrationError` for a newer or edited one.
    public init(connection: Connection) throws {
        self.connection = connection
        let kept = try ArchiveSchema.verify(connection)
        let migrator = Migrator(migrations: Self.migrations)
        if connection.mode == .readOnly {
            let pending = try migrator.pendingMigrations(in: connection)
            if !pending.isEmpty {
                throw ArchiveUpgradeNeeded(path: connection.path ?? "the archive", pending: pending.map(\.identifier))
            }
        } else {
            try migrator.migrate(connection, keeping: kept)
        }
    }

    /// Copies the archive to a new file, consistently, while others read: the copy is written
    /// aside and moved into place complete, and an existing file is never replaced.
    ///
    /// - Throws: `DatabaseFileExistsError` when `path` exists; `SQLiteError`
    ///   when the copy cannot be written.
    public func backup(to path: String) throws { try connection.backup(toNewFile: path) }
}

@available(*, unavailable)
extension Archive: Sendable {}
