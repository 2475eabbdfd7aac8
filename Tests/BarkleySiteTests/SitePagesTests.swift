import BarkleyArchive
import BarkleyBuiltInArchive
import BarkleyQueries
@testable import BarkleySite
import Foundation
import Testing

@Suite struct SitePagesTests {
    @Test(arguments: ["editions/2024/index.html", "editions/2012/index.html", "runners/jasmin-paris/index.html"])
    func pageMatchesItsGoldenFile(page: String) throws {
        try Golden.check(BuiltSite.read(page), matches: page.replacingOccurrences(of: "/index.html", with: "").replacingOccurrences(of: "/", with: "-") + ".html")
    }

    @Test func everyEditionAndRunnerHasItsPageAtAReadableURL() throws {
        let (_, summary) = try BuiltSite.result.get()
        let pages = try BuiltSite.pages()
        let archive = try BuiltInArchive.open()
        let years = try archive.editionKeys().map(\.year)
        #expect(summary.editions == years.count)
        for year in years { #expect(pages.contains("editions/\(year)/index.html")) }
        #expect(pages.filter { $0.hasPrefix("runners/") && $0 != "runners/index.html" }.count == summary.runners)
        for page in ["index.html", "records/index.html", "firsts/index.html", "finishers/index.html", "fun-runs/index.html",
                     "countries/index.html", "sources/index.html", "runners/index.html", "runners/jasmin-paris/index.html"] {
            #expect(pages.contains(page), "missing \(page)")
        }
        #expect(summary.pages == pages.count)
    }

    @Test func unknownTimesReadAsTheCLIReadsThemAndMinuteTimesKeepTheirSecondsUnknown() throws {
        let page = try BuiltSite.read("editions/2024/index.html")
        // Ihor Verys, 2024: loops 1 and 2 unknown, then cumulative times with splits.
        #expect(page.contains(#"<td class="num time"><span class="unknown">unknown</span></td>"#))
        #expect(page.contains("58:44:59<br><small class=\"split\">12:58:27</small>"))
        #expect(page.contains("<dd>7 besides the finishers (6 named)</dd>"))
        let archive = try BuiltInArchive.open()
        let edition = try #require(try archive.edition(year: 2024))
        // The Format fact is worded as `barkley edition 2024` words it.
        #expect(page.contains("<dd>5 loops in 60:00:00; fun run: 3 loops in 40:00:00</dd>"))
        #expect(edition.format.timeLimit?.seconds == 216_000)
    }

    @Test func sourcesAreNumberedFootnotesThatEveryReferenceFinds() throws {
        let page = try BuiltSite.read("editions/2024/index.html")
        let ids = Set(matches(of: #"id="(source-\d+)""#, in: page))
        let refs = Set(matches(of: ##"href="#(source-\d+)""##, in: page))
        #expect(!ids.isEmpty)
        #expect(refs.isSubset(of: ids))
        #expect(page.contains("<ol class=\"sources\">"))
    }

    @Test func everyLinkAndAssetOfEveryPageResolvesToAGeneratedFile() throws {
        let root = try BuiltSite.directory()
        for page in try BuiltSite.pages() {
            let html = try BuiltSite.read(page)
            let folder = root.appendingPathComponent(page).deletingLastPathComponent()
            for link in matches(of: ##"(?:href|src)="([^"#]+)(?:#[^"]*)?""##, in: html) where !link.hasPrefix("http://") && !link.hasPrefix("https://") {
                let target = folder.appendingPathComponent(link).standardizedFileURL.path
                #expect(target.hasPrefix(root.standardizedFileURL.path), "\(page) links outside the site: \(link)")
                #expect(FileManager.default.fileExists(atPath: target), "\(page) links to \(link), which was not written")
            }
        }
    }

    @Test func editionAndRunnerPagesCarryTheirChartsWithATextAlternative() throws {
        for page in ["editions/2024/index.html", "runners/jasmin-paris/index.html", "index.html"] {
            let html = try BuiltSite.read(page)
            #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), "\(page) has no chart")
            #expect(html.contains("<figcaption>"), "\(page) has no text alternative")
            #expect(html.contains("role=\"img\""))
        }
    }

    @Test func theSearchIndexListsEveryRunnerWithTheirSlug() throws {
        let (root, summary) = try BuiltSite.result.get()
        struct Entry: Decodable { var n: String; var s: String; var k: String }
        let json = try Data(contentsOf: root.appendingPathComponent("search-index.json"))
        let entries = try JSONDecoder().decode([Entry].self, from: json)
        // The same archive makes the same bytes: keys in one order, not the encoder's of the day.
        #expect(String(decoding: json, as: UTF8.self).hasPrefix(#"[{"k":"#))
        #expect(entries.count == summary.runners)
        let paris = try #require(entries.first { $0.n == "Jasmin Paris" })
        #expect(paris.s == "jasmin-paris")
        #expect(paris.k.contains("jasmin paris"))
        #expect(Set(entries.map(\.s)).count == entries.count)
        // Without scripts the search form opens the list of every runner.
        let runners = try BuiltSite.read("runners/index.html")
        #expect(entries.allSatisfy { runners.contains("href=\"\($0.s)/index.html\"") })
    }

    @Test func writingIntoAPathThatIsAFileFailsNamingThePath() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("barkley-site-file-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let writer = try SiteWriter(history: History(archive: BuiltInArchive.open()))
        #expect {
            _ = try writer.write(to: file)
        } throws: { error in
            guard case .cannotWrite(let path, _) = error as? SiteError else { return false }
            return path.hasPrefix(file.path)
        }
    }
}

func matches(of pattern: String, in text: String) -> [String] {
    guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
    return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
        Range(match.range(at: 1), in: text).map { String(text[$0]) }
    }
}
