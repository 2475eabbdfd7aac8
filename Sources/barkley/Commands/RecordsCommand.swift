import ArgumentParser
import BarkleyQueries

extension Barkley {
    /// `barkley records [--loops N]`: fastest, slowest and closest finishes, loop and fun-run records.
    struct RecordsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "records",
            abstract: "Show the records: fastest and slowest finish, smallest margin, fastest loops and fun run.",
            discussion: """
                Only editions of one distance are compared: by default the latest (5 loops, the \
                100-mile race since 1995), so Ed Furtaw's 1988 finish of the 3-loop race is a \
                3-loop record (--loops 3). Loop records are the fastest cumulative time at the \
                end of each loop. Ties list every holder. "Complete" says where a record could \
                be beaten by a finish, loop or fun run the sources do not name or time.

                Examples:
                  barkley records
                  barkley records --loops 3 --format json
                  barkley records --progression
                """)

        @Option(help: "Compare the editions whose finish was this many loops (default: the latest format's).")
        var loops: Int?

        @Flag(help: "How each record fell: every edition that beat it, with its date and by how much.")
        var progression = false

        @OptionGroup var history: HistoryOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let loops, loops < 1 { throw ValidationError("--loops must be 1 or more.") }
        }

        func run() throws {
            try history.requireFinishes(ofLoops: loops)
            if progression {
                let answer = try history.answer { try $0.recordProgression(loops: loops) }
                return try output.print(RecordProgressionAnswer(race: history.raceTitle, progression: answer))
            }
            try output.print(RecordsAnswer(race: history.raceTitle, records: try history.answer { try $0.records(loops: loops) }))
        }
    }
}

/// The records of one distance.
///
/// JSON (``BarkleyQueries/Records``): `loops`; `category` (`100_mile` or `3_loop`); `fastest_finish`, `slowest_finish`,
/// `smallest_margin` (arrays of finishes, as in ``FinishListAnswer``; more than one on a tie);
/// `fastest_loops` (array of `loop`, `time`, `holders`: array of `year`, `runner`);
/// `fastest_fun_run` (array of fun runs, as in ``FunRunListAnswer``); `finish_completeness`,
/// `loop_completeness`, `fun_run_completeness`.
struct RecordsAnswer: Presentable {
    var race: String
    var records: Records

    var report: Report {
        var report = Report(title: "Records of the \(race), \(Formatting.plural(records.loops, "loop")) (the \(records.category.label) race)")
        report.facts = [
            Formatting.completeness(records.finishCompleteness, where: "a finish is not named or not timed", label: "Finish records complete"),
            Formatting.completeness(records.loopCompleteness, where: "the entrant list is partial", label: "Loop records complete"),
            Formatting.completeness(records.funRunCompleteness, where: "a fun run is not named or not timed", label: "Fun-run record complete"),
        ]
        var rows: [[Cell]] = []
        func add(_ record: String, _ finishes: [Finish]) {
            guard !finishes.isEmpty else { return rows.append([.text(record), .unknown, .unknown, "none known", ""]) }
            for finish in finishes {
                rows.append([.text(record), Formatting.time(finish.time), Formatting.margin(finish), .text(finish.runner), .text("\(finish.year)")])
            }
        }
        add("Fastest finish", records.fastestFinish)
        add("Slowest finish", records.slowestFinish)
        add("Smallest margin", records.smallestMargin)
        for loop in records.fastestLoops {
            for holder in loop.holders {
                rows.append([.text("Fastest to end of loop \(loop.loop)"), Formatting.time(loop.time), .text(""), .text(holder.runner), .text("\(holder.year)")])
            }
        }
        if records.fastestFunRun.isEmpty { rows.append(["Fastest fun run", .unknown, "", "none known", ""]) }
        for funRun in records.fastestFunRun {
            rows.append(["Fastest fun run", Formatting.time(funRun.time), "", .text(funRun.runner), .text("\(funRun.year)")])
        }
        report.tables = [Table(columns: ["Record", .time("Time"), .time("Margin"), "Runner", .number("Year")], rows: rows)]
        report.csvTable = 0
        report.csvData = data
        return report
    }

    var json: Records { records }

    /// CSV: a record holder a row, the JSON flattened: `record` the record's field
    /// (`fastest_finish`, `slowest_finish`, `smallest_margin`, `fastest_loops`, `fastest_fun_run`),
    /// the finish's or fun run's fields (``FinishFields``), for a loop record `loop` with its
    /// `time` and each holder's `year` and `runner`; a record nobody holds is one row with its fields empty.
    private var data: Table {
        var rows: [[Cell]] = []
        func add(_ record: String, _ holders: [[Cell]]) {
            rows += holders.isEmpty ? [[.text(record), .unknown] + FinishFields.none] : holders.map { [.text(record), .unknown] + $0 }
        }
        add("fastest_finish", records.fastestFinish.map(FinishFields.cells))
        add("slowest_finish", records.slowestFinish.map(FinishFields.cells))
        add("smallest_margin", records.smallestMargin.map(FinishFields.cells))
        for loop in records.fastestLoops {
            rows += loop.holders.map { holder in
                var cells = FinishFields.none
                cells[FinishFields.index("year")] = .text("\(holder.year)")
                cells[FinishFields.index("runner")] = .text(holder.runner)
                cells[FinishFields.index("time")] = Formatting.time(loop.time)
                return ["fastest_loops", .text("\(loop.loop)")] + cells
            }
        }
        add("fastest_fun_run", records.fastestFunRun.map(FinishFields.cells))
        return Table(columns: ["record", .number("loop")] + FinishFields.columns, rows: rows)
    }
}
