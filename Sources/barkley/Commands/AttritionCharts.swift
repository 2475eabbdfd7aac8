import BarkleyQueries

extension EditionAttritionAnswer {
    /// Two bars a loop, started and completed; an unknown count draws ``BarChart/unknownBar``.
    var chart: BarChart {
        BarChart(title: "Started and completed, loop by loop", rows: attrition.loops.flatMap { loop in
            [BarChart.Row(label: "Loop \(loop.loop) started", value: loop.started, part: nil, text: loop.started.map(String.init) ?? "unknown"),
             BarChart.Row(label: "       completed", value: loop.completed, part: nil, text: loop.completed.map(String.init) ?? "unknown")]
        }, legend: "\(BarChart.unknownBar) unknown (never 0)")
    }
}

extension HistoryAttritionAnswer {
    /// One bar a loop: started, with the completed part solid; editions with an unknown count
    /// are left out of the bar and named in its text.
    var chart: BarChart {
        BarChart(title: "Started and completed, loop by loop, summed", rows: attrition.loops.map { loop in
            let unknown = "unknown in \(Formatting.plural(loop.unknownYears.count, "edition"))"
            // No edition knows both counts: nothing summed, which is unknown, not zero.
            guard !loop.years.isEmpty else { return BarChart.Row(label: "Loop \(loop.loop)", value: nil, part: nil, text: unknown) }
            return BarChart.Row(label: "Loop \(loop.loop)", value: loop.started, part: loop.completed,
                                text: "\(loop.completed) of \(loop.started)" + (loop.unknownYears.isEmpty ? "" : "; " + unknown))
        }, legend: "█ completed  ░ started, not completed  \(BarChart.unknownBar) no edition knows both")
    }
}
