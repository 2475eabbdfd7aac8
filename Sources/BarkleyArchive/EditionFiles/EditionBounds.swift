/// The validator's twin of the schema's bounds (``RaceBounds``, migration `0003_bounds.sql`):
/// every field the schema bounds is checked here first, so a file breaking a bound is refused
/// with its file, line and field rather than by SQLite at write time.
enum EditionBounds {
    /// One problem per field beyond its bound.
    static func problems(in parsed: ParsedEdition) -> [ImportProblem] {
        var problems: [ImportProblem] = []
        let edition = parsed.edition
        func check(_ value: Int?, max: Int, _ field: String, _ what: String) {
            guard let value, value > max else { return }
            problems.append(ImportProblem(file: parsed.fileName, line: EditionValidator.line(of: field, in: parsed), field: field,
                                          rule: .invalidValue, message: "\(value) \(what) is more than any race has (at most \(max))"))
        }
        func checkTime(_ time: RaceTime?, _ field: String) {
            guard let time, time.seconds > RaceBounds.maxSeconds else { return }
            problems.append(ImportProblem(file: parsed.fileName, line: EditionValidator.line(of: field, in: parsed), field: field,
                                          rule: .invalidValue, message: "\(time) is longer than any race lasts (at most \(RaceBounds.maxSeconds / 3_600) hours)"))
        }
        let format = edition.format
        check(format.loops, max: RaceBounds.maxLoops, "format.loops", "loops")
        check(format.funRunLoops, max: RaceBounds.maxLoops, "format.fun_run_loops", "loops")
        checkTime(format.timeLimit, "format.time_limit")
        checkTime(format.funRunTimeLimit, "format.fun_run_time_limit")
        for (index, (loop, time)) in format.cutoffs.sorted(by: { $0.key < $1.key }).enumerated() {
            check(loop, max: RaceBounds.maxLoops, "format.cutoffs[\(index)].loop", "as a loop number")
            checkTime(time, "format.cutoffs[\(index)].time")
        }
        check(edition.starters, max: RaceBounds.maxCount, "starters", "starters")
        check(edition.statedFinishers, max: RaceBounds.maxCount, "finishers", "finishers")
        check(edition.statedFunRuns, max: RaceBounds.maxCount, "fun_run_completers", "fun-run completers")
        for (index, count) in edition.loopCounts.enumerated() {
            let path = "loop_counts[\(index)]"
            check(count.loop, max: RaceBounds.maxLoops, "\(path).loop", "as a loop number")
            check(count.started, max: RaceBounds.maxCount, "\(path).started", "starters of a loop")
            check(count.completed, max: RaceBounds.maxCount, "\(path).completed", "completers of a loop")
        }
        if edition.entrants.count > RaceBounds.maxCount {
            check(edition.entrants.count, max: RaceBounds.maxCount, "entrants", "entrants")
        }
        for (index, entrant) in edition.entrants.enumerated() {
            let path = "entrants[\(index)]"
            check(entrant.loopsCompleted, max: RaceBounds.maxLoops, "\(path).loops_completed", "loops completed")
            for (timeIndex, time) in entrant.times.enumerated() {
                check(time.loop, max: RaceBounds.maxLoops, "\(path).times[\(timeIndex)].loop", "as a loop number")
                checkTime(time.elapsed, "\(path).times[\(timeIndex)].elapsed")
            }
        }
        return problems
    }
}
