import BarkleyQueries

/// `barkley records --progression`: how each record fell.
///
/// JSON (``BarkleyQueries/RecordProgression``): `loops`, `records` (array of `record`
/// (`fastest_finish`, `smallest_margin`, `fastest_to_loop`, `fastest_fun_run`), `loop`, `steps`:
/// array of `year`, `start_date`, `runner`, `time`, `improvement`), `completeness`.
struct RecordProgressionAnswer: Presentable {
    var race: String
    var progression: RecordProgression

    var report: Report {
        var report = Report(title: "How the records of the \(race) fell, \(Formatting.plural(progression.loops, "loop"))")
        report.facts = [Formatting.completeness(progression.completeness, where: "the entrant list is partial",
                                                label: "Complete")]
        let rows = progression.records.flatMap { record -> [[Cell]] in
            let name = Self.name(record)
            guard !record.steps.isEmpty else { return [[.text(name), "", "", "none known", .unknown, ""]] }
            return record.steps.map { step in
                [.text(name), .text("\(step.year)"), Cell(step.startDate), .text(step.runner), Formatting.time(step.time),
                 step.improvement.map { Formatting.time($0) } ?? "first"]
            }
        }
        // CSV: the JSON names, each time with its seconds beside it (`improvement_seconds` is empty
        // for a first).
        report.tables = [Table(columns: ["Record", .number("Year"), .text("Date", key: "start_date"), "Runner", .time("Time"),
                                         .time("Improved by", key: "improvement")], rows: rows)]
        report.csvTable = 0
        report.footer = "Date: the edition's start. Equalling a record is not breaking it."
        return report
    }

    static func name(_ record: RecordProgression.Progression) -> String {
        switch record.record {
        case .fastestFinish: "Fastest finish"
        case .smallestMargin: "Smallest margin"
        case .fastestToLoop: "Fastest to loop \(record.loop.map(String.init) ?? "?")"
        case .fastestFunRun: "Fastest fun run"
        }
    }

    var json: RecordProgression { progression }
}
