import ArgumentParser
import BarkleyPresentation
import BarkleyQueries

extension Barkley {
    /// `barkley finishers [--year YEAR]`: every official finish in order, or one year's finishers.
    struct Finishers: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every official finish in order, or one year's finishers.",
            discussion: """
                A finish is the full distance of that year inside its limit: 5 loops since 1995, \
                3 in 1988. Times are H:MM:SS with hours past 24 (H:MM:-- when published only to \
                the minute); the margin is the time to spare before the limit. "Complete" says \
                whether the list may be short: an edition whose sources count more finishers \
                than they name.

                Examples:
                  barkley finishers
                  barkley finishers --year 2024 --format json
                  barkley finishers --loops 5
                """)

        @Option(help: "Only the finishers of this year, such as 2024.")
        var year: Int?

        @Option(help: "Only finishes of this many loops (5: the 100-mile race; default: every finish).")
        var loops: Int?

        @OptionGroup var history: HistoryOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let year { try HistoryOptions.validate(year: year) }
            if let loops, loops < 1 { throw ValidationError("--loops must be 1 or more.") }
            if year != nil, loops != nil { throw ValidationError("--loops counts across history; with --year, the year's finishes are of its own distance.") }
        }

        func run() throws {
            try history.requireFinishes(ofLoops: loops)
            if let year {
                try output.print(EditionFinishesAnswer(race: history.raceTitle, answer: try history.answer { try $0.finishers(in: year) }))
            } else {
                let (list, byRace) = try history.answer { (try $0.allFinishes(loops: loops), try $0.finishTotalsByCategory()) }
                try output.print(FinishListAnswer(race: history.raceTitle, answer: list, byRace: byRace))
            }
        }
    }
}

/// Every finish, by year and place.
///
/// JSON (``BarkleyQueries/FinishList``): `finishes` (array of `year`, `place`, `runner`,
/// `country`, `sex`, `first_attempt`, `loops`, `time`, `time_limit`, `margin_seconds`),
/// `completeness` (`partial_entrant_lists`, `incomplete_years`, `is_complete`), `loops` and
/// `totals`: the listed finishes of each race (array of `category` — `100_mile` or `3_loop` —
/// `finishes`, `finishers` (distinct runners), `years`), the numbers the table states. Times are
/// objects: `seconds`, `approximate`, `text`.
struct FinishListAnswer: Presentable {
    var race: String
    var answer: FinishList
    /// Each race's finishes in the whole archive (``BarkleyQueries/History/finishTotalsByCategory()``):
    /// which years are whose, so the list's own totals are said per race, never as one count (26
    /// and 1, not 27).
    var byRace: [CategoryTotal] = []

    /// The listed finishes of each race: every race held without `--loops`, as the table says
    /// them; with it, the races the list holds finishes of.
    var totals: [CategoryTotal] {
        byRace.compactMap { race in
            let own = answer.finishes.filter { race.years.contains($0.year) }
            guard !own.isEmpty || answer.loops == nil else { return nil }
            return CategoryTotal(category: race.category, finishes: own.count, finishers: Set(own.map(\.runner)).count,
                                 years: Array(Set(own.map(\.year))).sorted())
        }
    }

    var report: Report {
        let runners = Set(answer.finishes.map(\.runner)).count
        var report = Report(title: "Finishes of the \(race)" + (answer.loops.map { ", \(Formatting.plural($0, "loop"))" } ?? ""))
        let totals = self.totals
        let facts: [Report.Fact] = totals.count > 1
            ? totals.map { total in
                let (label, value) = Presentation.finishTotal(total, alone: false)
                return .init(label: label, value: .text(value))
            }
            : [.init(label: "Finishes", value: .text("\(answer.finishes.count) by \(Formatting.plural(runners, "runner"))"))]
        report.facts = facts + [
            Formatting.completeness(answer.completeness, where: "the sources count more finishers than they name"),
        ]
        report.tables = [FinishTable.table(answer.finishes, withYear: true, emptyMessage: "No finishes.")]
        report.csvTable = 0
        report.csvData = FinishTable.data(answer.finishes)
        return report
    }

    var json: JSON { JSON(list: answer, totals: totals) }

    /// The finishes alone, one a line: `totals` would make the answer two arrays.
    var jsonLinesRecords: [JSONValue]? {
        guard case .array(let finishes)? = try? JSONValue(encoding: answer.finishes) else { return nil }
        return finishes
    }

    /// ``BarkleyQueries/FinishList``'s fields with `totals` beside them.
    struct JSON: Encodable {
        var list: FinishList
        var totals: [CategoryTotal]

        enum CodingKeys: String, CodingKey { case totals }

        func encode(to encoder: any Encoder) throws {
            try list.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(totals, forKey: .totals)
        }
    }

    /// The table format: Place as `#` and unknown as `?` (said in the footer), so that at 60
    /// columns the runner column keeps every name's words whole without stacking each finish
    /// as a block (``TableLayout``). CSV, Markdown and JSON keep the full headings.
    var terminalReport: Report {
        var report = self.report
        guard var table = report.tables.first, table.columns.count > 1, table.columns[1].name == "Place" else { return report }
        table.columns[1].name = "#"
        report.tables[0] = table
        report.unknownText = "?"
        report.footer = "#: place. ?: unknown."
        return report
    }
}

/// One year's finishers, fastest first.
///
/// JSON (``BarkleyQueries/EditionFinishes``): `year`, `held`, `stated_finishers` (the count the
/// sources state), `finishes` (as in ``FinishListAnswer``) and `completeness`.
struct EditionFinishesAnswer: Presentable {
    var race: String
    var answer: EditionFinishes

    var report: Report {
        var report = Report(title: "Finishers of the \(race) \(answer.year)" + (answer.held ? "" : " (not held)"))
        if answer.held {
            report.facts = [
                .init(label: "Finishers", value: FinishTable.count(stated: answer.statedFinishers, named: answer.finishes.count)),
                Formatting.completeness(answer.completeness, where: "the sources count more finishers than they name"),
            ]
        } else {
            report.facts = [.init(label: "Held", value: "no")]
        }
        let empty = answer.held ? "No finishers in \(answer.year)." : "No finishers: the race was not held in \(answer.year)."
        report.tables = [FinishTable.table(answer.finishes, withYear: false, emptyMessage: empty)]
        report.csvTable = 0
        report.csvData = FinishTable.data(answer.finishes)
        return report
    }

    var json: EditionFinishes { answer }
}

/// The table of finishes shared by `finishers` and `finishers --year`.
enum FinishTable {
    static func table(_ finishes: [Finish], withYear: Bool, emptyMessage: String) -> Table {
        let columns: [Column] = ["Runner", "Country", "Sex", .number("Loops"), .time("Time"), .time("Margin")]
        return Table(
            columns: (withYear ? [.number("Year"), .number("Place")] : [.number("Place")]) + columns,
            rows: finishes.map { finish in
                (withYear ? [.text("\(finish.year)")] : []) + [
                    .text("\(finish.place)"), .text(finish.runner), Cell(finish.country), Cell(finish.sex?.rawValue),
                    Cell(finish.loops), Formatting.time(finish.time), Formatting.margin(finish),
                ]
            },
            emptyMessage: emptyMessage)
    }

    /// CSV: a finish a row under the JSON's field names and values (`first_attempt` as
    /// `true`/`false`; the margin as JSON's `margin_seconds`, where the table reads `1:15:01`).
    static func data(_ finishes: [Finish]) -> Table {
        Table(columns: ["year", "place", "runner", "country", "sex", "first_attempt", "loops", .time("time"), .time("time_limit"), "margin_seconds"],
              rows: finishes.map { finish in
                  [.text("\(finish.year)"), .text("\(finish.place)"), .text(finish.runner), Cell(finish.country), Cell(finish.sex?.rawValue),
                   Cell(finish.firstAttempt.map { "\($0)" }), Cell(finish.loops), Formatting.time(finish.time), Formatting.time(finish.timeLimit),
                   Cell(finish.marginSeconds)]
              })
    }

    /// `5`, `unknown (2 named)`, `3 (2 named)`.
    static func count(stated: Int?, named: Int) -> Cell {
        guard let stated else { return .text("unknown" + (named > 0 ? " (\(named) named)" : "")) }
        return .text("\(stated)" + (named != stated ? " (\(named) named)" : ""))
    }
}
