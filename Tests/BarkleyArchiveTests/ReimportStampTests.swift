import BarkleyArchive
import Foundation
import SQLiteLayer
import Testing

/// The import log records each settled file's size and modification time; a file modified just
/// before it was read gets no stamp. A stamp alone never skips a file: another file can have the
/// same one, so every file is compared by its checksum.
@Suite("Importing again: file stamps logged, never trusted alone")
struct ReimportStampTests {
    /// Sets the modification time of `url` to `date`.
    static func setModified(_ url: URL, _ date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: url.path)
    }

    static func loggedStamps(_ fixture: TemporaryArchive) throws -> [[Int64?]] {
        try fixture.archive.connection.rows("SELECT file_size, file_modified FROM import_log ORDER BY id").map {
            [try $0.optional("file_size", as: Int64.self), try $0.optional("file_modified", as: Int64.self)]
        }
    }

    @Test("a settled file's size and modification time are logged; other bytes with the same stamp are read and imported")
    func sameStampIsStillRead() throws {
        let fixture = try TemporaryArchive()
        let url = try fixture.file("2024.yaml", Sample.edition2024)
        let hourAgo = Date(timeIntervalSinceNow: -3600)
        try Self.setModified(url, hourAgo)
        Thread.sleep(forTimeInterval: 2.2)  // its change time (now) settled too: see `FileStamp.settling`
        #expect(try fixture.archive.importFiles([url]).map(\.change) == [.added])
        let stamps = try Self.loggedStamps(fixture)
        #expect(stamps.count == 1)
        #expect(stamps[0][0] == Int64(Sample.edition2024.utf8.count))
        #expect(stamps[0][1].map { abs(Double($0) / 1e9 - hourAgo.timeIntervalSince1970) < 0.01 } == true)

        // Other bytes of the same length, under the same name and time: read, and the change found.
        let sameLength = Sample.edition2024.replacingOccurrences(of: "starters: 40", with: "starters: 39")
        try Data(sameLength.utf8).write(to: url)
        try Self.setModified(url, hourAgo)
        #expect(try fixture.archive.importFiles([url], dryRun: true).map(\.change) == [.replaced])
        #expect(try fixture.archive.importFiles([url]).map(\.change) == [.replaced])
        #expect(try fixture.archive.edition(year: 2024)?.starters == 39)
    }

    @Test("a file modified within two seconds of its import gets no stamp, and is compared by checksum next time")
    func freshFileNotStamped() throws {
        let fixture = try TemporaryArchive()
        let url = try fixture.file("2024.yaml", Sample.edition2024)
        try Self.setModified(url, Date())
        try fixture.archive.importFiles([url])
        #expect(try Self.loggedStamps(fixture) == [[nil, nil]])

        let sameLength = Sample.edition2024.replacingOccurrences(of: "starters: 40", with: "starters: 39")
        try Data(sameLength.utf8).write(to: url)
        #expect(try fixture.archive.importFiles([url]).map(\.change) == [.replaced])
    }

    @Test("a file touched but not changed is still unchanged, by checksum")
    func touchedButUnchanged() throws {
        let fixture = try TemporaryArchive()
        let url = try fixture.file("2024.yaml", Sample.edition2024)
        try Self.setModified(url, Date(timeIntervalSinceNow: -3600))
        try fixture.archive.importFiles([url])
        try Self.setModified(url, Date(timeIntervalSinceNow: -60))
        #expect(try fixture.archive.importFiles([url]).map(\.change) == [.unchanged])
    }

    @Test("a file of another name with the same size and time is read, not taken for the logged one")
    func otherNameIsRead() throws {
        let fixture = try TemporaryArchive()
        let hourAgo = Date(timeIntervalSinceNow: -3600)
        let url = try fixture.file("2024.yaml", Sample.edition2024)
        try Self.setModified(url, hourAgo)
        try fixture.archive.importFiles([url])
        let other = try fixture.file("2024-corrected.yaml", Sample.edition2024.replacingOccurrences(of: "starters: 40", with: "starters: 39"))
        try Self.setModified(other, hourAgo)
        #expect(try fixture.archive.importFiles([other]).map(\.change) == [.replaced])
    }
}
