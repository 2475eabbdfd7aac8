import ArgumentParser
import BarkleyQueries

extension Barkley {
    /// `barkley countries`: starts, fun runs and finishes by country.
    struct CountriesCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "countries",
            abstract: "Count starts, runners, fun runs and finishes by country.",
            discussion: """
                Countries are ISO 3166-1 alpha-3 codes, as each year's sources give them; entries \
                whose country is unknown are one last row. Most finishes first.

                Examples:
                  barkley countries
                  barkley countries --format csv
                  barkley countries --loops 5
                """)

        @Option(help: "Count only the editions whose finish was this many loops (5: the 100-mile race; default: every edition).")
        var loops: Int?

        @OptionGroup var history: HistoryOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let loops, loops < 1 { throw ValidationError("--loops must be 1 or more.") }
        }

        func run() throws {
            try history.requireFinishes(ofLoops: loops)
            try output.print(CountriesAnswer(race: history.raceTitle, table: try history.answer { try $0.countries(loops: loops) }))
        }
    }
}

/// Entries by country.
///
/// JSON (``BarkleyQueries/CountryTable``): `countries` (array of `country` (null for unknown),
/// `starts`, `runners`, `fun_runs`, `finishes`, `finishers`), `starts_completeness`,
/// `fun_runs_completeness`, `finishes_completeness`.
struct CountriesAnswer: Presentable {
    var race: String
    var table: CountryTable

    var report: Report {
        var report = Report(title: "Countries in the \(race)" + (table.loops.map { ", \(Formatting.plural($0, "loop"))" } ?? ""))
        // Unlike `most` (the 100-mile race unless --category), countries counts every edition
        // without --loops: the table says so, so that a 3-loop finish (1988) is not read as a
        // 100-mile one.
        report.facts = [
            .init(label: "Counts", value: .text(table.loops == nil
                ? "every edition: the 100-mile race and the 3-loop race (--loops 5: the 100-mile race's 5-loop finishes alone)"
                : "the editions whose finish was \(Formatting.plural(table.loops ?? 0, "loop"))")),
            Formatting.completeness(table.startsCompleteness, where: "the entrant list is partial", label: "Starts complete"),
            Formatting.completeness(table.funRunsCompleteness, where: "the sources count more fun runs than they name, or do not count them",
                                    label: "Fun runs complete"),
            Formatting.completeness(table.finishesCompleteness, where: "the sources count more finishers than they name", label: "Finishes complete"),
        ]
        report.tables = [Table(
            columns: ["Country", .number("Starts"), .number("Runners"), .number("Fun runs"), .number("Finishes"), .number("Finishers")],
            rows: table.countries.map { row in
                [Cell(row.country), .text("\(row.starts)"), .text("\(row.runners)"), .text("\(row.funRuns)"), .text("\(row.finishes)"),
                 .text("\(row.finishers)")]
            },
            emptyMessage: "No entries.")]
        report.csvTable = 0
        return report
    }

    var json: CountryTable { table }
}
