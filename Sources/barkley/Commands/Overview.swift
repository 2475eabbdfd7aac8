import ArgumentParser
import BarkleyArchive
import BarkleyPresentation

extension Barkley {
    /// `barkley` alone: what the archive holds, at a glance.
    struct Overview: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what the archive holds: editions, finishes, finishers and the latest edition.",
            discussion: """
                Runs when barkley is given no command. Without --db it reads the built-in archive: \
                the real data of SampleData/, with no set-up and no network.

                Examples:
                  barkley
                  barkley overview --format json
                """)

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let summary = try ArchiveSummary(archive: archive.openForReading())
            try output.print(OverviewAnswer(summary: summary, archive: archive.path))
        }
    }
}

/// The overview, for people and (JSON) for programs.
///
/// JSON fields: `archive` (the `--db` path, or `"built-in"`), `editions`, `editions_held`,
/// `first_year`, `last_year`, `years_not_held` (array), `finishes`, `finishers` (distinct runners),
/// `finishes_by_loops` (array of `loops`, `finishes`, `finishers`), `finishes_by_category` (array
/// of `category` — `100_mile` or `3_loop` — `finishes`, `finishers`, `years`), `latest_edition` (null, or
/// `race`, `year`, `starters`, `stated_finishers`, `stated_fun_runs`, and `finishers`: an array
/// of `name`, `country`, `sex`, `time`). Times are objects, see ``JSONValue/time(_:)``.
struct OverviewAnswer: Presentable {
    var summary: ArchiveSummary
    /// The `--db` path, nil for the built-in archive.
    var archive: String?

    var report: Report {
        var report = Report(title: "Barkley Marathons: " + (archive.map { "archive at \($0)" } ?? "built-in archive (the edition files of SampleData/)"))
        var editions = "\(summary.editions)"
        if let first = summary.firstYear, let last = summary.lastYear { editions += " (\(Formatting.span(first, last)))" }
        editions += ", \(summary.editionsHeld) held"
        if !summary.yearsNotHeld.isEmpty {
            editions += "; not held in " + Formatting.list(summary.yearsNotHeld.map(String.init))
        }
        report.facts.append(.init(label: "Editions", value: .text(editions)))
        report.csvData = data
        // The headline counts are per race, as the sources give them; the 3-loop race's are its own.
        if summary.finishesByCategory.count > 1 {
            for total in summary.finishesByCategory {
                let (label, value) = Presentation.finishTotal(total, alone: false)
                report.facts.append(.init(label: label, value: .text(value)))
            }
        } else {
            report.facts.append(.init(label: "Finishes", value: .text("\(summary.finishes) by \(Formatting.plural(summary.finishers, "runner"))")))
        }
        guard let latest = summary.latest else {
            report.facts.append(.init(label: "Latest edition", value: "none"))
            report.footer = "Add editions with `barkley import --db \(archive ?? "PATH") FILE…`."
            return report
        }
        let name = latest.race == Edition.barkley ? "\(latest.year)" : "\(latest.race) \(latest.year)"
        let starters = latest.starters.map { Formatting.plural($0, "starter") } ?? "unknown starters"
        let finishers = latest.statedFinishers.map { Formatting.plural($0, "finisher") } ?? "unknown finishers (\(latest.finishers.count) named)"
        let funRuns = latest.statedFunRuns.map { Formatting.plural($0, "fun run") } ?? "unknown fun runs"
        report.facts.append(.init(label: "Latest edition", value: .text("\(name): \(starters), \(finishers), \(funRuns)")))
        report.tables.append(Table(
            title: "Finishers in \(name)", columns: ["Runner", "Country", "Sex", .time("Time")],
            rows: latest.finishers.map { [.text($0.name), Cell($0.country), Cell($0.sex), Formatting.time($0.time)] },
            emptyMessage: "No finishers in \(name)."))
        report.footer = "More: `barkley edition \(latest.year)`, `barkley sql \"SELECT …\"`, `barkley --help`."
        return report
    }

    /// CSV: the JSON's one object as one row, `latest_edition`'s fields under `latest_edition_…`
    /// and years joined with `;`. The arrays of objects (`finishes_by_loops`,
    /// `finishes_by_category`, the latest edition's finishers) have no CSV form: `finishers
    /// --format csv` lists the finishes, each with its loops.
    private var data: Table {
        let latest = summary.latest
        return Table(
            columns: ["archive", "editions", "editions_held", "first_year", "last_year", "years_not_held", "finishes", "finishers",
                      "latest_edition_race", "latest_edition_year", "latest_edition_starters", "latest_edition_stated_finishers",
                      "latest_edition_stated_fun_runs"],
            rows: [[.text(archive ?? "built-in"), .text("\(summary.editions)"), .text("\(summary.editionsHeld)"), Cell(summary.firstYear),
                    Cell(summary.lastYear), .list(summary.yearsNotHeld), .text("\(summary.finishes)"), .text("\(summary.finishers)"),
                    Cell(latest?.race), Cell(latest?.year), Cell(latest?.starters), Cell(latest?.statedFinishers), Cell(latest?.statedFunRuns)]])
    }

    var json: JSONValue {
        [
            "archive": .string(archive ?? "built-in"),
            "editions": .int(summary.editions),
            "editions_held": .int(summary.editionsHeld),
            "first_year": JSONValue(summary.firstYear),
            "last_year": JSONValue(summary.lastYear),
            "years_not_held": .array(summary.yearsNotHeld.map(JSONValue.int)),
            "finishes": .int(summary.finishes),
            "finishers": .int(summary.finishers),
            "finishes_by_loops": .array(summary.finishesByDistance.map {
                ["loops": JSONValue($0.loops), "finishes": .int($0.finishes), "finishers": .int($0.finishers)]
            }),
            "finishes_by_category": .array(summary.finishesByCategory.map {
                ["category": .string($0.category.rawValue), "finishes": .int($0.finishes), "finishers": .int($0.finishers),
                 "years": .array($0.years.map(JSONValue.int))]
            }),
            "latest_edition": summary.latest.map { latest in
                [
                    "race": .string(latest.race),
                    "year": .int(latest.year),
                    "starters": JSONValue(latest.starters),
                    "stated_finishers": JSONValue(latest.statedFinishers),
                    "stated_fun_runs": JSONValue(latest.statedFunRuns),
                    "finishers": .array(latest.finishers.map {
                        ["name": .string($0.name), "country": JSONValue($0.country), "sex": JSONValue($0.sex), "time": .time($0.time)]
                    }),
                ]
            } ?? .null,
        ]
    }
}
