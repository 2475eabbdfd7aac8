import ArgumentParser
import BarkleyQueries

extension Barkley {
    /// `barkley editions`: every edition on one line, or (`--summary`) the aggregates of them all.
    struct EditionsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "editions",
            abstract: "List every edition on one line: start, starters, loops, finishers, fun runs, winner.",
            discussion: """
                Started and Completed are the furthest loop anyone started and completed, where \
                known (a later loop whose count is unknown leaves them unknown). The winner is the \
                fastest finisher ("none" when nobody finished). Complete is "yes" where the \
                sources name every starter. Unknown is never 0.

                --summary gives the mean and median winning time (over one distance: the latest \
                format's, 5 loops, unless --loops), the largest field, the earliest and latest \
                start time and the years without a finisher, each with the editions it rests on.

                Examples:
                  barkley editions
                  barkley editions --sort starters
                  barkley editions --summary --format json
                """)

        enum Sort: String, CaseIterable, ExpressibleByArgument {
            case year, starters, finishers, start
            case winningTime = "winning-time"

            var order: EditionOrder {
                switch self {
                case .year: .year
                case .starters: .starters
                case .finishers: .finishers
                case .start: .start
                case .winningTime: .winningTime
                }
            }
        }

        @Option(help: "Order the editions: largest field, most finishers, earliest start time, fastest winning time first; unknown last.")
        var sort: Sort = .year

        @Flag(help: "The aggregates instead of the list: winning times, largest field, start times, years without a finisher.")
        var summary = false

        @Option(help: "With --summary, average the winning times of editions whose finish was this many loops (default: the latest format's).")
        var loops: Int?

        @OptionGroup var chart: ChartOptions
        @OptionGroup var history: HistoryOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let loops, loops < 1 { throw ValidationError("--loops must be 1 or more.") }
            if loops != nil, !summary { throw ValidationError("--loops goes with --summary: the list shows every edition's own distance.") }
        }

        func run() throws {
            try history.requireFinishes(ofLoops: loops)
            if summary {
                try output.print(EditionAggregatesAnswer(race: history.raceTitle,
                                                         aggregates: try history.answer { try $0.editionAggregates(loops: loops) },
                                                         compact: output.format == .table))
            } else {
                let index = try history.answer { try $0.editionIndex() }.sorted(by: sort.order)
                try output.print(EditionIndexAnswer(race: history.raceTitle, index: index, drawsChart: chart.draws(in: output.format),
                                                    compact: output.format == .table))
            }
        }
    }
}

/// Every edition, one line each.
///
/// JSON (``BarkleyQueries/EditionIndex``): `editions` (array of `year`, `held`, `start_date`,
/// `start_time`, `loops`, `starters`, `furthest_loop_started`, `furthest_loop_completed`, `finishers`,
/// `fun_runs`, `winner`, `winning_time`, `entrant_list`, `named_entrants`, `is_complete`),
/// `completeness`.
struct EditionIndexAnswer: Presentable {
    var race: String
    var index: EditionIndex
    var drawsChart = false

    /// The terminal's layout: what a line holds in 80 columns (start without its year, the
    /// furthest loops as `5/5`, fun runs as `Fun`, unknown as `?`, said in the footer), with
    /// each edition's completeness summed up in the facts. CSV, Markdown and JSON keep every
    /// field in its own column and unknown as they always write it.
    var compact = false

    /// The completeness of the winners alone; its disputed values are said on their own line.
    private var winnersNamed: Completeness {
        var completeness = index.completeness
        completeness.disputed = []
        return completeness
    }

    var report: Report {
        var report = Report(title: "Editions of the \(race)")
        let held = index.editions.filter(\.held)
        let complete = held.filter(\.isComplete).map(\.year)
        report.facts = [
            .init(label: "Editions", value: .text("\(index.editions.count), \(held.count) held")),
            .init(label: "Every starter named", value: .text(complete.isEmpty ? "in no edition" : "in \(Formatting.years(complete))")),
            // Whether each edition's winner is the fastest finisher: not where a finisher is unnamed.
            Formatting.completeness(winnersNamed, where: "the sources count more finishers than they name",
                                    label: "Every winner named"),
        ]
        // The disputed values the whole table rests on, on a line of their own: beside "Every
        // winner named" they read as disputes of the winners (a start time, a field's size).
        if !index.completeness.disputed.isEmpty {
            report.facts.append(.init(label: "Disputed", value: .text(index.completeness.disputed.joined(separator: ", ")
                + " (the preferred values are used; `barkley disputes` lists the others)")))
        }
        if compact {
            report.tables = [Table(
                // Short headings, explained in the footer: with "Starters" and "Finishers" the
                // table did not fit 60 columns and was drawn as 40 stacked blocks.
                columns: [.number("Year"), "Start", .number("Field"), .number("Loops"), .number("Fin"), .number("Fun"), .number("Time"),
                          "Winner"],
                rows: index.editions.map(compactRow),
                emptyMessage: "No editions.")]
            report.unknownText = "?"
            report.footer = "Field: starters. Loops: furthest loop started/completed. Fin: finishers. Fun: fun runs, not finishes. 4+: at least 4. ?: unknown."
        } else {
            report.tables = [Table(
                columns: [.number("Year"), "Start", .number("Starters"), .number("Started"), .number("Completed"), .number("Finishers"),
                          .number("Fun runs"), "Winner", .time("Time"), "Complete"],
                rows: index.editions.map(row),
                emptyMessage: "No editions.")]
            report.footer = "Started, Completed: the furthest loop anyone started and completed."
        }
        report.csvTable = 0
        report.csvData = data
        if drawsChart { report.charts = [chart] }
        return report
    }

    private func row(_ line: EditionLine) -> [Cell] {
        guard line.held else { return [.text("\(line.year)"), "not held", "", "", "", "", "", "", "", "yes"] }
        let start = [line.startDate ?? line.startTime.map { _ in "date unknown," }, line.startTime].compactMap { $0 }.joined(separator: " ")
        return [.text("\(line.year)"), start.isEmpty ? .unknown : .text(start), Cell(line.starters), Cell(line.furthestLoopStarted),
                Cell(line.furthestLoopCompleted), Cell(line.finishers), Cell(line.funRuns), winner(line),
                line.finishers == 0 ? "" : Formatting.time(line.winningTime), line.isComplete ? "yes" : "no"]
    }

    /// CSV: an edition a row under the JSON's field names and values (`start_date` and
    /// `start_time` apart, `held` and `is_complete` as `true`/`false`, the winner empty when
    /// nobody finished, as JSON's null).
    private var data: Table {
        Table(columns: ["year", "held", "start_date", "start_time", "loops", "starters", "furthest_loop_started", "furthest_loop_completed",
                        "finishers", "fun_runs", "winner", .time("winning_time"), "entrant_list", "named_entrants", "is_complete"],
              rows: index.editions.map { line in
                  [.text("\(line.year)"), .text("\(line.held)"), Cell(line.startDate), Cell(line.startTime), Cell(line.loops), Cell(line.starters),
                   Cell(line.furthestLoopStarted), Cell(line.furthestLoopCompleted), Cell(line.finishers), Cell(line.funRuns), Cell(line.winner),
                   Formatting.time(line.winningTime), .text(line.entrantList.rawValue), .text("\(line.namedEntrants)"), .text("\(line.isComplete)")]
              })
    }

    private func compactRow(_ line: EditionLine) -> [Cell] {
        guard line.held else { return [.text("\(line.year)"), "not held", "", "", "", "", "", ""] }
        let date = line.startDate.map { String($0.dropFirst(5)) } ?? (line.startTime == nil ? nil : "?")
        let start = [date, line.startTime].compactMap { $0 }.joined(separator: " ")
        // Unknown, but known to be at least N: `N+` (2025: loop 3 started and completed by some).
        func atLeast(_ value: Int?, _ bound: Int?) -> String { value.map(String.init) ?? bound.map { "\($0)+" } ?? "?" }
        let loops = atLeast(line.furthestLoopStarted, line.furthestLoopStartedAtLeast) + "/"
            + atLeast(line.furthestLoopCompleted, line.furthestLoopCompletedAtLeast)
        let funRuns: Cell = line.funRuns == nil && line.namedFunRuns > 0 ? .text("\(line.namedFunRuns)+") : Cell(line.funRuns)
        return [.text("\(line.year)"), start.isEmpty ? .unknown : .text(start), Cell(line.starters), .text(loops),
                Cell(line.finishers), funRuns, line.finishers == 0 ? "" : Formatting.time(line.winningTime), winner(line)]
    }

    /// "none" when nobody finished, unknown when finishers are not named.
    private func winner(_ line: EditionLine) -> Cell { line.finishers == 0 ? "none" : Cell(line.winner) }

    /// Starters per edition, the finishers among them solid.
    private var chart: BarChart {
        BarChart(title: "Starters and finishers", rows: index.editions.map { line in
            guard line.held else { return BarChart.Row(label: "\(line.year)", value: 0, part: nil, text: "not held") }
            let text = "\(line.starters.map(String.init) ?? "unknown") started, \(line.finishers.map(String.init) ?? "unknown") finished"
            return BarChart.Row(label: "\(line.year)", value: line.starters, part: line.finishers, text: text,
                                partIsUnknown: line.finishers == nil)
        }, legend: "█ finishers  ░ other starters  \(BarChart.unknownPart) finishers unknown  \(BarChart.unknownBar) starters unknown")
    }

    var json: EditionIndex { index }
}
