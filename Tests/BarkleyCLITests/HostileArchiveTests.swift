import BarkleyArchive
import Foundation
import SQLiteLayer
import Testing

/// Archive files in hostile or broken states, and paths that are not plain files: reading never
/// writes, nothing crashes, every refusal has its exit code.
@Suite("Hostile archive files and paths", .serialized)
struct HostileArchiveTests {
    /// Every reading command, as arguments after `--db PATH` (export and backup write elsewhere).
    static func readingCommands(scratch: TemporaryDirectory) -> [[String]] {
        [[], ["edition", "2024"], ["finishers"], ["runner", "Jasmin Paris"], ["records"], ["attrition"],
         ["sql", "SELECT count(*) FROM sqlite_schema"], ["check"],
         ["export", scratch.path("export-\(UUID().uuidString)")], ["backup", scratch.path("copy-\(UUID().uuidString).sqlite")]]
    }

    /// A file that is not an archive but looks half like one: an empty `schema_migration`, a table
    /// of someone else's and a trigger that would run when a migration is recorded.
    static func makeTriggerFile(at path: String) throws {
        let db = try Connection(path: path)
        try db.execute("""
            CREATE TABLE schema_migration (identifier TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT;
            CREATE TABLE audit (what TEXT);
            CREATE TRIGGER record_migrations AFTER INSERT ON schema_migration BEGIN INSERT INTO audit VALUES ('fired by ' || NEW.identifier); END;
            """)
    }

    /// Someone's own database with a `schema_migration` table beside their data.
    static func makeLookalikeFile(at path: String) throws {
        let db = try Connection(path: path)
        try db.execute("""
            CREATE TABLE schema_migration (identifier TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT;
            CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('pancakes');
            """)
    }

    @Test("reading commands and import never write to a file that only looks like an archive, and no trigger fires", arguments: ["trigger", "lookalike"])
    func lookalikeFilesAreNeverWritten(kind: String) throws {
        let directory = try TemporaryDirectory(), scratch = try TemporaryDirectory()
        let path = directory.path("theirs.sqlite")
        try kind == "trigger" ? Self.makeTriggerFile(at: path) : Self.makeLookalikeFile(at: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let listing = try directoryListing(directory.url)
        for command in Self.readingCommands(scratch: scratch) + [["import", Repository.sample("2024.yaml")], ["upgrade"]] {
            let result = try BarkleyBinary.run(command + ["--db", path])
            #expect(result.status == 65, "\(command): \(result)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes, "\(command) changed the file")
            #expect(try directoryListing(directory.url) == listing, "\(command) left a file beside it")
        }
        #expect(try directoryListing(scratch.url) == [], "no export or backup was written")
    }

    @Test("an archive that needs a migration is not migrated by reading; upgrade migrates it, then it reads")
    func olderArchiveIsUpgradedOnlyOnRequest() throws {
        let directory = try TemporaryDirectory(), scratch = try TemporaryDirectory()
        let path = directory.path("older.sqlite")
        // An archive with no migration applied yet: only its bookkeeping table, as the migrator makes it.
        try Migrator(migrations: []).migrate(try Connection(path: path))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for command in Self.readingCommands(scratch: scratch) {
            let result = try BarkleyBinary.run(command + ["--db", path])
            #expect(result.status == 65, "\(command): \(result)")
            #expect(result.stderr.contains("barkley upgrade"), "\(command): \(result.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        }
        let upgrade = try BarkleyBinary.run(["upgrade", "--db", path])
        #expect(upgrade.status == 0, "\(upgrade)")
        #expect(upgrade.stdout.contains(try #require(Archive.migrations.first).identifier))
        #expect(try BarkleyBinary.run(["sql", "--db", path, "SELECT count(*) FROM edition"]).status == 0)
        #expect(try BarkleyBinary.run(["upgrade", "--db", path]).stdout.contains("up to date"))
        #expect(try directoryListing(directory.url) == ["older.sqlite"])
    }

    @Test("an older archive holding a value beyond the bounds is not upgraded: 65, left as it was")
    func upgradeRefusesValueBeyondBounds() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("older.sqlite")
        do {
            let db = try Connection(path: path)
            try Migrator(migrations: Array(Archive.migrations.prefix(1))).migrate(db)
            try db.execute("INSERT INTO edition (race, year, finish_loops, entrant_list) VALUES ('Barkley Marathons', 2024, 4611686018427387904, 'unknown')")
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for command in [["upgrade"], ["import", Repository.sample("2025.yaml")]] {
            let result = try BarkleyBinary.run(command + ["--db", path])
            #expect(result.status == 65, "\(command): \(result)")
            #expect(result.stderr.contains("nothing was changed"), "\(result.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        }
        #expect(try directoryListing(directory.url) == ["older.sqlite"])
    }

    @Test("check on an older archive reports what breaks its own rules, what the upgrade would refuse, and derived lies; the file is not changed")
    func checkBeforeUpgrade() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("older.sqlite")
        do {
            let db = try Connection(path: path)
            try Migrator(migrations: Array(Archive.migrations.prefix(1))).migrate(db)
            // A finish of 0:16:40 with no loop times: every CHECK of the older schema allows it.
            try db.execute("""
                INSERT INTO edition (id, race, year, finish_loops, entrant_list) VALUES (1, 'Barkley Marathons', 2024, 5, 'partial');
                INSERT INTO runner (id, name, search_key) VALUES (1, 'Harvey Lewis', 'harvey lewis');
                INSERT INTO entry (edition_id, runner_id, position, name, outcome, finish_seconds) VALUES (1, 1, 0, 'Harvey Lewis', 'finish', 1000);
                """)
        }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        var result = try BarkleyBinary.run(["check", "--db", path])
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("derived: 2024 Barkley Marathons: Harvey Lewis is stored as 'finish' in 0:16:40"), "\(result.stderr)")
        #expect(result.stderr.contains("needs upgrading"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)

        // A row written with CHECKs off, and a value beyond the new bounds.
        do {
            let db = try Connection(path: path)
            try db.execute("""
                PRAGMA ignore_check_constraints = ON;
                UPDATE entry SET sex = 'X';
                UPDATE edition SET finish_loops = 4611686018427387904;
                """)
        }
        bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        result = try BarkleyBinary.run(["check", "--db", path])
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("integrity: CHECK constraint failed in entry"), "\(result.stderr)")
        #expect(result.stderr.contains("upgrade: the pending migrations refuse a stored row"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(try directoryListing(directory.url) == ["older.sqlite"])
    }

    @Test("paths that are not plain files are refused with 66 or 64; file: names a file, not a URI")
    func pathsArePaths() throws {
        let directory = try TemporaryDirectory()
        let fifo = directory.path("pipe")
        #expect(mkfifo(fifo, 0o644) == 0)
        let dangling = directory.path("dangling.sqlite")
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: directory.path("nowhere.sqlite"))
        let cases: [([String], Int32)] = [
            (["--db", directory.url.path], 66), (["--db", fifo], 66), (["--db", "/dev/null"], 66), (["--db", dangling], 66),
            (["import", "--db", directory.url.path, Repository.sample("2024.yaml")], 66),
            (["import", "--db", directory.path("new.sqlite"), directory.url.path], 66),
            (["import", "--db", directory.path("new.sqlite"), fifo], 66),
            (["backup", ""], 64), (["backup", ":memory:"], 64), (["--db", ""], 64),
            (["backup", directory.url.path], 66), (["backup", dangling], 66), (["backup", fifo], 66),
            (["backup", directory.path("no/such/dir/copy.sqlite")], 66),
            (["export", fifo], 66),
        ]
        for (arguments, status) in cases {
            let result = try BarkleyBinary.run(arguments)
            #expect(result.status == status, "\(arguments): \(result)")
            #expect(result.stderr.contains("Error"), "\(arguments): a message")
        }
        #expect(try directoryListing(directory.url) == ["dangling.sqlite", "pipe"], "nothing was created")

        // `file:` is part of a file name: with no such file there is no archive; with one, it is read.
        let uriLike = "file:" + directory.path("archive.sqlite") + "?mode=memory"
        #expect(try BarkleyBinary.run(["--db", uriLike]).status == 66)
        let inCurrentDirectory = directory.path("file:archive.sqlite")
        #expect(try BarkleyBinary.run(["backup", inCurrentDirectory]).status == 0)
        #expect(FileManager.default.fileExists(atPath: inCurrentDirectory))
        let read = try BarkleyBinary.run(["sql", "--db", inCurrentDirectory, "--format", "csv", "SELECT count(*) AS n FROM edition"])
        #expect(read.status == 0, "\(read)")
        #expect(read.stdout == "n\n40\n")
    }

    @Test("output that cannot be written exits 74 with a message, for answers, help and errors")
    func failedWritesExit74() throws {
        for arguments in [[String](), ["edition", "2024", "--format", "json"], ["--help"], ["sql", "SELECT * FROM entry"]] {
            let result = try BarkleyBinary.run(arguments, standardOutput: "/dev/full")
            #expect(result.status == 74, "\(arguments): \(result)")
            #expect(result.stderr.contains("could not be written"), "\(arguments): \(result.stderr)")
        }
        // The answer written in full to a file is still exit 0.
        let directory = try TemporaryDirectory()
        let file = directory.path("out.json")
        try Data().write(to: URL(fileURLWithPath: file))
        #expect(try BarkleyBinary.run(["edition", "2024", "--format", "json"], standardOutput: file).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)).count > 1000)
    }

    @Test("sql on the built-in archive leaves no temporary copy, even when killed mid-query")
    func killedSQLLeavesNoCopy() throws {
        let temporary = try TemporaryDirectory()
        let slow = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) SELECT count(*) FROM n"
        let running = try BarkleyBinary.start(["sql", slow], environment: ["TMPDIR": temporary.url.path])
        // Long enough to copy the archive and start the query (which runs for many seconds), on a
        // debug build of a machine busy with the other tests: building the built-in archive,
        // search indexes included, took over 1.5 s there.
        Thread.sleep(forTimeInterval: 3)
        #expect(running.process.isRunning, "the query was still running when killed")
        kill(running.process.processIdentifier, SIGKILL)
        _ = try running.wait()
        #expect(try directoryListing(temporary.url) == [])
        let finished = try BarkleyBinary.run(["sql", "SELECT count(*) AS n FROM edition", "--format", "csv"], environment: ["TMPDIR": temporary.url.path])
        #expect(finished.stdout == "n\n40\n")
        #expect(try directoryListing(temporary.url) == [])
    }

    @Test("functions that pass raw pointers are refused; introspection pragmas and json_each read")
    func sqlSurface() throws {
        for statement in ["SELECT fts3_tokenizer('simple', x'4141414141414141')", "SELECT hex(fts3_tokenizer('simple'))",
                          "SELECT load_extension('/nonexistent')"] {
            let result = try BarkleyBinary.run(["sql", statement])
            #expect(result.status == 65, "\(statement): \(result)")
        }
        for (statement, expected) in [("PRAGMA table_info(runner)", "cid,name,type,notnull,dflt_value,pk\n0,id,INTEGER,0,,1\n1,name,TEXT,1,,0\n2,search_key,TEXT,1,,0\n3,key,TEXT,0,,0\n"),
                                      ("SELECT name FROM pragma_table_info('runner') ORDER BY cid", "name\nid\nname\nsearch_key\nkey\n"),
                                      ("SELECT count(*) AS n FROM pragma_index_list('entry')", "n\n6\n"),
                                      ("SELECT value FROM json_each('[1,2]')", "value\n1\n2\n")] {
            let result = try BarkleyBinary.run(["sql", "--format", "csv", statement])
            #expect(result.status == 0, "\(statement): \(result)")
            #expect(result.stdout == expected, "\(statement)")
        }
    }
}

/// Archives read by other users, in folders they cannot write, on read-only media and on a full
/// disk. These need root (to switch users and mount small file systems), as CI has; elsewhere
/// they print why they are skipped.
@Suite("Archives on shared, read-only and full file systems", .serialized)
struct SharedArchiveTests {
    /// An archive of every sample edition, made by `barkley backup` into `path`.
    static func makeArchive(at path: String) throws {
        let result = try BarkleyBinary.run(["backup", path])
        #expect(result.status == 0, "\(result)")
    }

    static func skipped(_ test: String) -> Bool {
        guard let reason = SwitchUser.reasonUnavailable else { return false }
        print("skipped \(test): \(reason)")
        return true
    }

    @Test("another user reads an archive in a folder it cannot write, and leaves nothing")
    func readerInUnwritableFolder() throws {
        if Self.skipped("readerInUnwritableFolder") { return }
        let directory = try TemporaryDirectory()
        let path = directory.path("archive.sqlite")
        try Self.makeArchive(at: path)
        #expect(chmod(directory.url.path, 0o755) == 0 && chmod(path, 0o644) == 0)
        for command in [["finishers", "--year", "2024"], ["sql", "SELECT count(*) FROM entry"], [], ["check"]] {
            let result = try #require(try BarkleyBinary.run(asUser: 65534, command + ["--db", path]))
            #expect(result.status == 0, "\(command): \(result)")
        }
        #expect(try directoryListing(directory.url) == ["archive.sqlite"])
    }

    @Test("a reader in a shared folder leaves nothing that locks the owner out of an import")
    func readerDoesNotLockOwnerOut() throws {
        if Self.skipped("readerDoesNotLockOwnerOut") { return }
        let directory = try TemporaryDirectory()
        let path = directory.path("club.sqlite")
        try Self.makeArchive(at: path)
        let edition = directory.path("small.yaml")
        try "race: Club Loop\nyear: 2026\nentrant_list: unknown\n".write(toFile: edition, atomically: true, encoding: .utf8)
        #expect(chmod(directory.url.path, 0o1777) == 0 && chmod(path, 0o664) == 0 && chmod(edition, 0o644) == 0)
        #expect(chown(path, 1000, 1000) == 0)
        let read = try #require(try BarkleyBinary.run(asUser: 65534, ["edition", "2025", "--db", path]))
        #expect(read.status == 0, "\(read)")
        #expect(try directoryListing(directory.url) == ["club.sqlite", "small.yaml"], "the reader left no -wal, -shm or -journal")
        let owner = try #require(try BarkleyBinary.run(asUser: 1000, ["import", "--db", path, edition]))
        #expect(owner.status == 0, "\(owner)")
        #expect(try directoryListing(directory.url) == ["club.sqlite", "small.yaml"])
    }

    /// Runs `body` with a fresh tmpfs of `size` mounted in a temporary directory; nil when mounting fails.
    static func withSmallFileSystem(size: String, _ body: (URL) throws -> Void) throws {
        let directory = try TemporaryDirectory()
        let mountPoint = directory.url.appendingPathComponent("mnt")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        guard try SwitchUser.tool("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", mountPoint.path]) == 0 else {
            print("skipped: cannot mount a tmpfs here")
            return
        }
        defer { try? SwitchUser.tool("/usr/bin/umount", [mountPoint.path]) }
        try body(mountPoint)
    }

    @Test("every reading command reads an archive on read-only media")
    func readOnlyMedia() throws {
        if Self.skipped("readOnlyMedia") { return }
        try Self.withSmallFileSystem(size: "4m") { mount in
            let path = mount.appendingPathComponent("archive.sqlite").path
            try Self.makeArchive(at: path)
            #expect(try SwitchUser.tool("/usr/bin/mount", ["-o", "remount,ro", mount.path]) == 0)
            let scratch = try TemporaryDirectory()
            for command in HostileArchiveTests.readingCommands(scratch: scratch) {
                let result = try BarkleyBinary.run(command + ["--db", path])
                #expect(result.status == 0, "\(command): \(result)")
            }
        }
    }

    @Test("a backup onto a nearly full disk fails with 74 and leaves nothing under the name")
    func backupOntoFullDisk() throws {
        if Self.skipped("backupOntoFullDisk") { return }
        try Self.withSmallFileSystem(size: "200k") { mount in
            let target = mount.appendingPathComponent("backup.sqlite").path
            let result = try BarkleyBinary.run(["backup", target])
            #expect(result.status == 74, "\(result)")
            #expect(try directoryListing(mount) == [], "no partial backup, no temporary file")
        }
    }
}

@Suite("A locked archive")
struct LockedArchiveTests {
    @Test("while another process holds the write lock, import and reads exit 75 saying so, and nothing is written")
    func lockedArchiveSaysAnotherProcessIsWriting() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("archive.sqlite")
        #expect(try BarkleyBinary.run(["import", "--db", path, Repository.sample("2024.yaml")]).status == 0)
        let holder = try Connection(path: path)
        try holder.execute("BEGIN EXCLUSIVE")
        // Both wait out the busy timeout together, so the test takes it once.
        let importing = try BarkleyBinary.start(["import", "--db", path, Repository.sample("2025.yaml")])
        let reading = try BarkleyBinary.start(["edition", "2024", "--db", path])
        for result in [try importing.wait(), try reading.wait()] {
            #expect(result.status == 75, "\(result)")
            #expect(result.stderr.contains("another process is writing to the archive"), "\(result.stderr)")
            #expect(result.stderr.contains("nothing was written"))
        }
        try holder.execute("ROLLBACK")
        #expect(try holder.scalar("SELECT group_concat(year) FROM edition", as: String.self) == "2024")
    }
}

@Suite("An import killed mid-write")
struct HotJournalTests {
    @Test("after a write is killed mid-way, readers ask for barkley upgrade, which rolls it back")
    func hotJournalIsRolledBackByUpgradeOnly() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("archive.sqlite")
        #expect(try BarkleyBinary.run(["import", "--db", path] + ["2012.yaml", "2024.yaml", "2025.yaml"].map(Repository.sample)).status == 0)
        let before = try BarkleyBinary.run(["sql", "--db", path, "--format", "csv", "SELECT name, outcome FROM entry ORDER BY id"]).stdout
        // The state a crash leaves: a transaction that has written changed pages into the file,
        // its journal beside it. A tiny cache makes the writer spill; copying both files while
        // the transaction is open gives a pair that no process holds a lock on.
        let crashed = directory.path("crashed.sqlite")
        do {
            let writer = try Connection(path: path)
            try writer.execute("PRAGMA cache_size = 1")
            try writer.execute("BEGIN IMMEDIATE; UPDATE entry SET note = hex(randomblob(2000)); DELETE FROM loop_time;")
            #expect(FileManager.default.fileExists(atPath: path + "-journal"))
            try FileManager.default.copyItem(atPath: path, toPath: crashed)
            try FileManager.default.copyItem(atPath: path + "-journal", toPath: crashed + "-journal")
            try writer.execute("ROLLBACK")
        }
        let read = try BarkleyBinary.run(["sql", "--db", crashed, "SELECT count(*) FROM entry"])
        #expect(read.status == 1, "\(read)")
        #expect(read.stderr.contains("barkley upgrade"), "\(read.stderr)")
        #expect(FileManager.default.fileExists(atPath: crashed + "-journal"), "a reader never rolls back")
        let upgrade = try BarkleyBinary.run(["upgrade", "--db", crashed])
        #expect(upgrade.status == 0, "\(upgrade)")
        #expect(!FileManager.default.fileExists(atPath: crashed + "-journal"))
        let after = try BarkleyBinary.run(["sql", "--db", crashed, "--format", "csv", "SELECT name, outcome FROM entry ORDER BY id"])
        #expect(after.status == 0, "\(after)")
        #expect(after.stdout == before, "rolled back to the last commit")
    }
}
