import Foundation
internal import CSQLite

/// How archive files use SQLite's journals, so that reading never needs to write.
///
/// Files use the rollback journal (`journal_mode = DELETE`), never write-ahead logging: a file
/// at rest is one self-contained file, and a reader takes a shared lock on it and creates
/// nothing beside it (no `-wal`, no `-shm`) — so reading works on read-only media, in folders
/// the reader cannot write, and leaves nothing that would lock another user out. A write that
/// fails or is killed rolls back: the file is byte for byte as it was.
///
/// The trade-off, against WAL: readers and a writer take turns. A reader waits (up to
/// ``Connection/busyTimeoutMilliseconds``) while an import commits, or while a very large import
/// has spilled its changes into the file; and after an import is killed, its hot journal must be
/// rolled back by the next *writing* connection (`barkley import` or `barkley upgrade`) before
/// readers can read again — a reader never writes, so it says so instead.
///
/// A file still in WAL mode (left so by an older version or another tool) is converted by the
/// next read-write connection. Until then a reader that finds it without both its `-wal` and
/// `-shm` opens it `immutable` rather than creating log files that would belong to the reader.
enum JournalPolicy {
    /// True when a read-only connection should open `path` immutable: the header says WAL and
    /// its `-wal` and `-shm` are not both present, so no writer has it open in WAL mode.
    /// (An import that starts while such a reader runs may make that one read fail; the reader
    /// cannot damage the file.)
    static func readerMustNotTouchLog(_ path: String) -> Bool {
        guard DatabaseFileHeader.isWriteAheadLog(path: path) else { return false }
        let fileManager = FileManager.default
        return !(fileManager.fileExists(atPath: path + "-wal") && fileManager.fileExists(atPath: path + "-shm"))
    }

    /// True for the errors a read-only connection gets when it cannot open or create a WAL
    /// file's `-shm`: `SQLITE_CANTOPEN` and the `SQLITE_READONLY_*` family.
    static func isLogUnavailable(_ error: SQLiteError) -> Bool {
        error.code == .cantOpen || error.code == .readOnly
    }
}

extension Connection {
    /// Puts the file in rollback-journal mode: a write-ahead log is checkpointed into the file
    /// and `-wal` and `-shm` are removed, leaving one self-contained file. Read-write file
    /// connections do this when they open.
    ///
    /// - Throws: ``SQLiteError`` with code `busy` while another connection has the file open
    ///   (it stays in WAL mode, which is sound), or the I/O error of a failed checkpoint (a full
    ///   disk): then the file still needs its `-wal`.
    public func leaveWriteAheadLog() throws {
        let mode = try prepare("PRAGMA journal_mode = DELETE").rows().first?.values.first
        guard mode == .text("delete") else {
            throw SQLiteError(extendedCode: .busy, message: "\(path ?? "the database") stays in WAL mode: another connection has it open")
        }
    }

    /// True when `fts3_tokenizer(name, pointer)` may register a tokenizer on this connection;
    /// always false for connections this layer opens.
    public var allowsFTS3Tokenizer: Bool {
        csqlite_db_config_bool_get(handle, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER) != 0
    }
}
