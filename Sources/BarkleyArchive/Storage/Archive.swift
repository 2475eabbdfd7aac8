import Foundation
import SQLiteLayer

/// The Barkley archive: a SQLite database holding every edition, entrant, loop time and source.
///
/// ```swift
/// let archive = try Archive(path: "barkley.sqlite")     // created and migrated on first use
/// try archive.importFiles([URL(fileURLWithPath: "SampleData/2024.yaml")])
/// let edition = try archive.edition(year: 2024)
/// ```
///
/// An archive wraps one `Connection` and, like it, is used from one thread at a time.
public final class Archive {
    public let connection: Connection

    /// The schema migrations shipped inside the library, from `Migrations/*.sql`.
    public static let migrations: [Migration] = EmbeddedMigrations.files.map {
        Migration(identifier: $0.name, sql: $0.contents)
    }

    /// Opens the archive file at `path`, creating and migrating it on first use.
    ///
    /// - Throws: `MigrationError` for a file written by a newer version or with an edited
    ///   migration; `SQLiteError` for a file that is not a database.
    public convenience init(path: String) throws {
        try self.init(connection: Connection(path: path))
    }

    /// Opens the archive file at `path` for reading only; it is never created or changed.
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
    public init(connection: Connection) throws {
        self.connection = connection
        let migrator = Migrator(migrations: Self.migrations)
        if connection.mode == .readOnly {
            if try !migrator.pendingMigrations(in: connection).isEmpty {
                throw SQLiteError(extendedCode: .readOnly, message: "the archive needs migrating; open it once read-write")
            }
        } else {
            try migrator.migrate(connection)
        }
        try refuseForeignCode()
    }

    /// Refuses a file carrying triggers or views that the migrations did not create: a trigger
    /// would run with every import and a view with every read. (`trusted_schema` off already
    /// stops them calling functions with side effects; this stops them running at all.)
    private func refuseForeignCode() throws {
        let found = try connection.rows("SELECT type, name FROM sqlite_schema WHERE type IN ('trigger', 'view') ORDER BY name")
        guard !found.isEmpty else { return }
        let expected = try Self.expectedCodeObjects()
        for row in found {
            let (type, name): (String, String) = (try row.require("type"), try row.require("name"))
            if !expected.contains("\(type) \(name)") {
                throw SQLiteError(extendedCode: .auth, message: "the archive file holds a \(type) '\(name)' that its schema does not define; refusing to use it (a hostile or foreign file?)")
            }
        }
    }

    /// The triggers and views the shipped migrations create, as "type name".
    private static func expectedCodeObjects() throws -> Set<String> {
        let reference = try Connection.inMemory()
        try Migrator(migrations: migrations).migrate(reference)
        return Set(try reference.rows("SELECT type, name FROM sqlite_schema WHERE type IN ('trigger', 'view')").map {
            "\(try $0.require("type", as: String.self)) \(try $0.require("name", as: String.self))"
        })
    }

    /// Copies the archive to a new file, consistently, while others read.
    public func backup(to path: String) throws { try connection.backup(to: path) }
}

@available(*, unavailable)
extension Archive: Sendable {}
