#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A database file built aside and moved under its final name only when complete.
///
/// The file is written under a hidden temporary name in the same folder, brought back to one
/// self-contained file (no `-wal`), synced, then *linked* under the final name: `link(2)` fails
/// when the name exists, so of two processes creating the same file exactly one wins, and
/// nobody ever replaces or deletes a file another process made. A failure or a kill at any
/// point leaves nothing under the final name (at worst a hidden `.NAME.*.tmp` file).
public enum NewDatabaseFile {
    /// Builds a database for `path`, runs `body` on a read-write connection to it, then
    /// publishes it under `path` — unless `publish` is false (a dry run), when it is discarded.
    ///
    /// `body` must not keep the connection: it is closed before the file is published.
    /// - Throws: ``DatabaseFileExistsError`` when `path` came to exist meanwhile (the new file is
    ///   discarded; the existing one is untouched); whatever `body` throws (nothing is
    ///   published); ``SQLiteError`` when the file cannot be written, synced or linked.
    public static func create<T>(at path: String, publish: Bool = true, _ body: (Connection) throws -> T) throws -> T {
        let temporary = temporaryPath(beside: path)
        defer { removeDatabaseFiles(at: temporary) }
        let result = try build(temporary, finish: publish, body)
        guard publish else { return result }
        try sync(temporary)
        guard link(temporary, path) == 0 else {
            let code = errno
            if code == EEXIST { throw DatabaseFileExistsError(path: path) }
            throw SQLiteError(extendedCode: .cantOpen, message: "cannot create \(path): \(String(cString: strerror(code)))")
        }
        // The new name is durable once its folder is synced; a failure here loses nothing written.
        try? sync((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
        return result
    }

    /// Opens the temporary file in its own scope, so the connection is closed when this returns.
    private static func build<T>(_ temporary: String, finish: Bool, _ body: (Connection) throws -> T) throws -> T {
        let connection = try Connection(path: temporary)
        let result = try body(connection)
        if finish { try connection.leaveWriteAheadLog() }
        return result
    }

    /// `.NAME.PID-RANDOM.tmp` in the folder of `path`.
    static func temporaryPath(beside path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let name = ".\(url.lastPathComponent).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        return url.deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Removes a temporary database and its journals; only ever called on names made by
    /// ``temporaryPath(beside:)`` in this process.
    static func removeDatabaseFiles(at temporary: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) }
    }

    /// `fsync(2)` on a file or folder.
    private static func sync(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw SQLiteError(extendedCode: .cantOpen, message: "cannot open \(path) to sync it: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw SQLiteError(extendedCode: .ioError, message: "cannot sync \(path): \(String(cString: strerror(errno)))")
        }
    }
}

/// A new database file was to be created at `path`, but a file of that name now exists.
public struct DatabaseFileExistsError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public var description: String { "\(path) already exists" }
}
