import ArgumentParser
import BarkleyQueries

extension Barkley {
    /// `barkley attrition [YEAR]`: how the field thinned out, loop by loop.
    struct AttritionCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "attrition",
            abstract: "Show how many started and completed each loop, in one edition or across history.",
            discussion: """
                Counts are the published ones, or deduced where the published counts leave only \
                one value possible (column Deduced); otherwise unknown, never 0. Named is the \
                runners the sources name as completing the loop, a lower bound. Across history, \
                each loop sums the editions where both counts are known.

                On a terminal, the table format draws the counts as bars (--no-chart to turn \
                them off, --chart to draw them into a pipe); an unknown count is drawn as ╌╌╌?, \
                never as an empty bar.
                --by-reason adds the named non-finishers (fun runs included, finishes never) \
                counted by the reason the sources give (refused_to_continue, missed_cutoff, lost, \
                injured, sick, pages_missing, other; then the disqualified, whatever their code; \
                then those with no coded reason); in JSON, the field `by_reason`.

                Examples:
                  barkley attrition 2012
                  barkley attrition 1998 --by-reason
                  barkley attrition --format csv
                  barkley attrition 2024 --no-chart
                """)

        @Argument(help: "One edition, such as 2012; without it, every edition summed.")
        var year: Int?

        @OptionGroup var chart: ChartOptions

        @Flag(help: "Also count the non-finishers by the reason the sources give.")
        var byReason = false

        @OptionGroup var history: HistoryOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let year { try HistoryOptions.validate(year: year) }
        }

        func run() throws {
            let reasons = byReason ? try history.answer { try $0.dropReasons(year: year) } : nil
            if let year {
                let answer = EditionAttritionAnswer(race: history.raceTitle, attrition: try history.answer { try $0.attrition(year: year) },
                                                    drawsChart: chart.draws(in: output.format))
                if let reasons { try output.print(DropReasonsAnswer(base: answer, reasons: reasons)) } else { try output.print(answer) }
            } else {
                let answer = HistoryAttritionAnswer(race: history.raceTitle, attrition: try history.answer { try $0.attritionAcrossHistory() },
                                                    drawsChart: chart.draws(in: output.format))
                if let reasons { try output.print(DropReasonsAnswer(base: answer, reasons: reasons)) } else { try output.print(answer) }
            }
        }
    }
}

/// One edition, loop by loop.
///
/// JSON (``BarkleyQueries/EditionAttrition``): `year`, `held`, `starters`, `loops` (array of
/// `loop`, `started`, `completed`, `started_is_deduced`, `completed_is_deduced`,
/// `named_completed`).
struct EditionAttritionAnswer: Presentable {
    var race: String
    var attrition: EditionAttrition
    /// Bars under the table (see ``ChartOptions``).
    var drawsChart = false

    var report: Report {
        var report = Report(title: "Attrition in the \(race) \(attrition.year)" + (attrition.held ? "" : " (not held)"))
        report.facts = attrition.held ? [.init(label: "Starters", value: Cell(attrition.starters))] : [.init(label: "Held", value: "no")]
        report.tables = [Table(
            columns: [.number("Loop"), .number("Started"), .number("Completed"), .number("Named", key: "named_completed"), "Deduced"],
            rows: attrition.loops.map { loop in
                let deduced = [loop.startedIsDeduced ? "started" : nil, loop.completedIsDeduced ? "completed" : nil].compactMap { $0 }
                return [.text("\(loop.loop)"), Cell(loop.started), Cell(loop.completed), .text("\(loop.namedCompleted)"),
                        .text(deduced.joined(separator: ", "))]
            },
            emptyMessage: attrition.held ? "No loop is known." : "No loops: the race was not held in \(attrition.year).")]
        report.csvTable = 0
        // CSV: the JSON's fields and values; "Deduced" reads both flags as words.
        report.csvData = Table(
            columns: ["loop", "started", "started_is_deduced", "completed", "completed_is_deduced", "named_completed"],
            rows: attrition.loops.map { loop in
                [.text("\(loop.loop)"), Cell(loop.started), .text("\(loop.startedIsDeduced)"), Cell(loop.completed),
                 .text("\(loop.completedIsDeduced)"), .text("\(loop.namedCompleted)")]
            })
        if drawsChart, !attrition.loops.isEmpty { report.charts = [chart] }
        return report
    }

    var json: EditionAttrition { attrition }
}

/// Every edition summed, loop by loop.
///
/// JSON (``BarkleyQueries/HistoryAttrition``): `loops` (array of `loop`, `years` (the editions
/// summed), `started`, `completed`, `unknown_years` (editions with the loop where a count is
/// unknown)).
struct HistoryAttritionAnswer: Presentable {
    var race: String
    var attrition: HistoryAttrition
    /// Bars under the table (see ``ChartOptions``).
    var drawsChart = false

    var report: Report {
        var report = Report(title: "Attrition in the \(race), every edition")
        report.tables = [Table(
            columns: [.number("Loop"), .number("Editions"), .number("Started"), .number("Completed"), .number("Completed %"), .number("Unknown in")],
            rows: attrition.loops.map { loop in
                let rate: Cell = loop.started > 0 ? .text("\(Int((100 * Double(loop.completed) / Double(loop.started)).rounded()))%") : .unknown
                return [.text("\(loop.loop)"), .text("\(loop.years.count)"), .text("\(loop.started)"), .text("\(loop.completed)"), rate,
                        .text(Formatting.plural(loop.unknownYears.count, "edition"))]
            },
            emptyMessage: "No loop is known.")]
        report.csvTable = 0
        // CSV: the JSON's fields and values; years as `1987;1995`, where the table counts them.
        report.csvData = Table(columns: ["loop", "started", "completed", "years", "unknown_years"], rows: attrition.loops.map { loop in
            [.text("\(loop.loop)"), .text("\(loop.started)"), .text("\(loop.completed)"),
             .text(loop.years.map(String.init).joined(separator: ";")), .text(loop.unknownYears.map(String.init).joined(separator: ";"))]
        })
        if drawsChart, !attrition.loops.isEmpty { report.charts = [chart] }
        report.footer = "Editions: those where both counts of the loop are known, summed; Unknown in: editions with the loop where a count is unknown."
        return report
    }

    var json: HistoryAttrition { attrition }
}
