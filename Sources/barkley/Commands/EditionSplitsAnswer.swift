import BarkleyArchive
import BarkleyPresentation
import BarkleyQueries

/// `barkley edition YEAR --splits`: every entrant loop by loop, like a results page.
///
/// JSON (``BarkleyQueries/EditionSplits``): `year`, `held`, `loops`, `entrants` (array of
/// `position`, `runner`, `country`, `sex`, `outcome`, `loops_completed`, `loops`: array of
/// `loop`, `time`, `split`, `direction`, `gap_to_leader`, `unofficial`: `off_course`,
/// `after_limit`, `wrong_direction`, null for a loop that counts). Unknown values are null.
struct EditionSplitsAnswer: Presentable {
    var race: String
    var splits: EditionSplits
    /// The edition's disputed facts, worded as `edition YEAR` words them (``DisputesUsed``:
    /// `Damian Hall's loop 4 time`): the splits show the preferred values and say so, the same way.
    var disputed: [String] = []

    var report: Report {
        var report = Report(title: "Splits of the \(race) \(splits.year)" + (splits.held ? "" : " (not held)"))
        if !disputed.isEmpty {
            report.facts = [.init(label: "Disputed", value: .text(disputed.joined(separator: ", ")
                + " (the preferred values are shown; `barkley disputes \(splits.year)` lists the others)"))]
        }
        report.tables = [Table(
            columns: [.number("#"), "Runner", .number("Loop"), .time("Time"), .time("Split"), "Direction", .time("Gap", key: "gap_to_leader")],
            rows: splits.entrants.flatMap { rows($0, marked: false) },
            emptyMessage: splits.held ? "No entrant is named." : "No entrants: the race was not held.")]
        report.csvTable = 0
        report.csvData = data
        report.footer = "Time: cumulative; Split: the loop alone; Gap: behind the loop's fastest time."
        return report
    }

    /// One row per loop the entrant is known to have completed; one row when none is.
    /// `marked`: an unofficial loop's time ends in `*`, said in the footer (the terminal's
    /// table), instead of the words beside it.
    private func rows(_ entrant: EntrantSplits, marked: Bool) -> [[Cell]] {
        let lead: [Cell] = [.text("\(entrant.position)"), .text(entrant.runner)]
        guard !entrant.loops.isEmpty else {
            // No loop completed, or none known: the loop count says which.
            return [lead + (entrant.loopsCompleted == 0 ? ["none", "", "", "", ""] : [.unknown, .unknown, .unknown, .unknown, .unknown])]
        }
        return entrant.loops.map { loop in
            lead + [.text("\(loop.loop)"), time(loop, marked: marked), Formatting.time(loop.split), Cell(loop.direction?.rawValue),
                    Formatting.time(loop.gapToLeader)]
        }
    }

    /// The cumulative time, marked as `edition` marks a loop that does not count:
    /// `60:00:06 (unofficial: after the limit)`, or `60:00:06*` where `marked`.
    private func time(_ loop: SplitLoop, marked: Bool) -> Cell {
        let time = Formatting.time(loop.time)
        guard let unofficial = loop.unofficial, case .time(let text, let seconds) = time else { return time }
        return .time(marked ? "\(text)*" : "\(text) (\(Presentation.unofficial(unofficial)))", seconds: seconds)
    }

    /// The reasons of the edition's unofficial loops, in words, each once in order of appearance.
    private var unofficialReasons: [String] {
        var reasons: [String] = []
        for loop in splits.entrants.flatMap(\.loops) {
            if let unofficial = loop.unofficial, !reasons.contains(Presentation.unofficial(unofficial)) {
                reasons.append(Presentation.unofficial(unofficial))
            }
        }
        return reasons
    }

    /// CSV: a loop a row, the JSON's loop with its entrant's fields beside it (an entrant with no
    /// loop known: one row, the loop's fields empty); `outcome` and `unofficial` as codes.
    private var data: Table {
        Table(columns: [.number("position"), "runner", "country", "sex", "outcome", .number("loops_completed"), .number("loop"), .time("time"),
                        .time("split"), "direction", .time("gap_to_leader"), "unofficial"],
              rows: splits.entrants.flatMap { entrant -> [[Cell]] in
                  let lead: [Cell] = [.text("\(entrant.position)"), .text(entrant.runner), Cell(entrant.country), Cell(entrant.sex?.rawValue),
                                      .text(entrant.outcome.rawValue), Cell(entrant.loopsCompleted)]
                  guard !entrant.loops.isEmpty else { return [lead + Array(repeating: .unknown, count: 6)] }
                  return entrant.loops.map { loop in
                      lead + [.text("\(loop.loop)"), Formatting.time(loop.time), Formatting.time(loop.split), Cell(loop.direction?.rawValue),
                              Formatting.time(loop.gapToLeader), Cell(loop.unofficial?.rawValue)]
                  }
              })
    }

    var json: EditionSplits { splits }

    /// The table format, read like a results page in few columns: an entrant's place and name
    /// on their first row only (never broken inside a word), and the direction as `cw`/`ccw`
    /// (`counterclockwise` broke across two lines at 60 columns), an unofficial loop's time
    /// marked `*` (its reason in words made the Time column 33 wide: Possert's 1988 loops).
    /// CSV and Markdown keep every row whole.
    var terminalReport: Report {
        var report = self.report
        guard var table = report.tables.first, table.columns.count == 7 else { return report }
        table.rows = splits.entrants.flatMap { rows($0, marked: true) }
        table.columns[1] = "Runner"  // wraps between words, never shortened (TableLayout)
        table.columns[5] = .text("Dir", key: "direction")
        var previous: String?
        table.rows = table.rows.map { row in
            var row = row
            let lead = row[0].text(unknown: "") + " " + row[1].text(unknown: "")
            if lead == previous { row[0] = ""; row[1] = "" }
            previous = lead
            switch row[5] {
            case .text("clockwise"): row[5] = "cw"
            case .text("counterclockwise"): row[5] = "ccw"
            default: break
            }
            return row
        }
        report.tables[0] = table
        // Unknown as `?`: "unknown" made four columns 7 wide, and the runner's names no longer
        // fitted whole at 60 columns.
        report.unknownText = "?"
        report.footer = (report.footer ?? "") + " Dir: cw clockwise, ccw counterclockwise. ?: unknown."
            + (unofficialReasons.isEmpty ? "" : " *: " + unofficialReasons.joined(separator: "; ") + ".")
        return report
    }
}
