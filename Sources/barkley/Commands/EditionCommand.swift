import ArgumentParser
import BarkleyArchive
import BarkleyPresentation
import BarkleyQueries

extension Barkley {
    /// `barkley edition YEAR`: one edition in full.
    struct EditionCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edition",
            abstract: "Show one edition: format, start, starters, counts, entrants and sources.",
            discussion: """
                Unknown values are shown as "unknown", never as 0. Times are cumulative, H:MM:SS \
                with hours past 24; a time published only to the minute reads H:MM:--. \
                With --format csv the output is the entrants table; JSON holds everything. \
                --splits shows every entrant loop by loop instead: cumulative time, split, \
                direction and gap to the leader at that loop.

                Examples:
                  barkley edition 2024
                  barkley edition 2012 --format json
                  barkley edition 2024 --splits
                """)

        @Argument(help: "The year of the edition, such as 2024.")
        var year: Int

        @Option(help: "The race, for an archive that holds more than the Barkley Marathons.")
        var race: String = Edition.barkley

        @Flag(help: "Every entrant loop by loop: cumulative time, split, direction and gap to the leader.")
        var splits = false

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            try HistoryOptions.validate(year: year)
        }

        func run() throws {
            let store = try archive.openForReading()
            guard let edition = try store.edition(year: year, race: race) else {
                let years = try store.editionKeys().filter { $0.race == race }.map(\.year)
                let held = years.first.map { "It holds \(race) editions of \(Formatting.span($0, years.last ?? $0))" } ?? "It holds no \(race) edition"
                throw CLIError(.failure, "the \(archive.archiveDescription) has no \(race) edition in \(year)",
                               hint: "\(held); `barkley` shows an overview.")
            }
            if splits {
                return try output.print(EditionSplitsAnswer(race: Formatting.raceTitle(race), splits: EditionSplits(edition: edition),
                                                                 disputed: edition.disputedFacts.map(\.subject)))
            }
            try output.print(EditionAnswer(edition: edition))
        }
    }
}

/// One edition, for people and (JSON) for programs.
///
/// JSON fields, named as in edition files: `race`, `year`, `held`, `start_date`, `start_time`,
/// `format` (`loops`, `time_limit`, `fun_run_loops`, `fun_run_time_limit`, `cutoffs`: array of
/// `loop`, `time`), `starters`, `entrant_list`, `finishers` and `fun_run_completers` (the counts
/// the sources state), `named_finishers` and `named_fun_run_completers` (entrants with that
/// outcome), `loop_counts` (array of `loop`, `started`, `completed`), `entrants` (array of
/// `position`, `name`, `listed_as`, `country`, `sex`, `first_attempt`, `loops_completed`,
/// `stated_outcome` (what a source states), `outcome` (under the format), `finish_time`, `times`
/// (array of `loop`, `time`, `direction`, `unofficial`, `cite`, `note`), `reason`, `reason_note`,
/// `external_ids`, `cite`, `note`), `sources` (array of `key`, `citation`), `cite`, `notes`,
/// `category` (as stated), `race_category`, `course`, `disputed` (array of `fact`, `field`,
/// `runner`, `loop`, `preferred`, `preferred_cite`, `alternatives`: array of `value`, `cite`,
/// `note`). Unknown values are null; times are
/// `{seconds, approximate, text}`.
struct EditionAnswer: Presentable {
    let edition: Edition
    /// Each entrant's outcome, worked out once: the table and JSON read it by position, and
    /// recomputing all of them per row made output time grow with the square of the entrants.
    private let outcomes: [Outcome]

    init(edition: Edition) {
        self.edition = edition
        outcomes = edition.entrants.map { $0.outcome(under: edition.format) }
    }

    private var namedFinishers: Int { outcomes.filter { $0 == .finish }.count }
    private var namedFunRuns: Int { outcomes.filter { $0 == .funRun }.count }

    var title: String {
        (edition.race == Edition.barkley ? "Barkley Marathons" : edition.race) + " \(edition.year)" + (edition.held ? "" : " (not held)")
    }

    var report: Report {
        var report = Report(title: title)
        report.facts = edition.held ? heldFacts : [.init(label: "Held", value: "no")]
        report.tables.append(entrantsTable)
        report.csvTable = 0
        report.csvData = entrantsData
        if !edition.sources.isEmpty {
            report.tables.append(Table(title: "Sources", columns: [.whole("Key"), .whole("Citation")],
                                       rows: edition.sources.map { [.text($0.key), .text($0.citation)] }))
        }
        if let notes = edition.notes { report.sections.append(.init(title: "Notes", text: notes.trimmingTrailingNewlines)) }
        return report
    }

    private var heldFacts: [Report.Fact] {
        var facts: [Report.Fact] = []
        let start = [edition.startDate, edition.startTime].compactMap { $0 }.joined(separator: " ")
        facts.append(.init(label: "Start", value: start.isEmpty ? .unknown : .text(start)))
        facts.append(fact(Presentation.raceFact(of: edition)))
        facts.append(.init(label: "Format", value: formatText))
        if !edition.format.cutoffs.isEmpty {
            let cutoffs = edition.format.cutoffs.sorted { $0.key < $1.key }.map { "loop \($0.key) \(Formatting.time($0.value))" }
            facts.append(.init(label: "Cutoffs", value: .text(cutoffs.joined(separator: ", "))))
        }
        if let course = Presentation.courseFact(of: edition) { facts.append(fact(course)) }
        facts.append(.init(label: "Starters", value: Cell(edition.starters)))
        facts.append(.init(label: "Entrant list", value: .text("\(edition.entrantList.rawValue), \(edition.entrants.count) named")))
        facts.append(.init(label: "Finishers", value: count(stated: edition.statedFinishers, named: namedFinishers)))
        facts.append(.init(label: "Fun runs", value: count(stated: edition.statedFunRuns, named: namedFunRuns, suffix: " besides the finishers")))
        if !edition.loopCounts.isEmpty {
            let counts = edition.loopCounts.map { count in
                "loop \(count.loop): " + [count.started.map { "\($0) started" }, count.completed.map { "\($0) completed" }]
                    .compactMap { $0 }.joined(separator: ", ")
            }
            facts.append(.init(label: "Loop counts", value: .text(counts.joined(separator: "; "))))
        }
        let disputed = edition.disputedFacts
        if !disputed.isEmpty {
            facts.append(.init(label: "Disputed", value: .text(disputed.map(\.subject).joined(separator: ", ")
                + " (the preferred values are shown; `barkley disputes \(edition.year)` lists the others)")))
        }
        return facts
    }

    /// A fact worded by ``Presentation``, its sources' keys in brackets: `18.3 miles a loop [furtaw]`.
    private func fact(_ fact: Presentation.EditionFact) -> Report.Fact {
        .init(label: fact.label, value: .text(fact.value + (fact.cited.isEmpty ? "" : " [\(fact.cited.joined(separator: ", "))]")))
    }

    /// `5 loops in 60:00:00; fun run: 3 loops in 40:00:00`, with "unknown" where the sources are silent.
    private var formatText: Cell { Cell(Presentation.format(edition.format)) }

    /// `5`, `7 besides the finishers (6 named)`, `unknown (2 named)`.
    private func count(stated: Int?, named: Int, suffix: String = "") -> Cell {
        .text(Presentation.count(stated: stated, named: named, suffix: suffix))
    }

    private var entrantsTable: Table {
        Table(title: "Entrants", columns: [.number("#"), .text("Runner", key: "name"), "Country", "Sex", .number("Loops", key: "loops_completed"), "Outcome", .time("Last time")],
              rows: edition.entrants.enumerated().map { index, entrant in
                  [.text("\(index + 1)"), .text(entrant.name), Cell(entrant.country), Cell(entrant.sex?.rawValue),
                   loopsCell(entrant), .text(Presentation.outcome(outcomes[index], reason: entrant.reason, note: entrant.reasonNote)), lastTimeCell(entrant)]
              },
              emptyMessage: edition.held ? "No entrant is named." : "No entrants: the race was not held.")
    }

    /// CSV: an entrant a row under the JSON's field names, with its raw values (`fun_run`,
    /// `true`, empty for null; `external_ids` as `external_ids_duv`…, `cite` as `a;b`), and each
    /// loop's time (`loop_N`, `loop_N_seconds`) from `times` — the table's "Last time" shows only the last.
    private var entrantsData: Table {
        // A column for each loop some entrant has a time for, as JSON's `times` has.
        let loops = Set(edition.entrants.flatMap { $0.times.map(\.loop) }).filter { $0 <= RaceBounds.maxLoops }.sorted()
        let columns: [Column] = ["position", "name", "listed_as", "country", "sex", "first_attempt", "loops_completed", "stated_outcome",
                                 "outcome", .time("finish_time"), "reason", "reason_note"]
        let trailing: [Column] = ["external_ids_wikidata", "external_ids_duv", "external_ids_ultrasignup", "cite", "note"]
        return Table(columns: columns + loops.map { .time("loop_\($0)") } + trailing, rows: edition.entrants.enumerated().map { index, entrant in
            let finish = outcomes[index] == .finish ? edition.format.loops.flatMap { entrant.timesByLoop[$0] } : nil
            let byLoop = entrant.timesByLoop
            let fields: [Cell] = [.text("\(index + 1)"), .text(entrant.name), Cell(entrant.listedAs), Cell(entrant.country), Cell(entrant.sex?.rawValue),
                                  Cell(entrant.firstAttempt.map { "\($0)" }), Cell(entrant.loopsCompleted), Cell(entrant.statedOutcome?.rawValue),
                                  .text(outcomes[index].rawValue), Formatting.time(finish), Cell(entrant.reason?.rawValue), Cell(entrant.reasonNote)]
            let ids = entrant.externalIDs
            return fields + loops.map { Formatting.time(byLoop[$0]) }
                + [Cell(ids.wikidata), Cell(ids.duv), Cell(ids.ultrasignup), .text(entrant.cited.joined(separator: ";")), Cell(entrant.note)]
        })
    }

    /// Loops completed; with only times known, "at least" the last timed loop (`3+`).
    private func loopsCell(_ entrant: Entrant) -> Cell { Cell(Presentation.loopsCompleted(entrant)) }

    /// The last time recorded; its loop is named when it is not the last loop completed.
    private func lastTimeCell(_ entrant: Entrant) -> Cell {
        guard let last = entrant.times.max(by: { $0.loop < $1.loop }) else { return .unknown }
        let text = Formatting.time(last.elapsed)
        if let unofficial = last.unofficial {
            return .time("\(text) (loop \(last.loop), \(Presentation.unofficial(unofficial)))", seconds: last.elapsed.seconds)
        }
        return .time(last.loop == entrant.loopsCompleted || entrant.loopsCompleted == nil ? text : "\(text) (loop \(last.loop))",
                     seconds: last.elapsed.seconds)
    }

    /// The library's own encoding of an edition (see `Edition`'s `Codable`), so the CLI and an
    /// app that encodes an `Edition` write the same JSON.
    var json: Edition { edition }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while text.last == "\n" { text = text.dropLast() }
        return String(text)
    }
}
