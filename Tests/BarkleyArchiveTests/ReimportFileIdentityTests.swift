import BarkleyArchive
import Foundation
import SQLiteLayer
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Importing again skips a file unread only when the import log's stamp of its edition's last
/// import names this very file, unchanged: name, size, modification time, device, inode and
/// status-change time (migration 0009). Every other file is read and compared by checksum.
///
/// A stamp is only taken of a file left alone for two seconds (`FileStamp.settling`), and no
/// test can set a status-change time back, so these tests wait for files to settle.
@Suite("Importing again: a file is skipped unread only when it is the same file, unchanged")
struct ReimportFileIdentityTests {
    static let edition39 = Sample.edition2024.replacingOccurrences(of: "starters: 40", with: "starters: 39")

    /// Long enough for a file written now to get a stamp (two seconds, and a margin).
    static func waitToSettle() { Thread.sleep(forTimeInterval: 2.2) }

    /// The file's inode, size and modification time (seconds and nanoseconds), as `stat` gives them.
    static func fileStatus(_ url: URL) throws -> (inode: UInt64, size: Int64, modified: timespec) {
        var info = stat()
        try #require(stat(url.path, &info) == 0)
        #if canImport(Darwin)
        return (UInt64(info.st_ino), Int64(info.st_size), info.st_mtimespec)
        #else
        return (UInt64(info.st_ino), Int64(info.st_size), info.st_mtim)
        #endif
    }

    /// Sets the file's access and modification times to `time` to the nanosecond, as `touch -d` does.
    static func setModified(_ url: URL, _ time: timespec) throws {
        var times = [time, time]  // access and modification time
        try #require(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
    }

    /// How many logged imports carry a complete stamp (device, inode and status-change time).
    static func completeStamps(_ fixture: TemporaryArchive) throws -> Int {
        try fixture.archive.connection.scalar("""
            SELECT count(*) FROM import_log
            WHERE file_size IS NOT NULL AND file_modified IS NOT NULL AND file_device IS NOT NULL AND file_inode IS NOT NULL AND file_changed IS NOT NULL
            """, as: Int.self) ?? 0
    }

    @Test("version A, then B, then A again from two folders with the same names, lengths and times: A is read and kept")
    func sameNameLengthAndTimeInTwoFoldersIsRead() throws {
        let fixture = try TemporaryArchive()
        let folders = ["a", "b"].map { fixture.directory.appendingPathComponent($0) }
        for folder in folders { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let a = folders[0].appendingPathComponent("2024.yaml"), b = folders[1].appendingPathComponent("2024.yaml")
        try Data(Sample.edition2024.utf8).write(to: a)
        try Data(Self.edition39.utf8).write(to: b)
        let time = Date(timeIntervalSinceNow: -3600)
        for url in [a, b] { try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: url.path) }
        let (stampA, stampB) = (try Self.fileStatus(a), try Self.fileStatus(b))
        #expect(stampA.size == stampB.size && stampA.inode != stampB.inode)
        #expect(stampA.modified.tv_sec == stampB.modified.tv_sec && stampA.modified.tv_nsec == stampB.modified.tv_nsec)
        Self.waitToSettle()

        #expect(try fixture.archive.importFiles([a]).map(\.change) == [.added])
        #expect(try fixture.archive.importFiles([b]).map(\.change) == [.replaced])
        let again = try fixture.archive.importFiles([a])

        #expect(again.map(\.change) == [.replaced])
        #expect(again.map(\.skippedUnread) == [false])
        #expect(try fixture.archive.edition(year: 2024)?.starters == 40)
        // Both imports were stamped, so the stamp (not its absence) is what told the files apart.
        #expect(try Self.completeStamps(fixture) == 3)
    }

    @Test("a file left untouched since its import is reported unchanged without being opened")
    func untouchedFileIsSkippedUnread() throws {
        let fixture = try TemporaryArchive()
        let url = try fixture.file("2024.yaml", Sample.edition2024)
        Self.waitToSettle()
        #expect(try fixture.archive.importFiles([url]).map(\.skippedUnread) == [false])
        #expect(try Self.completeStamps(fixture) == 1)
        let before = try fixture.snapshot()

        let again = try fixture.archive.importFiles([url])
        let dryRun = try fixture.archive.importFiles([url], dryRun: true)

        #expect(again.map(\.change) == [.unchanged])
        #expect(again.map(\.skippedUnread) == [true])
        #expect(dryRun.map(\.skippedUnread) == [true])
        #expect(again[0].entrantCount == nil)
        #expect(try fixture.snapshot() == before)
    }

    @Test("a file touched since its import (a git checkout) is read once, by checksum, then skipped unread: its new stamp was logged")
    func touchedFileGetsItsNewStampLogged() throws {
        let fixture = try TemporaryArchive()
        let url = try fixture.file("2024.yaml", Sample.edition2024)
        Self.waitToSettle()
        #expect(try fixture.archive.importFiles([url]).map(\.change) == [.added])
        let logRow = "SELECT id, imported_at, file_name, checksum, race, year, summary FROM import_log"
        let logged = try fixture.archive.connection.rows(logRow)
        let stamp = "SELECT file_size, file_modified, file_device, file_inode, file_changed FROM import_log"
        let firstStamp = try fixture.archive.connection.rows(stamp)

        // New times, the same bytes: as `git checkout` leaves a file.
        var touched = try Self.fileStatus(url).modified
        touched.tv_sec -= 60
        try Self.setModified(url, touched)
        Self.waitToSettle()

        let dryRun = try fixture.archive.importFiles([url], dryRun: true)
        let first = try fixture.archive.importFiles([url])
        let second = try fixture.archive.importFiles([url])

        // A dry run writes nothing, not even a stamp: the real import after it reads the file too.
        #expect(dryRun.map(\.change) == [.unchanged] && dryRun.map(\.skippedUnread) == [false])
        #expect(first.map(\.change) == [.unchanged] && first.map(\.skippedUnread) == [false])
        #expect(second.map(\.change) == [.unchanged] && second.map(\.skippedUnread) == [true])
        // One row still, as it was but for the stamp, which is the touched file's.
        #expect(try fixture.archive.connection.rows(logRow) == logged)
        let newStamp = try fixture.archive.connection.rows(stamp)
        #expect(newStamp != firstStamp)
        #expect(try newStamp.first?.optional("file_modified", as: Int64.self)
                == Int64(touched.tv_sec) * 1_000_000_000 + Int64(touched.tv_nsec))
        #expect(try Self.completeStamps(fixture) == 1)
    }

    @Test("a file of another name with the bytes of the last import is unchanged, but the logged stamp stays the imported file's")
    func otherNameKeepsTheLoggedStamp() throws {
        let fixture = try TemporaryArchive()
        let url = try fixture.file("2024.yaml", Sample.edition2024)
        let copy = try fixture.file("2024-copy.yaml", Sample.edition2024)
        Self.waitToSettle()
        try fixture.archive.importFiles([url])
        let before = try fixture.snapshot()

        #expect(try fixture.archive.importFiles([copy]).map(\.change) == [.unchanged])

        #expect(try fixture.snapshot() == before)
        #expect(try fixture.archive.importFiles([url]).map(\.skippedUnread) == [true])
    }

    @Test("a file rewritten in place with its size and modification time put back is read (its change time moved)")
    func rewrittenInPlaceWithTimeSetBackIsRead() throws {
        let fixture = try TemporaryArchive()
        let url = try fixture.file("2024.yaml", Sample.edition2024)
        Self.waitToSettle()
        #expect(try fixture.archive.importFiles([url]).map(\.change) == [.added])
        let original = try Self.fileStatus(url)

        // The same inode, the same length, other bytes; then the modification time set back, as `touch -d` does.
        let handle = try FileHandle(forWritingTo: url)
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: Data(Self.edition39.utf8))
        try handle.close()
        try Self.setModified(url, original.modified)
        let rewritten = try Self.fileStatus(url)
        #expect(rewritten.inode == original.inode && rewritten.size == original.size)
        #expect(rewritten.modified.tv_sec == original.modified.tv_sec && rewritten.modified.tv_nsec == original.modified.tv_nsec)
        Self.waitToSettle()  // settled again: only the change time tells it from the logged file

        let again = try fixture.archive.importFiles([url])

        #expect(again.map(\.change) == [.replaced])
        #expect(again.map(\.skippedUnread) == [false])
        #expect(try fixture.archive.edition(year: 2024)?.starters == 39)
    }

    @Test("a stamp lacking device, inode or change time (logged before 0009) never skips a file: it is read")
    func incompleteStampIsRead() throws {
        let columns = ["file_device", "file_inode", "file_changed"]
        let fixtures = try columns.map { _ in try TemporaryArchive() }
        let urls = try fixtures.map { try $0.file("2024.yaml", Sample.edition2024) }
        Self.waitToSettle()
        for (index, column) in columns.enumerated() {
            try fixtures[index].archive.importFiles([urls[index]])
            // Column names from the list above, not from input; identifiers cannot be bound.
            try fixtures[index].archive.connection.execute("UPDATE import_log SET \(column) = NULL")

            let again = try fixtures[index].archive.importFiles([urls[index]])

            #expect(again.map(\.change) == [.unchanged], "\(column)")
            #expect(again.map(\.skippedUnread) == [false], "\(column)")
        }
    }
}
