import Foundation
import SQLiteLayer

/// What makes a SQLite file a barkley archive, checked by reading only, before anything can run.
///
/// A file is an archive when it is empty (a new archive) or when its tables and triggers are
/// exactly those that the migrations it records as applied create, and it has every view and
/// index they create. A file that merely has a `schema_migration` table, or one carrying a
/// trigger or table of someone else's, is refused before a migration could write to it or fire
/// its trigger. Views and indexes of one's own are kept: they change no data and run no code
/// when the archive is written (a view runs only when someone reads it, and barkley's
/// connections keep `trusted_schema` off, so it cannot call a function with side effects).
enum ArchiveSchema {
    /// The kinds of schema object compared; SQLite's own (`sqlite_%`) are left out.
    private static let comparedTypes: Set<String> = ["table", "trigger", "view", "index"]
    /// The kinds an archive's owner may add (see `verify(_:)`).
    static let keptTypes: Set<String> = ["view", "index"]

    /// Refuses the database of `connection` unless it is empty or a barkley archive.
    ///
    /// - Returns: the views and indexes the archive's owner added, in the order they were made
    ///   (to keep them across an upgrade: `KeptSchemaObject`).
    /// - Throws: `SQLiteError` `notADatabase` for a database that is not an
    ///   archive, `auth` for an archive carrying a trigger or table its schema does not
    ///   define; `MigrationError` for an archive written by a newer version or
    ///   with an edited migration.
    @discardableResult
    static func verify(_ connection: Connection) throws -> [KeptSchemaObject] {
        let found = try objects(in: connection)
        guard !found.isEmpty else { return [] }
        let name = connection.path.map { "\($0)" } ?? "the database"
        guard found.contains(SchemaObject(type: "table", name: "schema_migration")) else {
            throw SQLiteError(extendedCode: .notADatabase,
                              message: "\(name) is a SQLite database but not a barkley archive (it has no schema_migration table)")
        }
        let migrator = Migrator(migrations: Archive.migrations)
        let pending = Set(try migrator.pendingMigrations(in: connection).map(\.identifier))
        let applied = Archive.migrations.filter { !pending.contains($0.identifier) }
        let expected = try expectedObjects(applied: applied)
        let added = found.subtracting(expected)
        if let foreign = added.filter({ !keptTypes.contains($0.type) }).sorted().first {
            throw SQLiteError(extendedCode: .auth,
                              message: "\(name) holds a \(foreign.type) '\(foreign.name)' that the barkley schema does not define; refusing to use it (a foreign or hostile file?)")
        }
        // A missing index loses no data and runs no code: `check` reports it, reading goes on.
        if let missing = expected.subtracting(found).filter({ $0.type != "index" }).sorted().first {
            throw SQLiteError(extendedCode: .notADatabase,
                              message: "\(name) is not a whole barkley archive: its schema lacks the \(missing.type) '\(missing.name)'")
        }
        let addedNames = Set(added.map(\.name))
        return try connection.rows("SELECT type, name, sql FROM sqlite_schema WHERE type IN ('view', 'index') AND sql IS NOT NULL ORDER BY rowid")
            .compactMap { row in
                let name: String = try row.require("name")
                guard addedNames.contains(name) else { return nil }
                return KeptSchemaObject(type: try row.require("type"), name: name, sql: try row.require("sql"))
            }
    }

    /// Every schema object that differs from what the applied migrations create, in words:
    /// missing, foreign, or defined otherwise (its SQL text differs). Indexes are compared too;
    /// a view or index the archive's owner added is no difference (it is theirs to keep).
    static func differences(in connection: Connection) throws -> [String] {
        let pending = Set(try Migrator(migrations: Archive.migrations).pendingMigrations(in: connection).map(\.identifier))
        let reference = try Connection.inMemory()
        try Migrator(migrations: Archive.migrations.filter { !pending.contains($0.identifier) }).migrate(reference)
        let sql = "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name"
        func definitions(_ db: Connection) throws -> [SchemaObject: String] {
            Dictionary(uniqueKeysWithValues: try db.rows(sql).map {
                (SchemaObject(type: try $0.require("type"), name: try $0.require("name")), try $0.optional("sql", as: String.self) ?? "")
            })
        }
        let found = try definitions(connection), expected = try definitions(reference)
        var problems: [String] = []
        for object in Set(found.keys).union(expected.keys).sorted() {
            switch (found[object], expected[object]) {
            case (nil, _?): problems.append("the \(object.type) '\(object.name)' of the barkley schema is missing")
            case (_?, nil) where keptTypes.contains(object.type): break
            case (_?, nil): problems.append("the \(object.type) '\(object.name)' is not part of the barkley schema")
            case let (have?, want?) where have != want:
                problems.append("the \(object.type) '\(object.name)' differs from its definition in the migrations (hand-edited?)")
            default: break
            }
        }
        return problems
    }

    /// One table, trigger, view or index, by kind and name.
    struct SchemaObject: Hashable, Comparable {
        var type: String
        var name: String
        static func < (lhs: Self, rhs: Self) -> Bool { (lhs.type, lhs.name) < (rhs.type, rhs.name) }
    }

    private static func objects(in connection: Connection) throws -> Set<SchemaObject> {
        let rows = try connection.rows("SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
        return Set(try rows.map { SchemaObject(type: try $0.require("type"), name: try $0.require("name")) }
            .filter { comparedTypes.contains($0.type) })
    }

    /// The objects that `applied` create, from a scratch in-memory database; the full set is built once.
    private static func expectedObjects(applied: [Migration]) throws -> Set<SchemaObject> {
        if applied == Archive.migrations, let all = try allMigrationsObjects.get() { return all }
        let reference = try Connection.inMemory()
        try Migrator(migrations: applied).migrate(reference)
        return try objects(in: reference)
    }

    private static let allMigrationsObjects: Result<Set<SchemaObject>?, any Error> = Result {
        let reference = try Connection.inMemory()
        try Migrator(migrations: Archive.migrations).migrate(reference)
        return try objects(in: reference)
    }
}

/// An archive whose schema is older than this version's: reading never changes a file, so it
/// must be upgraded by an explicit write first.
public struct ArchiveUpgradeNeeded: Error, Equatable, Sendable, CustomStringConvertible {
    /// The archive file.
    public let path: String
    /// The migrations it lacks, in order.
    public let pending: [String]

    public var description: String {
        "\(path) was written by an older version of barkley and needs upgrading (\(pending.joined(separator: ", ")))"
    }
}
