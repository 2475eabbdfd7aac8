import ArgumentParser
import BarkleyArchive
import BarkleyPresentation
import BarkleyQueries

extension Barkley {
    /// `barkley disputes [YEAR]`: every fact the sources disagree on, with each value's sources.
    struct DisputesCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disputes",
            abstract: "List the facts the sources disagree on: every value, the preferred first, with its sources.",
            discussion: """
                Where sources disagree (a start time, a count of starters, a loop time, whether \
                a runner was there at all), an edition file keeps the value it prefers and lists \
                the others under `disputed:`. Every other command uses the preferred value and \
                says "disputed" where an answer rests on one; this command shows them all.

                Examples:
                  barkley disputes
                  barkley disputes 2022 --format json
                """)

        @Argument(help: "Only the disputes of this year's edition, such as 2022.")
        var year: Int?

        @OptionGroup var history: HistoryOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let year { try HistoryOptions.validate(year: year) }
        }

        func run() throws {
            try output.print(DisputesAnswer(race: history.raceTitle, list: try history.answer { try $0.disputes(year: year) }))
        }
    }
}

/// The disputed facts of a race or of one edition.
///
/// JSON (``BarkleyQueries/DisputeList``): `year` (null for the whole race) and `disputes`
/// (array of `year`, `fact` (such as `2022 start_time`), `field`, `runner`, `loop`, `values`:
/// array of `value` (as the field is written), `preferred`, `sources` (array of `key`,
/// `citation`), `note`), the preferred value first.
struct DisputesAnswer: Presentable {
    var race: String
    var list: DisputeList

    var report: Report {
        var report = Report(title: "Disputed facts of the \(race)" + (list.year.map { " \($0)" } ?? ""))
        report.facts = [.init(label: "Disputed facts", value: .text("\(list.disputes.count)"))]
        // For people a value reads as the site words it (`not entered`, `over limit`).
        let rows: [[Cell]] = list.disputes.flatMap { fact in
            fact.values.map { value in
                let shown = DisputedField(rawValue: fact.field).map { Presentation.disputedValue(value.value, of: $0) } ?? value.value
                return [.text("\(fact.year)"), .text(fact.fact), .text(shown), .text(value.preferred ? "yes" : "no"),
                        value.sources.isEmpty ? .unknown : .text(value.sources.map(\.key).joined(separator: ", ")), Cell(value.note)]
            }
        }
        let columns: [Column] = [.number("Year"), .whole("Fact"), "Value", "Preferred", .whole("Sources"), "Note"]
        report.tables = [Table(columns: columns, rows: rows, emptyMessage: "No fact is disputed: the sources agree, or the archive records one value.")]
        report.csvData = data
        // A source key is an edition's own (`run247` is one page in 2022 and another in 2025),
        // so the citations are listed by year and key.
        struct YearKey: Hashable, Comparable {
            let year: Int, key: String
            static func < (a: YearKey, b: YearKey) -> Bool { (a.year, a.key) < (b.year, b.key) }
        }
        let citations = Dictionary(list.disputes.flatMap { fact in fact.values.flatMap(\.sources).map { (YearKey(year: fact.year, key: $0.key), $0.citation) } },
                                   uniquingKeysWith: { first, _ in first })
        if !citations.isEmpty {
            report.tables.append(Table(title: "Sources", columns: [.number("Year"), .whole("Key"), .whole("Citation")],
                                       rows: citations.sorted { $0.key < $1.key }.map { [.text("\($0.key.year)"), .text($0.key.key), .text($0.value)] }))
        }
        report.csvTable = 0
        report.unknownText = "-"
        return report
    }

    var json: DisputeList { list }

    /// CSV: a value a row, the JSON's value with its fact's fields beside it, as JSON writes them:
    /// the value as the field is written (`false`, `over_limit`), `preferred` as `true`/`false`,
    /// `sources` their keys joined with `;` (the citations are in JSON and `barkley sources`).
    private var data: Table {
        Table(columns: ["year", "fact", "field", "runner", "loop", "value", "preferred", "sources", "note"],
              rows: list.disputes.flatMap { fact in
                  fact.values.map { value in
                      [.text("\(fact.year)"), .text(fact.fact), .text(fact.field), Cell(fact.runner), Cell(fact.loop), .text(value.value),
                       .text("\(value.preferred)"), .text(value.sources.map(\.key).joined(separator: ";")), Cell(value.note)]
                  }
              })
    }

    /// The table format: the same rows with each note as a numbered footnote in a table of its
    /// own below (`Note` holds its number), so the notes read at the terminal's full width, not
    /// in a column a dozen characters wide beside the keys; and no Year column (the fact
    /// starts with its year).
    var terminalReport: Report {
        var report = self.report
        guard var table = report.tables.first, let noteColumn = table.columns.firstIndex(where: { $0.name == "Note" }) else { return report }
        var notes: [[Cell]] = []
        for (index, row) in table.rows.enumerated() where noteColumn < row.count {
            guard case .text(let note) = row[noteColumn] else { continue }
            notes.append([.text("\(notes.count + 1)"), .text("\(row[1].text(unknown: "")) = \(row[2].text(unknown: "")): \(note)")])
            table.rows[index][noteColumn] = .text("\(notes.count)")
        }
        table.columns[noteColumn] = .number("Note")
        // The year is the fact's first word: its own column would only narrow the others.
        if table.columns.first?.name == "Year" {
            table.columns.removeFirst()
            table.rows = table.rows.map { Array($0.dropFirst()) }
        }
        report.tables[0] = table
        if !notes.isEmpty { report.tables.insert(Table(title: "Notes", columns: [.number("Note"), "Fact, value: note"], rows: notes), at: 1) }
        return report
    }
}
