import BarkleyQueries

/// `barkley records --progression`: how each record fell.
///
/// JSON (``BarkleyQueries/RecordProgression``): `loops`, `records` (array of `record`
/// (`fastest_finish`, `smallest_margin`, `fastest_to_loop`, `fastest_fun_run`), `loop`, `steps`:
/// array of `year`, `start_date`, `runner`, `time`, `improvement`, `improvement_at_most`), `completeness`.
/// When either time is known only to the minute, `improvement` is the least the record fell by
/// and `improvement_at_most` the most (null otherwise); the table shows the range.
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
                 Self.improvement(step)]
            }
        }
        // For people, one Date column (the start, or the year where the start is unknown): with a
        // Year column beside it the table cannot fit 60 columns without breaking a word.
        let shown = rows.map { row in [row[0], row[2] == .unknown || row[2] == "" ? row[1] : row[2]] + row[3...] }
        report.tables = [Table(columns: ["Record", .text("Date", key: "start_date"), "Runner", .time("Time"),
                                         .time("Improved by", key: "improvement")], rows: shown)]
        report.csvTable = 0
        report.csvData = data
        report.footer = "Date: the edition's start (its year where the start is unknown). Equalling a record is not breaking it."
            + (progression.records.contains { $0.steps.contains { $0.improvementAtMost != nil } }
               ? " A range (0:03:02–0:04:01): one of the times is known only to the minute." : "")
        return report
    }

    /// CSV: a step a row, each the JSON's step with its record's `record` and `loop` beside it
    /// (a record never broken: one row with the step's fields empty); the improvement's least
    /// and most as JSON gives them (`improvement` empty for a first, `improvement_at_most` but
    /// for a range), where the table reads `first` and `0:03:02–0:04:01`.
    private var data: Table {
        Table(columns: ["record", "loop", "year", "start_date", "runner", .time("time"), .time("improvement"), .time("improvement_at_most")],
              rows: progression.records.flatMap { record -> [[Cell]] in
                  let lead: [Cell] = [.text(record.record.rawValue), Cell(record.loop)]
                  guard !record.steps.isEmpty else { return [lead + [.unknown, .unknown, .unknown, .unknown, .unknown, .unknown]] }
                  return record.steps.map { step in
                      lead + [.text("\(step.year)"), Cell(step.startDate), .text(step.runner), Formatting.time(step.time),
                              Formatting.time(step.improvement), Formatting.time(step.improvementAtMost)]
                  }
              })
    }

    /// "first", the improvement (`0:03:02`), or its range when a time is known only to the
    /// minute (`0:03:02–0:04:01`; its seconds, for CSV, are the least).
    static func improvement(_ step: RecordProgression.Step) -> Cell {
        guard let least = step.improvement else { return "first" }
        guard let most = step.improvementAtMost else { return Formatting.time(least) }
        return .time(Formatting.time(least.raceTime) + "–" + Formatting.time(most.raceTime), seconds: least.seconds)
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
