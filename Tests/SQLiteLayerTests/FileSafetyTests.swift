import Foundation
import SQLiteLayer
import Testing

@Suite("Files made and opened safely")
struct FileSafetyTests {
    @Test("fts3_tokenizer cannot register a pointer on any kind of connection")
    func fts3TokenizerIsOff() throws {
        try withTemporaryDirectory { directory in
            let path = directory.path("archive.sqlite")
            try createRunnerDatabase(at: path, rows: 1)
            let connections = [try Connection(path: path), try Connection(path: path, mode: .readOnly), try Connection.inMemory()]
            for db in connections {
                #expect(!db.allowsFTS3Tokenizer)
                #expect(throws: SQLiteError.self) { try db.rows("SELECT fts3_tokenizer('simple', x'4141414141414141')") }
            }
        }
    }

    @Test("a FIFO, a directory or a device is refused at open with cantOpen, without blocking")
    func nonRegularFilesAreRefused() throws {
        try withTemporaryDirectory { directory in
            let fifo = directory.path("pipe.sqlite")
            #expect(mkfifo(fifo, 0o644) == 0)
            for path in [fifo, directory.url.path, "/dev/null"] {
                for mode in [Connection.Mode.readWrite, .readOnly] {
                    let error = try #require(throws: SQLiteError.self) { try Connection(path: path, mode: mode) }
                    #expect(error.code == .cantOpen, "\(path) \(mode)")
                }
            }
        }
    }

    @Test("a write-ahead log beside a file kept in rollback mode is refused, named, and never applied")
    func foreignWriteAheadLogIsRefused() throws {
        try withTemporaryDirectory { directory in
            let path = directory.path("archive.sqlite")
            try createRunnerDatabase(at: path, rows: 10)
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            // Another database's log, left with frames by a writer that did not checkpoint (kept open).
            let other = directory.path("other.sqlite")
            let writer = try Connection(path: other)
            try writer.execute("PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE t (x); INSERT INTO t VALUES (1)")
            try FileManager.default.copyItem(atPath: other + "-wal", toPath: path + "-wal")
            for mode in [Connection.Mode.readOnly, .readWrite] {
                let error = try #require(throws: SQLiteError.self) { try Connection(path: path, mode: mode) }
                #expect(error.message.contains("archive.sqlite-wal"), "\(error)")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
            try FileManager.default.removeItem(atPath: path + "-wal")
            #expect(try Connection(path: path, mode: .readOnly).scalar("SELECT count(*) FROM runner", as: Int.self) == 10)
        }
    }

    @Test("a path that looks like an SQLite URI names a file of exactly that name")
    func uriLookingPathIsAFile() throws {
        try withTemporaryDirectory { directory in
            let name = "file:notes.sqlite?mode=memory&cache=shared#x%41"
            let db = try Connection(path: directory.path(name))
            try db.execute("CREATE TABLE t (x)")
            #expect(directory.fileExists(name))
            let listing = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
            #expect(listing == [name])
        }
    }

    @Test("a new file appears under its name only when complete, never over an existing one")
    func newFileIsPublishedWholeOrNotAtAll() throws {
        try withTemporaryDirectory { directory in
            let path = directory.path("new.sqlite")
            // A failing body publishes nothing and leaves no temporary file.
            #expect(throws: SQLiteError.self) {
                try NewDatabaseFile.create(at: path) { db in
                    try db.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1)")
                    try db.execute("SELECT * FROM no_such_table")
                }
            }
            // A dry run publishes nothing either.
            try NewDatabaseFile.create(at: path, publish: false) { db in try db.execute("CREATE TABLE t (x)") }
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == [])

            try NewDatabaseFile.create(at: path) { db in try db.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1)") }
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["new.sqlite"])
            let existing = try Data(contentsOf: URL(fileURLWithPath: path))
            let error = try #require(throws: DatabaseFileExistsError.self) {
                try NewDatabaseFile.create(at: path) { db in try db.execute("CREATE TABLE other (y)") }
            }
            #expect(error.path == path)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == existing)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["new.sqlite"])
            #expect(try Connection(path: path, mode: .readOnly).scalar("SELECT x FROM t", as: Int.self) == 1)
        }
    }

    @Test("a read-only connection to a WAL-mode file without its logs creates nothing beside it")
    func readerOfWALFileCreatesNothing() throws {
        try withTemporaryDirectory { directory in
            let path = directory.path("old.sqlite")
            do {
                let db = try Connection(path: path)
                try db.execute("CREATE TABLE t (x); INSERT INTO t VALUES (7); PRAGMA journal_mode = WAL")
            }
            // The writer closed last: its logs are gone, the header still says WAL.
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["old.sqlite"])
            let reader = try Connection(path: path, mode: .readOnly)
            #expect(try reader.scalar("SELECT x FROM t", as: Int.self) == 7)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["old.sqlite"])
        }
    }
}
