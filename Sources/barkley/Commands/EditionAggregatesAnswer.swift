import BarkleyPresentation
import BarkleyQueries

/// The aggregates of every edition, each with what it rests on.
///
/// JSON (``BarkleyQueries/EditionAggregates``): `editions`, `held`, `loops`,
/// `mean_winning_time`, `median_winning_time`, `winning_times` (`known`, `unknown`: years;
/// `disputed`: facts), `largest_field`, `earliest_start`, `latest_start` (each `value`, `years`,
/// `basis`: `known`, `unknown`, `disputed`), `without_finisher` (`loops`, `years`, `not_held`, `unknown`).
struct EditionAggregatesAnswer: Presentable {
    var race: String
    var aggregates: EditionAggregates

    var report: Report {
        var report = Report(title: "Editions of the \(race) in figures")
        let notHeld = aggregates.withoutFinisher.notHeld
        report.facts = [
            .init(label: "Editions", value: .text("\(aggregates.editions), \(aggregates.held) held"
                + (notHeld.isEmpty ? "" : " (not held: \(Formatting.years(notHeld)))"))),
        ]
        let winning = aggregates.winningTimes
        let distance = " (\(Formatting.plural(aggregates.loops, "loop")))"
        let without = aggregates.withoutFinisher
        report.tables = [Table(
            columns: ["Figure", "Value", "Years", .number("Known"), "Unknown in"],
            rows: [
                [.text("Mean winning time" + distance), Formatting.time(aggregates.meanWinningTime), "", .text("\(winning.known.count)"), years(winning.unknown)],
                [.text("Median winning time" + distance), Formatting.time(aggregates.medianWinningTime), "", .text("\(winning.known.count)"),
                 years(winning.unknown)],
                extreme("Largest field", aggregates.largestField, value: Cell(aggregates.largestField.value)),
                extreme("Earliest start", aggregates.earliestStart, value: Cell(aggregates.earliestStart.value)),
                extreme("Latest start", aggregates.latestStart, value: Cell(aggregates.latestStart.value)),
                ["Without a finisher", .text("\(without.years.count)"), years(without.years),
                 .text("\(aggregates.held - without.unknown.count)"), years(without.unknown)],
            ])]
        report.csvTable = 0
        report.csvData = data
        report.footer = "Known: the held editions each figure is computed from; Unknown in: held editions it leaves out, their value unknown."
        if compact { compactLayout(&report) }
        // --loops picks the distance of the winning times only: a field or a start is not of a distance.
        report.footer = (report.footer ?? "") + " Winning times are of the \(aggregates.loops)-loop editions only (--loops); the other figures count every held edition."
        if let disputed = disputedSection { report.sections.append(disputed) }
        return report
    }

    /// The disputed facts each figure used, or nil when none did.
    private var disputedSection: Report.Section? {
        let figures = [("Winning times", aggregates.winningTimes.disputed), ("Largest field", aggregates.largestField.basis.disputed),
                       ("Start times", aggregates.earliestStart.basis.disputed)].filter { !$0.1.isEmpty }
        guard !figures.isEmpty else { return nil }
        return .init(title: "Disputed values used", text: figures.map { "\($0.0): \($0.1.joined(separator: ", "))" }.joined(separator: "\n")
            + "\n(the preferred values are used; \(Presentation.disputesCommand))", isList: true)
    }

    /// The terminal's layout: the year lists that make the table wide move to sections under
    /// it, the table keeping counts (`Unknown` instead of `Unknown in`).
    var compact = false

    private func compactLayout(_ report: inout Report) {
        let without = aggregates.withoutFinisher
        let figures: [(String, [Int])] = [
            ("Winning times", aggregates.winningTimes.unknown), ("Largest field", aggregates.largestField.basis.unknown),
            ("Start times", aggregates.earliestStart.basis.unknown), ("Finishers", without.unknown),
        ]
        report.tables[0].columns[4] = .number("Unknown")
        report.tables[0].rows = report.tables[0].rows.enumerated().map { index, row in
            var row = row
            let unknown = [figures[0].1, figures[0].1, figures[1].1, figures[2].1, figures[2].1, figures[3].1][index]
            row[4] = .text("\(unknown.count)")
            if index == 5 { row[2] = "below" }
            return row
        }
        report.footer = "Known/Unknown: held editions a figure rests on / leaves out (value unknown)."
        // A table, not prose: at a narrow width prose lines are joined into one paragraph.
        report.tables.append(Table(title: "Unknown in", columns: ["Figure", "Years"],
                                   rows: figures.map { [.text($0.0), .text($0.1.isEmpty ? "none" : Formatting.years($0.1))] }))
        report.sections = [
            .init(title: "Years without a finisher", text: without.years.isEmpty ? "none" : Formatting.years(without.years)),
        ]
    }

    /// CSV: the JSON's one object as one row, each nested field under its path
    /// (`largest_field_basis_known`), years joined with `;`; the table's figures for people.
    private var data: Table {
        func basis(_ prefix: String) -> [Column] { ["known", "unknown", "disputed"].map { Column(name: "\(prefix)_\($0)") } }
        func basis(_ basis: EditionAggregates.Basis) -> [Cell] { [.list(basis.known), .list(basis.unknown), .list(basis.disputed)] }
        func extreme(_ prefix: String) -> [Column] { [Column(name: "\(prefix)_value"), Column(name: "\(prefix)_years")] + basis("\(prefix)_basis") }
        func extreme<Value>(_ extreme: EditionAggregates.Extreme<Value>, _ value: Cell) -> [Cell] { [value, .list(extreme.years)] + basis(extreme.basis) }
        let without = aggregates.withoutFinisher
        let columns: [Column] = ["editions", "held", "loops", .time("mean_winning_time"), .time("median_winning_time")] + basis("winning_times")
            + extreme("largest_field") + extreme("earliest_start") + extreme("latest_start")
            + ["without_finisher_loops", "without_finisher_years", "without_finisher_not_held", "without_finisher_unknown"]
        let row: [Cell] = [.text("\(aggregates.editions)"), .text("\(aggregates.held)"), .text("\(aggregates.loops)"),
                           Formatting.time(aggregates.meanWinningTime), Formatting.time(aggregates.medianWinningTime)] + basis(aggregates.winningTimes)
            + extreme(aggregates.largestField, Cell(aggregates.largestField.value)) + extreme(aggregates.earliestStart, Cell(aggregates.earliestStart.value))
            + extreme(aggregates.latestStart, Cell(aggregates.latestStart.value))
            + [Cell(without.loops), .list(without.years), .list(without.notHeld), .list(without.unknown)]
        return Table(columns: columns, rows: [row])
    }

    private func extreme<Value>(_ label: String, _ extreme: EditionAggregates.Extreme<Value>, value: Cell) -> [Cell] {
        [.text(label), value, years(extreme.years), .text("\(extreme.basis.known.count)"), years(extreme.basis.unknown)]
    }

    private func years(_ years: [Int]) -> Cell { .text(years.isEmpty ? "none" : Formatting.years(years)) }

    var json: EditionAggregates { aggregates }
}
