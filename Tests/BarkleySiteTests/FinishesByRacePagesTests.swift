import BarkleyBuiltInArchive
import BarkleyPresentation
import BarkleyQueries
import Foundation
import Testing

/// The finishers page and the home page's chart never give the 100-mile race's and the 3-loop
/// race's finishes as one number (27): each race's count is said apart.
@Suite struct FinishesByRacePagesTests {
    @Test func theFinishersPageCountsEachRaceApartAboveTheList() throws {
        let page = try BuiltSite.read("finishers/index.html")
        let totals = try History(archive: BuiltInArchive.open()).finishTotalsByCategory()
        #expect(totals.map(\.finishes) == [26, 1])
        for total in totals {
            let (label, value) = Presentation.finishTotal(total, alone: false)
            #expect(page.contains("<dt>\(label)</dt><dd>\(value)</dd>"), "missing \(label)")
        }
        #expect(!page.contains("27 by") && !page.contains("27 finishes"), "the two races' finishes added up")
    }

    @Test func theHomeChartsTextAlternativeNamesEachRacesFinishes() throws {
        let page = try BuiltSite.read("index.html")
        let totals = try History(archive: BuiltInArchive.open()).finishTotalsByCategory()
        let words = try #require(Presentation.finishesByRace(totals))
        #expect(words == "26 finishes of the 100-mile race and 1 finish of the 3-loop race (1988)")
        #expect(page.contains("<desc id=\"finishes-per-year-desc\">") && page.contains(": \(words) and "))
        #expect(!page.contains("27 finishes"))
    }
}
