import BarkleyArchive
import BarkleyCharts
import BarkleyPresentation
import BarkleyQueries

/// `runners/SLUG/index.html`: the career, year by year (each outcome with its reason where a
/// source gives one, worded as on the edition page), and a chart a year of the runner's loop
/// times against that edition's cutoffs.
struct RunnerPage {
    struct YearChart {
        var year: Int
        var editionHref: String
        var chart: ChartModel
    }

    var title: String
    var root = "../../"
    var facts: [FactModel]
    var hasFacts = true
    var tables: [TableModel]
    var charts: [YearChart]
    var hasCharts: Bool

    /// - Parameter formats: each edition's format by year, for the cutoffs and the limit.
    init(career: Career, slug: String, formats: [Int: RaceFormat]) {
        title = career.runner
        facts = [
            FactModel("Starts", "\(career.starts)"),
            FactModel("Finishes", "\(career.finishes)"),
            FactModel("Fun runs", "\(career.funRuns)"),
            FactModel("Years", Presentation.years(career.years.map(\.year))),
        ]
        if !career.aliases.isEmpty { facts.append(FactModel("Also listed as", Presentation.list(career.aliases))) }
        facts.append(FactModel("Complete", Presentation.completeness(career.completeness, where: "the list of starters is partial",
                                                                 othersListed: Presentation.disputesOnEditionPages)))
        let maxLoops = career.years.flatMap { $0.times.map(\.loop) }.max() ?? 0
        let loopColumns = (0..<maxLoops).map { ColumnModel("Loop \($0 + 1)", numeric: true) }
        let rows: [[CellModel]] = career.years.map { year in
            let byLoop = Dictionary(year.times.map { ($0.loop, $0) }, uniquingKeysWith: { first, _ in first })
            return [CellModel("\(year.year)", href: "../../editions/\(year.year)/index.html"),
                    CellModel(year.country), CellModel(year.loopsCompleted.map(String.init), numeric: true),
                    CellModel(Presentation.outcome(year.outcome, reason: year.reason, note: year.reasonNote))]
                + (0..<maxLoops).map { index in
                    let loop = index + 1
                    guard let split = byLoop[loop] else {
                        return loop <= (year.loopsCompleted ?? 0) ? CellModel(nil, numeric: true) : CellModel("", numeric: true)
                    }
                    return CellModel(Presentation.time(split.time), numeric: true)
                }
        }
        tables = [TableModel(heading: "Career", note: "Cumulative time at the end of each loop.",
                             columns: [ColumnModel("Year"), ColumnModel("Country"), ColumnModel("Loops", numeric: true), ColumnModel("Outcome")]
                                + loopColumns,
                             rows: rows, emptyMessage: "No entry is known.", stacked: true)]
        // Notes apart from the times, so a long note does not squeeze the table on a phone.
        let notes = career.years.compactMap { year in year.note.map { [CellModel("\(year.year)", href: "../../editions/\(year.year)/index.html"), CellModel($0)] } }
        if !notes.isEmpty { tables.append(TableModel(heading: "Notes", columns: [ColumnModel("Year"), ColumnModel("Note")], rows: notes)) }
        charts = career.years.filter { !$0.times.isEmpty }.map { year in
            let format = formats[year.year] ?? RaceFormat()
            let loops = max(year.times.map(\.loop).max() ?? 0, year.loopsCompleted ?? 0)
            let byLoop = Dictionary(year.times.map { ($0.loop, $0) }, uniquingKeysWith: { first, _ in first })
            let chart = LoopTimesChart(
                id: "loops-\(slug)-\(year.year)", title: "\(career.runner), \(year.year): loop times against the cutoffs",
                loops: (0..<loops).map { index in
                    let split = byLoop[index + 1]
                    return LoopTimesChart.Loop(loop: index + 1, seconds: split?.time.seconds, isApproximate: split?.time.isApproximate ?? false,
                                               cutoffSeconds: format.cutoffs[index + 1]?.seconds,
                                               label: Presentation.time(split?.time))
                },
                limitSeconds: format.timeLimit?.seconds).chart()
            return YearChart(year: year.year, editionHref: "../../editions/\(year.year)/index.html", chart: ChartModel(chart))
        }
        hasCharts = !charts.isEmpty
    }
}
