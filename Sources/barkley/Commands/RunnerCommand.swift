import ArgumentParser
import BarkleyArchive
import BarkleyQueries

extension Barkley {
    /// `barkley runner NAME`: one runner's every year in the race.
    struct RunnerCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "runner",
            abstract: "Show one runner's career: every year, with loops, times and outcome.",
            discussion: """
                The name is matched ignoring case and accents, against the runner's name and \
                every other spelling a source used ("aurelien sanchez" finds Aurélien Sanchez). \
                Times are cumulative at the end of each loop, H:MM:SS with hours past 24; \
                "unknown" marks a loop completed whose time no source gives.

                A name that is not in the archive exits 1, with close names ("Did you mean …?") \
                on stderr; `barkley search` finds runners by part of a name.

                Examples:
                  barkley runner "Jasmin Paris"
                  barkley runner "john kelly" --format json
                """)

        @Argument(help: ArgumentHelp("The runner's name, or a spelling a source used.", valueName: "name"))
        var name: String

        @OptionGroup var history: HistoryOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard !name.allSatisfy(\.isWhitespace) else { throw ValidationError("The name is empty; give one, such as \"Jasmin Paris\".") }
        }

        func run() throws {
            try output.print(CareerAnswer(career: try history.answer { try $0.career(of: name) }))
        }
    }
}

/// One runner's career.
///
/// JSON (``BarkleyQueries/Career``): `runner`, `key` (the runner's stable key), `external_ids`
/// (`wikidata`, `duv`, `ultrasignup`, each null when unknown), `aliases` (other spellings), `starts`,
/// `finishes`, `fun_runs`, `years` (array of `year`, `listed_as`, `country`, `sex`,
/// `first_attempt`, `loops_completed`, `outcome` (`finish`, `fun_run`, `over_limit`, `dropped`,
/// `disqualified`, `did_not_start`, `unknown`), `reason`, `reason_note`, `times` (array of `loop`,
/// `time`, `split`, `direction`, `unofficial`), `note`) and
/// `completeness` (the editions with partial entrant lists where the runner may have started
/// unnamed).
struct CareerAnswer: Presentable {
    var career: Career

    var report: Report {
        var report = Report(title: career.runner)
        report.facts += CareerIdentityFacts.facts(of: career)
        if !career.aliases.isEmpty {
            report.facts.append(.init(label: "Also listed as", value: .text(career.aliases.joined(separator: ", "))))
        }
        var countries: [String] = []
        for country in career.years.compactMap(\.country) where !countries.contains(country) { countries.append(country) }
        report.facts.append(.init(label: "Country", value: countries.isEmpty ? .unknown : .text(countries.joined(separator: ", "))))
        report.facts.append(.init(label: "Starts", value: .text(
            "\(career.starts) (\(Formatting.plural(career.finishes, "finish", "finishes")), \(Formatting.plural(career.funRuns, "fun run")))")))
        let unnamed = career.completeness.incompleteYears.count
        report.facts.append(.init(label: "Complete", value: unnamed == 0 ? "yes" : .text(
            "no: \(Formatting.plural(unnamed, "edition")) with a partial entrant list may hide another start")))
        report.tables.append(yearsTable)
        report.csvTable = 0
        report.csvData = dataTable
        return report
    }

    /// CSV: a year a row under the JSON's field names, with its raw values (`fun_run`, `true`,
    /// empty for null), each loop's time (`loop_N`, `loop_N_seconds`) from `times`.
    private var dataTable: Table {
        // A column for each loop some year has a time for, as JSON's `times` has.
        let loops = Set(career.years.flatMap { $0.times.map(\.loop) }).filter { $0 <= RaceBounds.maxLoops }.sorted()
        return Table(
            columns: ["year", "listed_as", "country", "sex", "first_attempt", "loops_completed", "outcome", "reason", "reason_note"]
                + loops.map { .time("loop_\($0)") } + ["note"],
            rows: career.years.map { year in
                [.text("\(year.year)"), Cell(year.listedAs), Cell(year.country), Cell(year.sex?.rawValue), Cell(year.firstAttempt.map { "\($0)" }),
                 Cell(year.loopsCompleted), .text(year.outcome.rawValue), Cell(year.reason?.rawValue), Cell(year.reasonNote)]
                    + loops.map { loop in Formatting.time(year.times.first { $0.loop == loop }?.time) } + [Cell(year.note)]
            })
    }

    /// One row a year: outcome, loops, then the cumulative time at the end of each loop.
    private var yearsTable: Table {
        // One column per loop, up to what a race can have (RaceBounds), whatever a damaged file holds.
        let lastLoop = min(career.years.flatMap { $0.times.map(\.loop) + [$0.loopsCompleted ?? 0] }.max() ?? 0, RaceBounds.maxLoops)
        let loops = lastLoop > 0 ? Array(1...lastLoop) : []
        return Table(
            title: "Years",
            columns: [.number("Year"), "Outcome", .number("Loops")] + loops.map { .time("Loop \($0)", key: "loop_\($0)") },
            rows: career.years.map { year in
                let reached = max(year.loopsCompleted ?? 0, year.times.map(\.loop).max() ?? 0)
                return [.text("\(year.year)"), .text(Formatting.outcome(year.outcome)), loopsCell(year)] + loops.map { loop in
                    if let time = year.times.first(where: { $0.loop == loop }) { return Formatting.time(time.time) }
                    // A loop known to be completed without a time is unknown; a loop not reached is blank.
                    return loop <= reached ? .unknown : .text("")
                }
            },
            emptyMessage: "No entries.")
    }

    /// Loops completed; with only times known, "at least" the last timed loop (`3+`).
    private func loopsCell(_ year: CareerYear) -> Cell {
        if let loops = year.loopsCompleted { return .text("\(loops)") }
        return year.times.map(\.loop).max().map { .text("\($0)+") } ?? .unknown
    }

    var json: Career { career }
}
