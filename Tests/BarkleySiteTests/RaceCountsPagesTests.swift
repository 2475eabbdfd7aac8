import BarkleyBuiltInArchive
import BarkleyPresentation
import BarkleyQueries
import Foundation
import Testing

/// The home, records and firsts pages say which race their counts belong to, from the same
/// query answers `barkley overview`, `records` and `firsts` print.
@Suite struct RaceCountsPagesTests {
    @Test func theHomePageCountsEachRacesFinishesApart() throws {
        let page = try BuiltSite.read("index.html")
        let totals = try History(archive: BuiltInArchive.open()).finishTotalsByCategory()
        #expect(totals.count == 2)
        for total in totals {
            let (label, value) = Presentation.finishTotal(total, alone: false)
            #expect(page.contains("<dt>\(label)</dt><dd>\(value)</dd>"), "missing \(label)")
        }
        let threeLoop = try #require(totals.first { $0.category == .threeLoop })
        #expect(page.contains("<dt>The 3-loop race</dt><dd>\(Presentation.plural(threeLoop.finishes, "finish", "finishes")) (\(threeLoop.years.map(String.init).joined(separator: ", ")))</dd>"))
        #expect(!page.contains("<dt>Finishes</dt>"))
    }

    @Test func recordsAndFirstsNameTheirRaceAndTheThreeLoopRacesFirstsStandApart() throws {
        let records = try BuiltSite.read("records/index.html")
        #expect(records.contains("Records of the 100-mile race, over 5 loops."))
        let firsts = try BuiltSite.read("firsts/index.html")
        #expect(firsts.contains("<h2>Firsts of the 100-mile race</h2>"))
        let early = try History(archive: BuiltInArchive.open()).firsts(category: .threeLoop)
        let furtaw = try #require(early.finish.achievers.first)
        let section = try #require(firsts.range(of: "<h2>Firsts of the 3-loop race</h2>"))
        #expect(firsts[section.upperBound...].contains(">\(furtaw.runner)</a>"))
        #expect(firsts[..<section.lowerBound].contains(">\(furtaw.runner)</a>") == false)
    }

    @Test func aDisputedAnswerSendsTheReaderToTheEditionPagesNotToACommand() throws {
        // The finish records compare Jared Campbell's disputed 2014 time (the home page's
        // counts of finishes use no disputed value).
        let page = try BuiltSite.read("records/index.html")
        #expect(page.contains("each edition&#39;s page lists the others") || page.contains("each edition's page lists the others"))
        #expect(!page.contains("`barkley disputes`"))
    }
}
