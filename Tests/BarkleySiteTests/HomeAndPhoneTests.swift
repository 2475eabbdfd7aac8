import BarkleyBuiltInArchive
import BarkleyQueries
import Foundation
import Testing

/// Two faults found on the built site: the home page's fun-run count disagreed with its chart's
/// without saying why, and a runner's career table hid every loop but the first on a phone.
@Suite("Home page counts and phone-width tables")
struct HomeAndPhoneTests {
    @Test("the home page's fun runs give the named total and the chart's known total, and say how they differ")
    func homeFunRunsAgreeWithTheChart() throws {
        let history = History(archive: try BuiltInArchive.open())
        let named = try history.allFunRunCompletions().funRuns.count
        let perYear = try history.resultsPerYear().filter(\.held)
        let known = perYear.compactMap(\.funRuns).reduce(0, +)
        let namedWhereUnknown = perYear.filter { $0.funRuns == nil }.map(\.namedFunRuns).reduce(0, +)
        #expect(named != known, "the built-in history has fun runs counted without names and named without counts")

        let home = try BuiltSite.read("index.html")
        let fact = try #require(home.range(of: "<dt>Fun runs</dt><dd>").map { String(home[$0.upperBound...].prefix { $0 != "<" }) })
        #expect(fact.hasPrefix("\(named) named"), "\(fact)")
        #expect(fact.contains("\(known) in the editions whose total is known"), "\(fact)")
        #expect(fact.contains("the other \(namedWhereUnknown) named in years whose total is unknown"), "\(fact)")
        // The unnamed runs the known totals hold make the two numbers meet.
        let unnamed = known - (named - namedWhereUnknown)
        #expect(unnamed > 0 && fact.contains("(\(unnamed) of them unnamed)"), "\(fact)")
        #expect(home.contains("\(known) fun runs besides the finishers"), "the chart's caption gives the known total")
    }

    @Test("a runner's career table is stacked at phone width, each cell labelled with its column")
    func careerTableStacksOnAPhone() throws {
        let page = try BuiltSite.read("runners/jasmin-paris/index.html")
        #expect(page.contains("<table class=\"stacked\">"))
        for loop in 1...5 { #expect(page.contains("data-label=\"Loop \(loop)\""), "Loop \(loop)") }
        let css = try BuiltSite.read("assets/style.css")
        #expect(css.contains("table.stacked td[data-label]::before"))
        // Other tables keep their columns.
        #expect(!(try BuiltSite.read("finishers/index.html")).contains("stacked"))
    }
}
