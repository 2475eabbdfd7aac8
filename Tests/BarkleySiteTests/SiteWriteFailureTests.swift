import BarkleyBuiltInArchive
import BarkleyQueries
@testable import BarkleySite
import Foundation
import Testing

/// Pages are rendered and written on several threads (``PagePool``); a page that cannot be
/// written still stops the run with an error naming its file, and the first such page is the
/// one reported whatever order the workers finish in.
@Suite struct SiteWriteFailureTests {
    @Test func theFirstPageThatCannotBeWrittenIsTheOneReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("barkley-site-blocked-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A folder where a page's file should be: opening it for writing fails (EISDIR).
        for year in [2012, 2013] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("editions/\(year)/index.html"),
                                                    withIntermediateDirectories: true)
        }
        let writer = try SiteWriter(history: History(archive: BuiltInArchive.open()))
        #expect {
            _ = try writer.write(to: folder)
        } throws: { error in
            guard case .cannotWrite(let path, _) = error as? SiteError else { return false }
            return path == folder.path + "/editions/2012/index.html"
        }
        // The pages in hand were finished before the error was reported.
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("editions/2011/index.html").path))
    }

    @Test func aFailedPageStopsThePoolTakingMore() throws {
        struct Refused: Error, Equatable { var page: Int }
        let pool = PagePool(width: 2)
        var taken = 0
        #expect(throws: Refused(page: 3)) {
            for page in 0..<100_000 {
                try pool.submit { if page == 3 || page == 5 { throw Refused(page: page) }; return 1 }
                taken += 1
            }
            _ = try pool.finish()
        }
        pool.drain()
        // Page 3 failed: at most the pages already in hand when it did were taken after it.
        #expect(taken < 100_000)
    }
}
