import ArgumentParser
import BarkleyQueries

extension Barkley {
    /// `barkley fun-runs [--year YEAR]`: every fun run, or one year's.
    struct FunRuns: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fun-runs",
            abstract: "List the fun runs: the fun-run distance inside its limit, without a finish.",
            discussion: """
                The fun run is 3 loops (60 miles) since 1995, and "a fun run is still a DNF": \
                finishers are not listed here. Time is at the end of the fun-run distance; \
                Loops counts every loop completed, as some went on into loop 4 or 5. "Complete" \
                says whether the list may be short: an edition whose sources count more fun \
                runs than they name, or do not count them.

                Examples:
                  barkley fun-runs --year 2024
                  barkley fun-runs --format csv
                """)

        @Option(help: "Only the fun runs of this year, such as 2024.")
        var year: Int?

        @OptionGroup var history: HistoryOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let year { try HistoryOptions.validate(year: year) }
        }

        func run() throws {
            if let year {
                let (answer, loops) = try history.answer { (try $0.funRunCompleters(in: year), try $0.editionSummary(year: year).format.loops) }
                try output.print(EditionFunRunsAnswer(race: history.raceTitle, answer: answer, finishLoops: loops))
            } else {
                try output.print(FunRunListAnswer(race: history.raceTitle, answer: try history.answer { try $0.allFunRunCompletions() }))
            }
        }
    }
}

/// Every fun run, by year and time.
///
/// JSON (``BarkleyQueries/FunRunList``): `fun_runs` (array of `year`, `runner`, `country`,
/// `sex`, `first_attempt`, `loops_completed`, `time`) and `completeness`.
struct FunRunListAnswer: Presentable {
    var race: String
    var answer: FunRunList

    var report: Report {
        let runners = Set(answer.funRuns.map(\.runner)).count
        var report = Report(title: "Fun runs of the \(race)")
        report.facts = [
            .init(label: "Fun runs", value: .text("\(answer.funRuns.count) named, by \(Formatting.plural(runners, "runner"))")),
            Formatting.completeness(answer.completeness, where: "the sources count more fun runs than they name, or do not count them"),
        ]
        report.tables = [FunRunTable.table(answer.funRuns, withYear: true, emptyMessage: "No fun runs.")]
        report.csvTable = 0
        report.csvData = FunRunTable.data(answer.funRuns)
        return report
    }

    var json: FunRunList { answer }
}

/// One year's fun runs, fastest first.
///
/// JSON (``BarkleyQueries/EditionFunRuns``): `year`, `held`, `stated_fun_runs`, `fun_runs` (as
/// in ``FunRunListAnswer``) and `completeness`.
struct EditionFunRunsAnswer: Presentable {
    var race: String
    var answer: EditionFunRuns
    /// Loops of a finish that year; nil when unknown.
    var finishLoops: Int?

    /// A race of 3 loops (1986–1988) had no fun run: the fun-run distance was the finish.
    var hadNoFunRun: Bool { answer.held && finishLoops == 3 && answer.funRuns.isEmpty }

    var report: Report {
        var report = Report(title: "Fun runs of the \(race) \(answer.year)" + (answer.held ? "" : " (not held)"))
        if hadNoFunRun {
            report.facts = [.init(label: "Fun runs", value: .text("no fun run: the \(answer.year) race was 3 loops, a finish"))]
        } else if answer.held {
            report.facts = [
                .init(label: "Fun runs", value: FinishTable.count(stated: answer.statedFunRuns, named: answer.funRuns.count)),
                Formatting.completeness(answer.completeness, where: "the sources count more fun runs than they name, or do not count them"),
            ]
        } else {
            report.facts = [.init(label: "Held", value: "no")]
        }
        let empty = hadNoFunRun ? "No fun run: the race was 3 loops." : answer.held ? "No fun runs are named in \(answer.year)." : "No fun runs: the race was not held in \(answer.year)."
        report.tables = [FunRunTable.table(answer.funRuns, withYear: false, emptyMessage: empty)]
        report.csvTable = 0
        report.csvData = FunRunTable.data(answer.funRuns)
        return report
    }

    var json: EditionFunRuns { answer }
}

enum FunRunTable {
    /// CSV: a fun run a row under the JSON's field names and values (`first_attempt` as `true`/`false`).
    static func data(_ funRuns: [FunRun]) -> Table {
        Table(columns: ["year", "runner", "country", "sex", "first_attempt", "loops_completed", .time("time")],
              rows: funRuns.map { funRun in
                  [.text("\(funRun.year)"), .text(funRun.runner), Cell(funRun.country), Cell(funRun.sex?.rawValue),
                   Cell(funRun.firstAttempt.map { "\($0)" }), Cell(funRun.loopsCompleted), Formatting.time(funRun.time)]
              })
    }

    static func table(_ funRuns: [FunRun], withYear: Bool, emptyMessage: String) -> Table {
        Table(
            columns: (withYear ? [.number("Year")] : []) + ["Runner", "Country", "Sex", .number("Loops", key: "loops_completed"), .time("Time")],
            rows: funRuns.map { funRun in
                (withYear ? [.text("\(funRun.year)")] : []) + [
                    .text(funRun.runner), Cell(funRun.country), Cell(funRun.sex?.rawValue), Cell(funRun.loopsCompleted),
                    Formatting.time(funRun.time),
                ]
            },
            emptyMessage: emptyMessage)
    }
}
