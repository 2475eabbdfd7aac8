import ArgumentParser
import BarkleyQueries

extension Barkley {
    /// `barkley sources YEAR [--runner NAME]`: where a fact comes from.
    struct SourcesCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sources",
            abstract: "Show where the facts come from: an edition's sources, or one runner's entry and loop times.",
            discussion: """
                For an edition: the sources behind its edition-level facts (format, starters, \
                counts), then every source its file lists. With --runner: the sources of that \
                runner's entry and of each loop time. A fact that cites nothing itself rests on \
                the level above: a time on its entry, an entry on its edition (column Cited).

                Examples:
                  barkley sources 2024
                  barkley sources 2024 --runner "Jasmin Paris" --format csv
                """)

        @Argument(help: "The year of the edition, such as 2024.")
        var year: Int

        @Option(help: ArgumentHelp("A runner's name: the sources of their entry that year.", valueName: "name"))
        var runner: String?

        @OptionGroup var history: HistoryOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            try HistoryOptions.validate(year: year)
        }

        func run() throws {
            if let runner {
                try output.print(EntrySourcesAnswer(race: history.raceTitle, sources: try history.answer { try $0.sources(forEntryOf: runner, year: year) }))
            } else {
                try output.print(EditionSourcesAnswer(race: history.raceTitle, sources: try history.answer { try $0.sources(forEdition: year) }))
            }
        }
    }
}

/// The sources of one edition.
///
/// JSON (``BarkleyQueries/EditionSources``): `year`, `cited` (the sources behind the
/// edition-level facts, in the order cited) and `all` (every source of the edition file, in its
/// order); each source is `key`, `citation`.
struct EditionSourcesAnswer: Presentable {
    var race: String
    var sources: EditionSources

    var report: Report {
        var report = Report(title: "Sources of the \(race) \(sources.year)")
        report.facts = [.init(label: "Edition facts cite", value: sources.cited.isEmpty ? "nothing" : .text(sources.cited.map(\.key).joined(separator: ", ")))]
        report.tables = [Table(columns: [.whole("Key"), .whole("Citation")], rows: sources.all.map { [.text($0.key), .text($0.citation)] },
                               emptyMessage: "The edition lists no sources.")]
        report.csvTable = 0
        return report
    }

    var json: EditionSources { sources }
}

/// The sources of one runner's entry in one year.
///
/// JSON (``BarkleyQueries/EntrySources``): `year`, `runner`, `entry` (the sources behind the
/// entry's facts), `entry_cited_directly` (false when the entry cites nothing and `entry` is the
/// edition's), `times` (array of `loop`, `time`, `sources`, `cited_directly`) and `edition`.
struct EntrySourcesAnswer: Presentable {
    var race: String
    var sources: EntrySources

    var report: Report {
        var report = Report(title: "Sources for \(sources.runner), \(race) \(sources.year)")
        var rows: [[Cell]] = []
        func add(_ fact: String, _ cited: String, _ list: [Source]) {
            for source in list { rows.append([.text(fact), .text(cited), .text(source.key), .text(source.citation)]) }
        }
        add("entry", sources.entryCitedDirectly ? "directly" : "via edition", sources.entry)
        for time in sources.times {
            let cited = time.citedDirectly ? "directly" : sources.entryCitedDirectly ? "via entry" : "via edition"
            add("loop \(time.loop), \(Formatting.time(time.time).text(unknown: "unknown"))", cited, time.sources)
        }
        add("edition", "directly", sources.edition)
        report.tables = [Table(columns: ["Fact", "Cited", .whole("Key"), .whole("Citation")], rows: rows, emptyMessage: "No sources are listed.")]
        report.csvTable = 0
        report.csvData = data
        return report
    }

    var json: EntrySources { sources }

    /// CSV: a source a row, the JSON flattened: `fact` the field it is listed under (`entry`,
    /// `times`, `edition`), for a time its `loop` and `time`, `cited_directly` (the entry's
    /// `entry_cited_directly`, a time's `cited_directly`; empty for the edition's own sources),
    /// then the source's `key` and `citation`.
    private var data: Table {
        var rows: [[Cell]] = sources.entry.map { ["entry", .unknown, .unknown, .text("\(sources.entryCitedDirectly)"), .text($0.key), .text($0.citation)] }
        for time in sources.times {
            rows += time.sources.map { ["times", .text("\(time.loop)"), Formatting.time(time.time), .text("\(time.citedDirectly)"), .text($0.key), .text($0.citation)] }
        }
        rows += sources.edition.map { ["edition", .unknown, .unknown, .unknown, .text($0.key), .text($0.citation)] }
        return Table(columns: ["fact", .number("loop"), .time("time"), .flag("cited_directly"), "key", "citation"], rows: rows)
    }
}
