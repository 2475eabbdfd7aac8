import ArgumentParser
import BarkleyArchive
import BarkleyQueries

extension RaceCategory: ExpressibleByArgument {}

extension Barkley {
    /// `barkley firsts [--loops N]`: the first finish, first woman, first from each country….
    struct FirstsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "firsts",
            abstract: "Show the firsts: first finish, first woman, first on a first attempt, first from each country.",
            discussion: """
                Counts one race, never both: by default the 100-mile race (first finish Mark \
                Williams, 1995; first fun run 1991); --category 3_loop the early 3-loop race (Ed \
                Furtaw's finish, 1988). --loops 5 counts only the 5-loop editions of the 100-mile race. \
                Complete is "no" where an earlier case could be hidden: an entry the sources do \
                not name, or one whose sex, country or first attempt is unknown.

                Examples:
                  barkley firsts
                  barkley firsts --loops 5 --format markdown
                  barkley firsts --category 3_loop
                """)

        @Option(help: "Count only the editions whose finish was this many loops (default: every edition of the race).")
        var loops: Int?

        @Option(help: "The race: 100_mile or 3_loop (default: 3_loop for --loops 3, otherwise 100_mile).")
        var category: RaceCategory?

        @OptionGroup var history: HistoryOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let loops, loops < 1 { throw ValidationError("--loops must be 1 or more.") }
        }

        func run() throws {
            try history.requireFinishes(ofLoops: loops, category: category)
            try output.print(FirstsAnswer(race: history.raceTitle, firsts: try history.answer { try $0.firsts(loops: loops, category: category) }))
        }
    }
}

/// The race's firsts.
///
/// JSON (``BarkleyQueries/Firsts``): `loops` (null: every distance); `category` (`100_mile` or
/// `3_loop`: the race counted, never both); `finish`, `woman_finish`,
/// `first_attempt_finish`, `fun_run`, `woman_fun_run` (each a milestone: `year`, null when it has
/// not happened; `achievers`, finishes or fun runs as in ``FinishListAnswer`` and
/// ``FunRunListAnswer``; `completeness`); `finish_by_country` (array of `country`, `milestone`);
/// `country_completeness`.
struct FirstsAnswer: Presentable {
    var race: String
    var firsts: Firsts

    var report: Report {
        var report = Report(title: "Firsts of the \(race), the \(firsts.category.label) race" + (firsts.loops.map { ", \(Formatting.plural($0, "loop"))" } ?? ""))
        var rows: [[Cell]] = []
        func add(_ label: String, _ milestone: Milestone<Finish>) {
            let complete: Cell = milestone.completeness.isComplete ? "yes" : "no"
            guard !milestone.achievers.isEmpty else { return rows.append([.text(label), "not yet", "", "", "", complete]) }
            for finish in milestone.achievers {
                rows.append([.text(label), .text("\(finish.year)"), .text(finish.runner), Formatting.time(finish.time), Formatting.margin(finish), complete])
            }
        }
        func add(_ label: String, _ milestone: Milestone<FunRun>) {
            let complete: Cell = milestone.completeness.isComplete ? "yes" : "no"
            guard !milestone.achievers.isEmpty else { return rows.append([.text(label), "not yet", "", "", "", complete]) }
            for funRun in milestone.achievers {
                rows.append([.text(label), .text("\(funRun.year)"), .text(funRun.runner), Formatting.time(funRun.time), "", complete])
            }
        }
        add("Finish", firsts.finish)
        add("Woman to finish", firsts.womanFinish)
        add("Finish on a first try", firsts.firstAttemptFinish)
        add("Fun run", firsts.funRun)
        add("Woman's fun run", firsts.womanFunRun)
        for country in firsts.finishByCountry {
            add("Finisher from \(country.country)", country.milestone)
        }
        report.tables = [Table(columns: ["First", .number("Year"), "Runner", .time("Time"), .time("Margin"), .text("Complete", key: "is_complete")], rows: rows)]
        report.csvTable = 0
        report.csvData = data
        if !firsts.countryCompleteness.isComplete {
            report.footer = "A country's first finish may be missing or earlier than listed: "
                + "\(Formatting.years(firsts.countryCompleteness.incompleteYears)) have finishes not named or of unknown country."
        }
        return report
    }

    var json: Firsts { firsts }

    /// CSV: an achiever of a milestone a row, the JSON flattened: `first` the milestone's field
    /// (`finish`, `woman_finish`, `first_attempt_finish`, `fun_run`, `woman_fun_run`,
    /// `finish_by_country`), the achiever's fields (``FinishFields``), `is_complete` the
    /// milestone's completeness; a milestone not yet reached is one row with its fields empty.
    private var data: Table {
        var rows: [[Cell]] = []
        func add(_ first: String, _ milestone: Milestone<Finish>) {
            let complete: Cell = .text("\(milestone.completeness.isComplete)")
            guard !milestone.achievers.isEmpty else { return rows.append([.text(first)] + FinishFields.none + [complete]) }
            rows += milestone.achievers.map { [.text(first)] + FinishFields.cells($0) + [complete] }
        }
        func add(_ first: String, _ milestone: Milestone<FunRun>) {
            let complete: Cell = .text("\(milestone.completeness.isComplete)")
            guard !milestone.achievers.isEmpty else { return rows.append([.text(first)] + FinishFields.none + [complete]) }
            rows += milestone.achievers.map { [.text(first)] + FinishFields.cells($0) + [complete] }
        }
        add("finish", firsts.finish)
        add("woman_finish", firsts.womanFinish)
        add("first_attempt_finish", firsts.firstAttemptFinish)
        add("fun_run", firsts.funRun)
        add("woman_fun_run", firsts.womanFunRun)
        for country in firsts.finishByCountry { add("finish_by_country", country.milestone) }
        return Table(columns: ["first"] + FinishFields.columns + [.flag("is_complete")], rows: rows)
    }

    /// The CSV's rows (``data``): the JSON's `finish_by_country` alone would leave out the race's own firsts.
    var jsonLinesRecords: [JSONValue]? { TableRecords.records(of: report) }
}
