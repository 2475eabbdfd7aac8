import SQLiteLayer
import Testing

@Suite("Migrations")
struct MigratorTests {
    static let first = Migration(identifier: "0001_editions.sql", sql: """
        CREATE TABLE edition (year INTEGER PRIMARY KEY) STRICT;
        INSERT INTO edition (year) VALUES (1986);
        """)
    static let second = Migration(identifier: "0002_entrants.sql", sql: """
        CREATE TABLE entrant (
            id   INTEGER PRIMARY KEY,
            year INTEGER NOT NULL REFERENCES edition (year),
            name TEXT NOT NULL
        ) STRICT;
        """)
    static let third = Migration(identifier: "0003_laps.sql", sql: """
        ALTER TABLE entrant ADD COLUMN laps INTEGER CHECK (laps >= 0);
        CREATE INDEX entrant_year ON entrant (year);
        """)

    private func bookkeeping(_ db: Connection) throws -> [[String]] {
        try db.rows("SELECT identifier, checksum FROM schema_migration ORDER BY identifier").map {
            [try $0.require("identifier"), try $0.require("checksum")]
        }
    }

    @Test("an empty database gets every migration, in identifier order, each recorded with its checksum")
    func migratesFromEmpty() throws {
        let db = try Connection.inMemory()
        // Given out of order: the migrator sorts by identifier.
        let migrator = Migrator(migrations: [Self.third, Self.first, Self.second])
        let applied = try migrator.migrate(db)
        #expect(applied == ["0001_editions.sql", "0002_entrants.sql", "0003_laps.sql"])
        #expect(try bookkeeping(db) == [
            ["0001_editions.sql", Checksum.fnv1a64(Self.first.sql)],
            ["0002_entrants.sql", Checksum.fnv1a64(Self.second.sql)],
            ["0003_laps.sql", Checksum.fnv1a64(Self.third.sql)],
        ])
        #expect(try migrator.appliedIdentifiers(in: db) == applied)
        for row in try db.rows("SELECT applied_at FROM schema_migration") {
            #expect(try row.require("applied_at", as: String.self).isEmpty == false)
        }
        try db.run("INSERT INTO entrant (year, name, laps) VALUES (?, ?, ?)", [1986, "Ana", 2])
        #expect(try db.integrityProblems().isEmpty)
    }

    @Test("migrating an up-to-date database applies nothing and changes nothing")
    func secondRunIsANoOp() throws {
        let db = try Connection.inMemory()
        let migrator = Migrator(migrations: [Self.first, Self.second, Self.third])
        try migrator.migrate(db)
        let before = try DatabaseSnapshot(db)
        #expect(try migrator.migrate(db) == [])
        #expect(try DatabaseSnapshot(db) == before)
    }

    @Test("a partly migrated database gets only the migrations it lacks")
    func migratesTheRest() throws {
        try withTemporaryDirectory { directory in
            let path = directory.path("archive.sqlite")
            do {
                let db = try Connection(path: path)
                #expect(try Migrator(migrations: [Self.first]).migrate(db) == ["0001_editions.sql"])
                try db.run("INSERT INTO edition (year) VALUES (?)", [1987])
            }
            let db = try Connection(path: path)
            let applied = try Migrator(migrations: [Self.first, Self.second, Self.third]).migrate(db)
            #expect(applied == ["0002_entrants.sql", "0003_laps.sql"])
            // The first script did not run again: its INSERT would have failed on the primary key,
            // and the row added between the runs is still there.
            #expect(try db.rows("SELECT year FROM edition ORDER BY year").map(\.values) == [[.integer(1986)], [.integer(1987)]])
            #expect(try bookkeeping(db).map(\.[0]) == ["0001_editions.sql", "0002_entrants.sql", "0003_laps.sql"])
        }
    }

    @Test("a database holding a migration this code does not know is refused, and nothing changes")
    func unknownMigrationIsRefused() throws {
        let db = try Connection.inMemory()
        try Migrator(migrations: [Self.first, Self.second]).migrate(db)
        let before = try DatabaseSnapshot(db)

        let older = Migrator(migrations: [Self.first, Self.third])
        #expect(throws: MigrationError.unknownMigration("0002_entrants.sql")) { try older.migrate(db) }
        #expect(try DatabaseSnapshot(db) == before, "0003 was not applied")
        #expect(try db.scalar("SELECT count(*) FROM pragma_table_info('entrant') WHERE name = 'laps'", as: Int.self) == 0)
    }

    @Test("an applied migration whose text was edited is refused with both checksums, and nothing changes")
    func changedMigrationIsRefused() throws {
        let db = try Connection.inMemory()
        try Migrator(migrations: [Self.first]).migrate(db)
        let before = try DatabaseSnapshot(db)

        let edited = Migration(identifier: Self.first.identifier, sql: Self.first.sql + "\nINSERT INTO edition (year) VALUES (1987);")
        let expected = MigrationError.changedMigration(
            "0001_editions.sql", applied: Self.first.checksum, current: edited.checksum)
        #expect(Self.first.checksum != edited.checksum)
        #expect(throws: expected) { try Migrator(migrations: [edited, Self.second]).migrate(db) }
        #expect(try DatabaseSnapshot(db) == before, "0002 was not applied either")
    }

    @Test("a migration whose SQL fails halfway is rolled back whole: no table, no bookkeeping row")
    func failingMigrationIsRolledBack() throws {
        try withTemporaryDirectory { directory in
            let db = try Connection(path: directory.path("archive.sqlite"))
            try Migrator(migrations: [Self.first]).migrate(db)
            let before = try DatabaseSnapshot(db)

            let broken = Migration(identifier: "0002_broken.sql", sql: """
                CREATE TABLE course (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;
                INSERT INTO course (name) VALUES ('Frozen Head');
                INSERT INTO edition (year) VALUES (1988);
                INSERT INTO no_such_table VALUES (1);
                """)
            let later = Migration(identifier: "0003_later.sql", sql: "CREATE TABLE later (x);")
            let error = try #require(throws: SQLiteError.self) {
                try Migrator(migrations: [Self.first, broken, later]).migrate(db)
            }
            #expect(error.message.contains("no_such_table"))
            #expect(db.isAutocommit)
            #expect(try DatabaseSnapshot(db) == before)
            #expect(try bookkeeping(db).map(\.[0]) == ["0001_editions.sql"])
            #expect(try db.scalar("SELECT count(*) FROM sqlite_schema WHERE name IN ('course', 'later')", as: Int.self) == 0)
        }
    }

    @Test("a migration that leaves a broken foreign key is rolled back whole")
    func migrationBreakingForeignKeysIsRolledBack() throws {
        let db = try Connection.inMemory()
        try Migrator(migrations: [Self.first, Self.second]).migrate(db)
        let before = try DatabaseSnapshot(db)
        // Deferred foreign keys let the script finish; the check before commit must still catch it.
        let dangling = Migration(identifier: "0003_dangling.sql", sql: """
            PRAGMA defer_foreign_keys = ON;
            INSERT INTO entrant (year, name) VALUES (2099, 'Nobody');
            """)
        let error = try #require(throws: SQLiteError.self) {
            try Migrator(migrations: [Self.first, Self.second, dangling]).migrate(db)
        }
        #expect(error.extendedCode == .constraintForeignKey)
        #expect(try DatabaseSnapshot(db) == before)
    }

    @Test("a migration that asks for foreign keys off rebuilds a parent table without cascading to its children")
    func rebuildWithForeignKeysOff() throws {
        let db = try Connection.inMemory()
        let parentAndChild = Migration(identifier: "0001_tables.sql", sql: """
            CREATE TABLE edition (year INTEGER PRIMARY KEY) STRICT;
            CREATE TABLE entrant (id INTEGER PRIMARY KEY, year INTEGER NOT NULL REFERENCES edition (year) ON DELETE CASCADE) STRICT;
            INSERT INTO edition VALUES (2024); INSERT INTO entrant VALUES (1, 2024);
            """)
        let rebuild = Migration(identifier: "0002_bound_year.sql", sql: Migration.foreignKeysOffDirective + """

            CREATE TABLE new_edition (year INTEGER PRIMARY KEY CHECK (year BETWEEN 1986 AND 2999)) STRICT;
            INSERT INTO new_edition SELECT * FROM edition;
            DROP TABLE edition;
            ALTER TABLE new_edition RENAME TO edition;
            """)
        try Migrator(migrations: [parentAndChild, rebuild]).migrate(db)
        #expect(try db.scalar("SELECT count(*) FROM entrant", as: Int.self) == 1, "the child row survived the rebuild")
        #expect(try db.scalar("PRAGMA foreign_keys", as: Int.self) == 1, "enforcement is back on")
        #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO edition VALUES (1900)") }
        #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO entrant VALUES (2, 1999)") }
    }
}
