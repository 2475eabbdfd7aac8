import ArgumentParser
import BarkleyArchive
import BarkleyQueries

extension Barkley {
    /// `barkley most starts|finishes|fun-runs`: runners ranked by a count.
    struct MostCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "most",
            abstract: "Rank runners by starts, finishes or fun runs.",
            discussion: """
                Equal counts share a rank, the earlier first year first; everyone tied with \
                the last runner within --limit is listed too, and the answer says how many. \
                Counts are of named \
                entries: most editions do not name every starter, so starts in particular may be \
                low ("Complete"). Every count is of one race, by default the 100-mile race \
                (--category 3_loop for the early 3-loop race, 1986-1988).

                Examples:
                  barkley most finishes
                  barkley most starts --limit 5 --format json
                  barkley most finishes --loops 5
                """)

        enum Tally: String, CaseIterable, ExpressibleByArgument {
            case starts, finishes
            case funRuns = "fun-runs"

            var heading: String {
                switch self {
                case .starts: "Starts"
                case .finishes: "Finishes"
                case .funRuns: "Fun runs"
                }
            }
        }

        @Argument(help: ArgumentHelp("What to count.", valueName: "count"))
        var tally: Tally

        // Unconditional: `--limit -3` is read as the value -3 and refused by validate() ("must be
        // 1 or more"), not as a missing value followed by an unknown option.
        @Option(parsing: .unconditional, help: "How many runners to list.")
        var limit = 10

        @Option(help: "Count only the editions whose finish was this many loops (5: the 100-mile race; default: every edition).")
        var loops: Int?
        @Option(help: "The race counted: 100_mile (default) or 3_loop; never both.")
        var category: RaceCategory?

        @OptionGroup var history: HistoryOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard limit >= 1 else { throw ValidationError("--limit must be 1 or more.") }
            if let loops, loops < 1 { throw ValidationError("--loops must be 1 or more.") }
        }

        func run() throws {
            try history.requireFinishes(ofLoops: loops, category: category)
            // The query keeps a tie at the limit whole and says how many it added (tiedPastLimit).
            let ranking = try history.answer { history in
                switch tally {
                case .starts: try history.mostStarts(limit: limit, loops: loops, category: category)
                case .finishes: try history.mostFinishes(limit: limit, loops: loops, category: category)
                case .funRuns: try history.mostFunRuns(limit: limit, loops: loops, category: category)
                }
            }
            // The race counted, as the query resolves it: nil with --loops alone (any race of that distance).
            let counted = category ?? (loops == nil ? .hundredMile : nil)
            try output.print(RankingAnswer(race: history.raceTitle, category: counted, tally: tally, ranking: ranking))
        }
    }
}

/// Runners ranked by a count.
///
/// JSON (``BarkleyQueries/RunnerRanking``): `runners` (array of `rank`, `runner`, `count`,
/// `years`), `completeness` (where the counts may be low), `loops`, `limit` and
/// `tied_past_limit` (how many of the runners are listed past the limit because they tie with
/// the last one within it).
struct RankingAnswer: Presentable {
    var race: String
    /// The race counted (the 100-mile or the 3-loop race); nil when `--loops` alone picks the editions.
    var category: RaceCategory?
    var tally: Barkley.MostCommand.Tally
    var ranking: RunnerRanking

    var report: Report {
        // The race named as `firsts` and `records` name it: a count of one race, never both.
        var report = Report(title: "Most \(tally.heading.lowercased()) in the \(race)" + (category.map { ", the \($0.label) race" } ?? "")
            + (ranking.loops.map { ", \(Formatting.plural($0, "loop"))" } ?? ""))
        let reason = switch tally {
        case .starts: "the entrant list is partial"
        case .finishes: "the sources count more finishers than they name"
        case .funRuns: "the sources count more fun runs than they name, or do not count them"
        }
        report.facts = [Formatting.completeness(ranking.completeness, where: reason)]
        report.tables = [Table(
            columns: [.number("Rank"), "Runner", .number(tally.heading, key: "count"), "Years"],
            rows: ranking.runners.map { [.text("\($0.rank)"), .text($0.runner), .text("\($0.count)"), .text(Formatting.years($0.years))] },
            emptyMessage: "Nobody yet.")]
        report.csvTable = 0
        // CSV as JSON: `years` as `2012;2014;2016;2024`, where the table reads `2012, 2014, 2016, 2024`.
        report.csvData = Table(columns: [.number("Rank", key: "rank"), .text("Runner", key: "runner"), .number("Count", key: "count"),
                                         .text("Years", key: "years")],
                               rows: ranking.runners.map { [.text("\($0.rank)"), .text($0.runner), .text("\($0.count)"),
                                                            .text($0.years.map(String.init).joined(separator: ";"))] })
        if ranking.tiedPastLimit > 0, let last = ranking.runners.last, let limit = ranking.limit {
            let singular = switch tally {
            case .starts: "start"
            case .finishes: "finish"
            case .funRuns: "fun run"
            }
            let tied = ranking.runners.filter { $0.rank == last.rank }.count
            report.footer = "\(tied) runners share rank \(last.rank) with \(Formatting.plural(last.count, singular, tally.heading.lowercased())) each: "
                + "all are listed, \(ranking.tiedPastLimit) past --limit \(limit)."
        }
        return report
    }

    var json: RunnerRanking { ranking }
}
