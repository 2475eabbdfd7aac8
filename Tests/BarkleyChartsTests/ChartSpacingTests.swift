import BarkleyCharts
import Testing

/// Findings of a new-user trial of the site (issue 17): a chart with nothing known draws no
/// numbers, and the home chart's labels do not touch each other or the edge.
@Suite struct ChartSpacingTests {
    @Test func anAttritionChartWithNoCountKnownDrawsNoNumericAxisAndSaysSo() throws {
        let chart = AttritionChart(year: 1990, loops: [.init(loop: 1, started: nil, completed: nil), .init(loop: 2, started: nil, completed: nil),
                                                       .init(loop: 3, started: nil, completed: nil)]).chart()
        let document = try SVGDocument(chart.svg)
        let texts = document.elements.filter { $0.name == "text" }.compactMap(\.title)
        // No axis labels (texts at the left edge, anchored at their end) and no number anywhere.
        #expect(document.elements.filter { $0.name == "text" && $0.attributes["text-anchor"] == "end" }.isEmpty)
        #expect(texts.allSatisfy { Int($0) == nil }, "a number on a chart of unknown counts: \(texts)")
        #expect(texts.contains("counts unknown"))
        #expect(document.rects("bar unknown").count == 6)
        #expect(chart.summary.hasPrefix("Loop 1: unknown started, unknown completed"))
    }

    @Test func anAttritionChartWithOneCountKnownKeepsItsAxis() throws {
        let chart = AttritionChart(year: 1991, loops: [.init(loop: 1, started: 12, completed: nil)]).chart()
        let document = try SVGDocument(chart.svg)
        let axis = document.elements.filter { $0.name == "text" && $0.attributes["text-anchor"] == "end" }.compactMap { Int($0.title ?? "") }
        #expect(axis == [0, 5, 10, 15])
        #expect(!document.elements.contains { $0.name == "text" && $0.title == "counts unknown" })
    }

    /// Rough extents of 13-unit sans-serif digits: 0.56 em wide, 0.72 em tall above the baseline.
    private struct Box {
        var minX, maxX, minY, maxY: Double
        init(_ element: SVGDocument.Element) {
            let width = Double(element.title?.count ?? 0) * 13 * 0.56
            let x = element.number("x"), y = element.number("y")
            switch element.attributes["text-anchor"] {
            case "end": minX = x - width; maxX = x
            case "middle": minX = x - width / 2; maxX = x + width / 2
            default: minX = x; maxX = x + width
            }
            minY = y - 13 * 0.72
            maxY = y
        }
        /// Apart by at least `gap` units in one direction.
        func clears(_ other: Box, by gap: Double) -> Bool {
            minX - other.maxX >= gap || other.minX - maxX >= gap || minY - other.maxY >= gap || other.minY - maxY >= gap
        }
    }

    @Test func theHomeChartsZeroAndFirstYearDoNotTouchAndTheLastYearFitsTheFrame() throws {
        let chart = FinishesPerYearChart(years: (1986...2025).map { .init(year: $0, held: $0 != 2004, finishes: $0 % 3, funRuns: 1) }).chart()
        let document = try SVGDocument(chart.svg)
        let zero = try #require(document.elements.first { $0.name == "text" && $0.attributes["text-anchor"] == "end" && $0.title == "0" })
        let first = try #require(document.elements.first { $0.name == "text" && $0.title == "1986" })
        let last = try #require(document.elements.first { $0.name == "text" && $0.title == "2025" })
        #expect(Box(first).clears(Box(zero), by: 3))
        let viewWidth = try #require(document.rootAttributes["viewBox"].map { Double($0.split(separator: " ")[2]) ?? 0 })
        #expect(Box(last).maxX <= viewWidth - 2)
        #expect(Box(zero).minX >= 2)
    }
}
