import Foundation
import Testing

/// `barkley site DIR`, through the binary.
@Suite struct SiteCommandTests {
    @Test func siteWritesEveryPageAndSaysHowMany() throws {
        let directory = try TemporaryDirectory()
        let site = directory.path("out")
        let result = try BarkleyBinary.run(["site", site])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("Wrote 294 pages (40 editions, 246 runners) to \(site)"), "\(result.stdout)")
        for page in ["index.html", "editions/2024/index.html", "runners/jasmin-paris/index.html", "assets/style.css"] {
            #expect(FileManager.default.fileExists(atPath: site + "/" + page), "missing \(page)")
        }
    }

    @Test func siteIntoAFileFailsNamingThePath() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path("taken")
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let result = try BarkleyBinary.run(["site", file])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("cannot write \(file)"), "\(result.stderr)")
    }

    @Test func siteFromAMissingArchiveFileExits66() throws {
        let directory = try TemporaryDirectory()
        let result = try BarkleyBinary.run(["site", directory.path("out"), "--db", directory.path("none.sqlite")])
        #expect(result.status == 66, "\(result)")
        #expect(!FileManager.default.fileExists(atPath: directory.path("out")))
    }
}
