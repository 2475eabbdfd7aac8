import Foundation

/// One schema change: an SQL script and the name it is recorded under.
public struct Migration: Sendable, Hashable {
    /// The file name, e.g. `0001_initial.sql`; migrations apply in this order.
    public let identifier: String
    public let sql: String

    public init(identifier: String, sql: String) {
        self.identifier = identifier
        self.sql = sql
    }

    public var checksum: String { Checksum.fnv1a64(sql) }

    /// The first line that makes a migration run with foreign-key enforcement off, as SQLite's
    /// procedure for rebuilding a table requires (https://sqlite.org/lang_altertable.html#otheralter):
    /// dropping a parent table would otherwise cascade its `ON DELETE` actions to every child row.
    /// `PRAGMA foreign_key_check` still runs before the migration commits.
    public static let foreignKeysOffDirective = "-- migrator: foreign_keys off"

    /// True when the migration asks for foreign keys off (see ``foreignKeysOffDirective``).
    public var needsForeignKeysOff: Bool { sql.hasPrefix(Self.foreignKeysOffDirective) }
}

/// Why a database's schema cannot be brought up to date.
public enum MigrationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database holds a migration this code does not know: it was written by a newer version.
    case unknownMigration(String)
    /// A migration already applied has different text now; applied migrations are never edited.
    case changedMigration(String, applied: String, current: String)

    public var description: String {
        switch self {
        case .unknownMigration(let id):
            "the database has migration \(id), which this version does not know: it was written by a newer version; use that version, or a backup from before"
        case .changedMigration(let id, let applied, let current):
            "migration \(id) was applied with checksum \(applied) but the shipped file now has \(current); an applied migration must never be edited — add a new one instead"
        }
    }
}

/// Applies ordered SQL migrations, all pending ones and their bookkeeping rows in one transaction.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(migrations: [Migration]) {
        self.migrations = migrations.sorted { $0.identifier < $1.identifier }
    }

    /// Identifiers of the migrations recorded in `db`, in order.
    public func appliedIdentifiers(in db: Connection) throws -> [String] {
        try ensureBookkeeping(db)
        return try db.rows("SELECT identifier FROM schema_migration ORDER BY identifier").map { try $0.require("identifier") }
    }

    /// The migrations `db` still needs, in order, found without changing anything.
    ///
    /// - Throws: ``MigrationError`` for a database that holds a migration this code does not
    ///   know (a newer version wrote it) or one whose text has changed since it was applied.
    public func pendingMigrations(in db: Connection) throws -> [Migration] {
        try ensureBookkeeping(db)
        let applied = try db.rows("SELECT identifier, checksum FROM schema_migration ORDER BY identifier")
        let known = Dictionary(migrations.map { ($0.identifier, $0) }, uniquingKeysWith: { first, _ in first })
        var appliedIDs = Set<String>()
        for row in applied {
            let id: String = try row.require("identifier")
            let checksum: String = try row.require("checksum")
            guard let migration = known[id] else { throw MigrationError.unknownMigration(id) }
            guard migration.checksum == checksum else {
                throw MigrationError.changedMigration(id, applied: checksum, current: migration.checksum)
            }
            appliedIDs.insert(id)
        }
        return migrations.filter { !appliedIDs.contains($0.identifier) }
    }

    /// Brings `db` up to date; returns the identifiers it applied.
    ///
    /// Every pending migration runs in ONE transaction, with its bookkeeping row: an upgrade
    /// across several migrations is applied whole or not at all, so a later migration that
    /// fails (a stored row beyond a new bound) leaves the file exactly as it was, not half
    /// upgraded.
    ///
    /// - Throws: ``MigrationError`` for a newer or edited database, before changing anything;
    ///   ``SQLiteError`` when a script fails (every pending migration is rolled back).
    /// - Parameters:
    ///   - db: the database to bring up to date.
    ///   - keeping: views and indexes of the database's own, set aside before the migrations
    ///     and created again after them (see ``KeptSchemaObject``).
    @discardableResult
    public func migrate(_ db: Connection, keeping: [KeptSchemaObject] = []) throws -> [String] {
        let pending = try pendingMigrations(in: db)
        guard !pending.isEmpty else { return [] }
        // A pragma that cannot change inside a transaction: set before BEGIN, restored after
        // (SQLite's documented way to rebuild a table: https://sqlite.org/lang_altertable.html).
        let foreignKeysOff = pending.contains(where: \.needsForeignKeysOff)
        if foreignKeysOff { try db.execute("PRAGMA foreign_keys = OFF") }
        defer { if foreignKeysOff { try? db.execute("PRAGMA foreign_keys = ON") } }
        return try db.transaction { () -> [String] in
            var newlyApplied: [String] = []
            try setAside(keeping, in: db)
            for migration in pending {
                // Another connection may have applied it since `pending` was read (two processes
                // creating the same archive): under the write lock, look again.
                let recorded: Int? = try db.scalar("SELECT count(*) FROM schema_migration WHERE identifier = ?", [migration.identifier])
                guard recorded == 0 else { continue }
                try db.execute(migration.sql)
                try db.run("INSERT INTO schema_migration (identifier, checksum, applied_at) VALUES (?, ?, ?)",
                           [migration.identifier, migration.checksum, ISO8601DateFormatter().string(from: Date())])
                let problems = try db.rows("PRAGMA foreign_key_check")
                guard problems.isEmpty else {
                    throw SQLiteError(extendedCode: .constraintForeignKey,
                                      message: "migration \(migration.identifier) leaves \(problems.count) broken foreign keys")
                }
                newlyApplied.append(migration.identifier)
            }
            try restore(keeping, in: db)
            return newlyApplied
        }
    }

    private func ensureBookkeeping(_ db: Connection) throws {
        guard db.mode == .readWrite else { return }
        try db.execute("""
            CREATE TABLE IF NOT EXISTS schema_migration (
                identifier TEXT PRIMARY KEY,
                checksum   TEXT NOT NULL,
                applied_at TEXT NOT NULL
            ) STRICT
            """)
    }
}
