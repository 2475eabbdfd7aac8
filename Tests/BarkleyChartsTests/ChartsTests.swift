import BarkleyCharts
import Testing

@Suite struct ChartsTests {
    @Test func everyChartIsWellFormedSVGWithATitleADescriptionAndAPhoneWidthViewBox() throws {
        let charts = [
            FinishesPerYearChart(years: [.init(year: 2001, held: true, finishes: 1, funRuns: 2), .init(year: 2002, held: false, finishes: nil, funRuns: nil)]).chart(),
            AttritionChart(year: 2024, loops: [.init(loop: 1, started: 40, completed: 20)]).chart(),
            LoopTimesChart(id: "x", title: "Loop times", loops: [.init(loop: 1, seconds: 36000, cutoffSeconds: 43200, label: "10:00:00")], limitSeconds: 216000).chart(),
        ]
        for chart in charts {
            let document = try SVGDocument(chart.svg)
            #expect(document.elements.first?.name == "svg")
            #expect(document.rootAttributes["width"] == "100%")
            #expect(document.rootAttributes["viewBox"]?.hasPrefix("0 0 ") == true)
            #expect(document.rootAttributes["role"] == "img")
            #expect(document.text(of: "title") == chart.title)
            #expect(document.text(of: "desc") == chart.summary)
            #expect(!chart.summary.isEmpty)
        }
    }

    @Test func attritionBarsAreProportionalToTheCounts() throws {
        let chart = AttritionChart(year: 2012, loops: [.init(loop: 1, started: 40, completed: 30), .init(loop: 2, started: 30, completed: 10)]).chart()
        let document = try SVGDocument(chart.svg)
        let started = document.rects("bar started").map { $0.number("height") }
        let completed = document.rects("bar completed").map { $0.number("height") }
        #expect(started.count == 2 && completed.count == 2)
        #expect(abs(started[0] / completed[1] - 4) < 0.01)
        #expect(abs(completed[0] / started[1] - 1) < 0.01)
        #expect(abs(started[0] / completed[0] - 40.0 / 30) < 0.01)
        // Bars stand on one baseline.
        let bottoms = (document.rects("bar started") + document.rects("bar completed")).map { $0.number("y") + $0.number("height") }
        #expect(Set(bottoms.map { ($0 * 10).rounded() }).count == 1)
    }

    @Test func unknownCountsAreDrawnAsDashedOutlinesNotAsBarsOfZero() throws {
        let chart = AttritionChart(year: 1990, loops: [.init(loop: 1, started: 20, completed: nil), .init(loop: 2, started: nil, completed: 3, completedIsDeduced: true)]).chart()
        let document = try SVGDocument(chart.svg)
        let unknown = document.rects("bar unknown")
        #expect(unknown.count == 2)
        for rect in unknown {
            #expect(rect.attributes["fill"] == "none")
            #expect(rect.attributes["stroke-dasharray"] != nil)
        }
        #expect(document.rects("bar started").count == 1)
        let deduced = document.rects("bar completed deduced")
        #expect(deduced.count == 1)
        #expect(deduced.first?.attributes["fill-opacity"] == "0.4")
        #expect(document.rects("bar completed").allSatisfy { $0.number("height") > 0 })
        #expect(chart.summary.hasPrefix("Loop 1: 20 started, unknown completed"))
        // Deduced is exact (the one value the other counts leave), never "at least".
        #expect(chart.summary.contains("3 (deduced) completed"))
        #expect(!chart.summary.contains("at least"))
    }

    @Test func finishesPerYearStacksFunRunsOnFinishesAndMarksUnknownAndNotHeldYears() throws {
        let chart = FinishesPerYearChart(years: [
            .init(year: 2011, held: true, finishes: 3, funRuns: 6), .init(year: 2012, held: true, finishes: nil, funRuns: nil),
            .init(year: 2020, held: false, finishes: nil, funRuns: nil),
        ]).chart()
        let document = try SVGDocument(chart.svg)
        let finish = try #require(document.rects("bar finishes").first)
        let funRun = try #require(document.rects("bar fun-runs").first)
        #expect(abs(funRun.number("height") / finish.number("height") - 2) < 0.01)
        #expect(abs((funRun.number("y") + funRun.number("height")) - finish.number("y")) < 0.01)
        #expect(document.rects("bar unknown").count == 1)
        #expect(document.elements.contains { $0.name == "text" && $0.title?.contains("2020: not held") == true })
        #expect(chart.summary.contains("Finishes unknown in 2012"))
    }

    @Test func aYearWithKnownFinishesAndUnknownFunRunsCapsItsBarWithAQuestionMarkNotAZero() throws {
        let chart = FinishesPerYearChart(years: [
            .init(year: 1990, held: true, finishes: 0, funRuns: nil), .init(year: 2013, held: true, finishes: 2, funRuns: nil),
            .init(year: 2024, held: true, finishes: 5, funRuns: 7),
        ]).chart()
        let document = try SVGDocument(chart.svg)
        let caps = document.rects("bar unknown-part")
        #expect(caps.count == 2)
        let finishes = document.rects("bar finishes")
        // 2013's cap sits on its finish bar; 1990's on the baseline.
        let bar2013 = try #require(finishes.first { $0.number("height") > 0 && $0.number("x") == caps[1].number("x") })
        #expect(abs(caps[1].number("y") + caps[1].number("height") - bar2013.number("y")) < 0.01)
        #expect(caps[0].number("y") + caps[0].number("height") > bar2013.number("y"))
        #expect(chart.summary.contains("Fun runs unknown in 1990, 2013."))
        #expect(!chart.summary.contains("2024."))
    }

    @Test func loopTimesShowTheCutoffAndAnUnknownTimeAndHollowMinuteTimes() throws {
        let chart = LoopTimesChart(id: "paris-2024", title: "Jasmin Paris, 2024", loops: [
            .init(loop: 1, seconds: nil, cutoffSeconds: 43200, label: "unknown"),
            .init(loop: 2, seconds: 80000, isApproximate: true, cutoffSeconds: 86400, label: "22:13:--"),
        ], limitSeconds: 216000).chart()
        let document = try SVGDocument(chart.svg)
        #expect(document.elements.filter { $0.name == "line" && $0.attributes["class"] == "cutoff" }.count == 2)
        #expect(document.elements.filter { $0.name == "line" && $0.attributes["class"] == "limit" }.count == 1)
        #expect(document.rects("bar unknown").count == 1)
        let approximate = try #require(document.rects("bar time approximate").first)
        #expect(approximate.attributes["fill"] == "none")
        #expect(chart.summary == "Loop 1 at an unknown time, loop 2 at 22:13:--.")
    }

    @Test func theLegendKeysOnlyWhatTheChartDraws() throws {
        let chart = LoopTimesChart(id: "k", title: "Known times, no cutoffs", loops: [.init(loop: 1, seconds: 30000, cutoffSeconds: nil, label: "8:20:00")],
                                   limitSeconds: nil).chart()
        let labels = try SVGDocument(chart.svg).elements.filter { $0.name == "text" }.compactMap(\.title)
        #expect(labels.contains("time"))
        #expect(!labels.contains("cutoff"))
        #expect(!labels.contains("unknown"))
    }

    @Test func namesWithMarkupCharactersAreEscapedInTheSVG() throws {
        let chart = LoopTimesChart(id: "a\"b", title: "O'Brien <&> \"Smith\"", loops: [.init(loop: 1, seconds: 3600, cutoffSeconds: nil, label: "1:00:00")],
                                   limitSeconds: nil).chart()
        let document = try SVGDocument(chart.svg)
        #expect(document.text(of: "title") == "O'Brien <&> \"Smith\"")
    }
}

/// Count axes are labelled in round steps, whatever the largest count.
@Suite struct CountAxisTests {
    @Test(arguments: [(35, [0, 10, 20, 30, 40]), (19, [0, 5, 10, 15, 20]), (12, [0, 5, 10, 15]), (40, [0, 10, 20, 30, 40]),
                      (41, [0, 10, 20, 30, 40, 50]), (1, [0, 1]), (7, [0, 2, 4, 6, 8]), (230, [0, 50, 100, 150, 200, 250])])
    func anAttritionChartsAxisIsLabelledInRoundSteps(maximum: Int, labels: [Int]) throws {
        let chart = AttritionChart(year: 1998, loops: [.init(loop: 1, started: maximum, completed: maximum / 2)]).chart()
        let document = try SVGDocument(chart.svg)
        // The axis labels are the texts at the left edge, anchored at their end.
        let axis = document.elements.filter { $0.name == "text" && $0.attributes["text-anchor"] == "end" }.compactMap { Int($0.title ?? "") }
        #expect(axis == labels)
        // The tallest bar is drawn to scale against that axis: its value over the top label.
        let started = try #require(document.rects("bar started").first)
        let plot = try #require(document.elements.first { $0.name == "line" }).number("y1")  // the baseline
        #expect(abs(started.number("height") / (plot - 40) - Double(maximum) / Double(labels.last ?? 1)) < 0.001)
    }
}

/// The loop-times chart's time axis is labelled in round steps of hours (H:00), whatever the longest time.
@Suite struct HourAxisTests {
    @Test(arguments: [
        (216_000, ["0:00", "12:00", "24:00", "36:00", "48:00", "60:00"]),  // a 60-hour limit
        (129_600, ["0:00", "8:00", "16:00", "24:00", "32:00", "40:00"]),  // 36 hours
        (46_800, ["0:00", "4:00", "8:00", "12:00", "16:00"]),  // 13 hours
        (36_000, ["0:00", "2:00", "4:00", "6:00", "8:00", "10:00"]),  // 10 hours
        (1_800, ["0:00", "1:00"]),  // half an hour
        (360_000, ["0:00", "24:00", "48:00", "72:00", "96:00", "120:00"]),  // 100 hours: whole days
    ])
    func aLoopTimesChartsAxisIsLabelledInRoundHours(seconds: Int, labels: [String]) throws {
        let chart = LoopTimesChart(id: "x", title: "Loop times", loops: [.init(loop: 1, seconds: seconds, cutoffSeconds: nil, label: "t")],
                                   limitSeconds: nil).chart()
        let document = try SVGDocument(chart.svg)
        let axis = document.elements.filter { $0.name == "text" && $0.attributes["text-anchor"] == "end" }.compactMap(\.title)
        #expect(axis == labels)
        // The bar is drawn to scale against that axis: its time over the top label's.
        let bar = try #require(document.rects("bar time").first)
        let plot = try #require(document.elements.first { $0.name == "line" }).number("y1")  // the baseline
        let top = try #require(Int(labels.last?.dropLast(3) ?? ""))
        #expect(abs(bar.number("height") / (plot - 40) - Double(seconds) / Double(top * 3600)) < 0.001)
    }

    @Test func theLimitSetsTheTopWhenItIsTheLongestTime() throws {
        let chart = LoopTimesChart(id: "x", title: "Loop times", loops: [.init(loop: 1, seconds: 36_000, cutoffSeconds: 43_200, label: "10:00:00")],
                                   limitSeconds: 216_000).chart()
        let axis = try SVGDocument(chart.svg).elements.filter { $0.name == "text" && $0.attributes["text-anchor"] == "end" }.compactMap(\.title)
        #expect(axis.last == "60:00")
    }
}
