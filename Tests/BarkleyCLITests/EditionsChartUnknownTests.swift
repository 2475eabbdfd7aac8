@testable import barkley
import BarkleyQueries
import Testing

/// `barkley editions`' bars never draw an unknown number of finishers as none.
@Suite struct EditionsChartUnknownTests {
    /// The chart's line of `year`, for an index of 1997 (30 starters, finishers unknown) and
    /// 1998 (30 starters, none finished).
    func chartLine(_ year: Int) throws -> String {
        let index = EditionIndex(editions: [
            EditionLine(year: 1997, held: true, starters: 30, finishers: nil),
            EditionLine(year: 1998, held: true, starters: 30, finishers: 0),
        ], completeness: Completeness(partialEntrantLists: [], incompleteYears: []))
        let chart = try #require(EditionIndexAnswer(race: "Barkley Marathons", index: index, drawsChart: true).report.charts.first)
        return try #require(chart.lines(width: 80).first { $0.hasPrefix("\(year)") })
    }

    @Test func unknownFinishersAreDrawnApartFromNoFinisher() throws {
        let unknown = try chartLine(1997), none = try chartLine(1998)
        #expect(unknown.contains("30 started, unknown finished"))
        #expect(unknown.contains("░" + BarChart.unknownPart), "\(unknown)")
        #expect(!none.contains(BarChart.unknownPart), "\(none)")
        #expect(none.contains("30 started, 0 finished"))
    }
}
