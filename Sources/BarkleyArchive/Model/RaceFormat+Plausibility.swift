/// What times a Barkley format allows at all: the bounds that tell a mistake from a result.
///
/// A time below these bounds cannot have been run; it is a typo, a placeholder, or a value a
/// spreadsheet changed (a duration shown modulo 24 hours). The importer refuses such a time
/// and names the likely cause (see `TimePlausibility`); `barkley check` reports stored ones.
extension RaceFormat {
    /// The least time one loop can take: 5 h 30 min.
    ///
    /// The fastest loop any source publishes is Tom Possert's 5:52 on loop 1 in 1988, on the
    /// shorter pre-1995 loop, and he was disqualified for skipping about a mile of course; the
    /// fastest valid one, Ed Furtaw's 6:54 in the same race. On the 20-mile loop run since 1995
    /// the fastest is Randy Isler's 7:58:58 (loop 1, 1999), and the course record, Brett Maune's
    /// 52:03:08 for five loops (2012), averages 10:24:38 a loop. (Sources: `loop_splits.csv`
    /// and "Records" in the project's reference notes: cactustoclouds.com's 1988 results,
    /// mattmahoney.net/barkley/bark-hst.txt and barkly99.txt, irunfar.com "Barklaying up the
    /// wrong tree".)
    ///
    /// The floor sits 22 minutes under the fastest loop ever published and nearly 2½ hours under
    /// the fastest 20-mile loop, so no real result is refused. It is also high enough to catch a
    /// 24-hour wrap where one hides: a loop-4 time shown modulo 24 hours is under 24:00:00, and
    /// four loops take at least 22:00:00, so only a true time over 46 hours slips through; at
    /// loop 3 every true time under 40:30:00 (every fun run) is caught, at loop 5 every one.
    public static let minimumLoopTime = RaceTime(seconds: 5 * 3600 + 30 * 60)

    /// The latest end of a loop when the edition records no limit: three days, past any
    /// Barkley (whose limit has been 60 hours since 1995).
    public static let longestPlausibleRace = RaceTime(seconds: 72 * 3600)

    /// How late past a limit a result on record arrives: minutes (Gary Robbins 60:00:06 in
    /// 2017, Nick Gracie and Brian Robinson three loops in 40:07 in 2006, Kelly Halpin loop 1
    /// in 13:22 in 2025); an hour is allowed.
    public static let overLimitAllowance = RaceTime(seconds: 3600)

    /// The least cumulative time at the end of loop `loop`: `loop` × ``minimumLoopTime``.
    public static func fastestPossible(atLoop loop: Int) -> RaceTime {
        RaceTime(seconds: max(0, loop) * minimumLoopTime.seconds)
    }

    /// The latest cumulative time at the end of loop `loop` that a result can have: the latest of
    /// the loop's cutoff, where the edition publishes one, and the pace its limits allow (the
    /// fun-run limit's up to the fun-run loop, the time limit's for every loop: 13:20, 26:40,
    /// 40:00, 48:00 and 60:00 under the format of 1995–2025, as Mahoney published them), plus
    /// ``overLimitAllowance``; ``longestPlausibleRace`` when the edition records no limit.
    ///
    /// The latest, not the cutoff alone: a runner past the loop-3 cutoff (36:00) may still
    /// finish the fun run inside its 40 hours.
    public func latestPlausible(atLoop loop: Int) -> RaceTime {
        var bounds: [Int] = []
        if let cutoff = cutoffs[loop] { bounds.append(cutoff.seconds) }
        if let funRunLoops, let funRunTimeLimit, funRunLoops > 0, loop <= funRunLoops { bounds.append(funRunTimeLimit.seconds * loop / funRunLoops) }
        if let loops, let timeLimit, loops > 0 { bounds.append(timeLimit.seconds * loop / loops) }
        guard let latest = bounds.max() else { return Self.longestPlausibleRace }
        return RaceTime(seconds: latest + Self.overLimitAllowance.seconds)
    }

    /// The times `time` could have been before a spreadsheet showed it modulo 24 hours, as the
    /// cumulative time of loop `loop`: each `time` + 24 h × k (k ≥ 1) from the fastest the
    /// loops allow (after `previous`, an earlier loop's time, when given) to
    /// ``latestPlausible(atLoop:)``.
    ///
    /// Empty when `time` is not under 24 hours (no spreadsheet wrapped it) or no reading fits.
    public func unwrappedReadings(of time: RaceTime, atLoop loop: Int, after previous: (loop: Int, time: RaceTime)? = nil) -> [RaceTime] {
        let day = 24 * 3600
        guard time.seconds < day else { return [] }
        var lower = Self.fastestPossible(atLoop: loop).seconds
        if let previous { lower = max(lower, previous.time.seconds + Self.fastestPossible(atLoop: loop - previous.loop).seconds) }
        let upper = latestPlausible(atLoop: loop).seconds
        return stride(from: time.seconds + day, through: upper, by: day)
            .filter { $0 >= lower }
            .map { RaceTime(seconds: $0, precision: time.precision) }
    }
}
