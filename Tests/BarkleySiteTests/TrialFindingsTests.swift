import BarkleyArchive
import BarkleyBuiltInArchive
import BarkleyPresentation
import Foundation
import Testing

/// Findings of a new-user trial of the site (issue 17) that the written pages and a headless
/// browser can check: notes read as paragraphs, and the search list never stops silently.
@Suite struct TrialFindingsTests {
    /// Edition files hard-wrap their notes near 90 columns; a page shows each paragraph as one
    /// `<p>`, so no line break lands mid-sentence ("The loop count and / time limit").
    @Test func editionNotesReadAsParagraphsWithoutTheFilesLineBreaks() throws {
        let archive = try BuiltInArchive.open()
        var wrapped = 0
        for key in try archive.editionKeys() where key.race == Edition.barkley {
            guard let notes = try archive.edition(year: key.year, race: key.race)?.notes else { continue }
            let page = try BuiltSite.read("editions/\(key.year)/index.html")
            let section = try #require(page.firstRange(of: #/<section class="notes">[\s\S]*?</section>/#).map { String(page[$0]) },
                                       "\(key.year) has notes but no Notes section")
            let shown = matches(of: #"<p>([^<]*)</p>"#, in: section)
            #expect(shown.count == Presentation.paragraphs(notes).count, "\(key.year)")
            #expect(shown.allSatisfy { !$0.contains("\n") }, "\(key.year): a hard line break inside a paragraph")
            if notes.trimmingCharacters(in: .newlines).contains(#/[^\n]\n[^\n]/#) { wrapped += 1 }
        }
        #expect(wrapped > 0, "no edition's notes are hard-wrapped: the test checks nothing")
    }

    @Test func paragraphsJoinLinesUpToABlankLine() {
        #expect(Presentation.paragraphs("The loop count and\n  time limit.\n\n \nSecond\nparagraph.\n") == ["The loop count and time limit.", "Second paragraph."])
        #expect(Presentation.paragraphs("One line.") == ["One line."])
        #expect(Presentation.paragraphs(" \n\n").isEmpty)
    }

    /// With more runners matching than the list shows, its last line says how many more.
    @Test(.timeLimit(.minutes(1)))
    func theSearchListSaysHowManyMoreMatch() throws {
        let root = try BuiltSite.directory()
        struct Entry: Decodable { var k: String }
        let entries = try JSONDecoder().decode([Entry].self, from: Data(contentsOf: root.appendingPathComponent("search-index.json")))
        let query = "an"
        let found = entries.filter { $0.k.contains(query) }.count
        try #require(found > 12, "fewer than 13 runners match \"\(query)\": pick a commoner query")
        let page = root.appendingPathComponent("records/index.html").absoluteString + "?q=\(query)"
        guard let result = try run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page]) else {
            Issue.record("chromium is not installed; run scripts/bootstrap")
            return
        }
        let list = try #require(result.output.firstRange(of: #/<ul id="search-results"[^>]*>[\s\S]*?</ul>/#).map { String(result.output[$0]) })
        #expect(matches(of: #"<li>(<a )"#, in: list).count == 12)
        #expect(list.contains("<li class=\"more\">\(found - 12) more — refine the name</li>"), "\(list.prefix(600))")
    }
}
