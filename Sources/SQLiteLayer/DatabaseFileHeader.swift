import Foundation

/// Checks the 100-byte header of an existing database file before SQLite opens it.
///
/// SQLite only notices a truncated file when a query reaches a missing page; reading the
/// header's own page count (https://sqlite.org/fileformat.html#in_header_database_size) lets
/// the archive refuse such a file at open instead. The size check applies to a file at rest:
/// while a write-ahead log holds frames, a checkpoint in progress may have written the new
/// header before the pages that extend the file, so then SQLite's own checks are relied on.
enum DatabaseFileHeader {
    static let magic = Array("SQLite format 3\0".utf8)

    static func validate(path: String) throws {
        // A FIFO would block the read below (and SQLite) forever; a directory or a device is no database.
        if let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType,
           type != .typeRegular {
            throw SQLiteError(extendedCode: .cantOpen, message: "\(path) is not a regular file, so not a database")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return }  // missing: SQLite creates it
        defer { try? handle.close() }
        let fileSize = (try? handle.seekToEnd()) ?? 0
        guard fileSize > 0 else { return }  // an empty file is an empty database
        try handle.seek(toOffset: 0)
        let header = [UInt8](handle.readData(ofLength: 100))
        guard header.count == 100, Array(header[0..<16]) == magic else {
            throw SQLiteError(extendedCode: .notADatabase, message: "\(path) is not a SQLite database (its header is not SQLite's)")
        }
        let rawPageSize = Int(header[16]) << 8 | Int(header[17])
        let pageSize = rawPageSize == 1 ? 65_536 : rawPageSize
        let pageCount = Int(bigEndian32(header, at: 28))
        // The in-header size is only valid when the change counter matches "version-valid-for".
        let sizeIsValid = pageCount > 0 && bigEndian32(header, at: 24) == bigEndian32(header, at: 92)
        // Archives are kept in rollback-journal mode (JournalPolicy), so a write-ahead log beside
        // one in that mode was not written by this layer: SQLite would apply its frames to the
        // file on the next open (https://sqlite.org/wal.html#the_wal_file), whoever made it.
        let isRollbackMode = header[18] == 1 && header[19] == 1
        if isRollbackMode, hasLiveLog(path) {
            throw SQLiteError(extendedCode: .corrupt,
                              message: "\(path)-wal is a write-ahead log beside \(path), which is kept without one: it is foreign (another program's, or copied in), and was not applied; move it away")
        }
        if sizeIsValid, UInt64(pageCount) * UInt64(pageSize) > fileSize, !hasLiveLog(path) {
            throw SQLiteError(extendedCode: .corrupt,
                              message: "\(path) is truncated: its header promises \(pageCount) pages of \(pageSize) bytes, the file holds \(fileSize) bytes")
        }
    }

    /// True when the file's header marks it as a write-ahead-log database (read and write
    /// format versions 2, https://sqlite.org/fileformat.html#file_format_version_numbers).
    static func isWriteAheadLog(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = [UInt8](handle.readData(ofLength: 20))
        return header.count == 20 && Array(header[0..<16]) == magic && (header[18] == 2 || header[19] == 2)
    }

    /// True when `path-wal` exists and is not empty: another connection may be mid-checkpoint.
    private static func hasLiveLog(_ path: String) -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? nil
        return (size ?? 0) > 0
    }

    private static func bigEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
