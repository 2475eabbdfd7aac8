import BarkleyQueries

/// The CSV fields of a finish or a fun run where one answer lists both (`firsts`, `records`):
/// each under its JSON name, a fun run's `place`, `loops`, `time_limit` and `margin_seconds`
/// empty (it has none) and a finish's `loops_completed` empty (JSON's `loops` holds it).
enum FinishFields {
    static let columns: [Column] = [.number("year"), .number("place"), "runner", "country", "sex", .flag("first_attempt"), .number("loops"),
                                    .number("loops_completed"), .time("time"), .time("time_limit"), .number("margin_seconds")]

    static func cells(_ finish: Finish) -> [Cell] {
        [.text("\(finish.year)"), .text("\(finish.place)"), .text(finish.runner), Cell(finish.country), Cell(finish.sex?.rawValue),
         Cell(finish.firstAttempt.map { "\($0)" }), Cell(finish.loops), .unknown, Formatting.time(finish.time), Formatting.time(finish.timeLimit),
         Cell(finish.marginSeconds)]
    }

    static func cells(_ funRun: FunRun) -> [Cell] {
        [.text("\(funRun.year)"), .unknown, .text(funRun.runner), Cell(funRun.country), Cell(funRun.sex?.rawValue),
         Cell(funRun.firstAttempt.map { "\($0)" }), .unknown, Cell(funRun.loopsCompleted), Formatting.time(funRun.time), .unknown, .unknown]
    }

    /// The position of a field in ``columns``: 0 for a field not among them (never asked).
    static func index(_ field: String) -> Int { columns.firstIndex { $0.fieldName == field } ?? 0 }

    /// A row for a record or milestone that nobody holds yet: every field empty.
    static var none: [Cell] { Array(repeating: .unknown, count: columns.count) }
}
