/// What times a Barkley format allows at all: the bounds that tell a mistake from a result.
///
/// A time below these bounds cannot have been run; it is a typo, a placeholder, or a value a
/// spreadsheet changed (a duration shown modulo 24 hours). The importer refuses such a time
/// and names the likely cause (see `TimePlausibility`); `barkley check` reports stored ones.
extension RaceFormat {
    /// The least time one loop can take: 5 h 30 min.
    ///
    /// The fastest loop any source publishes is Eric Clifton's 5:50 on loop 1 in 1988 (Tom
    /// Possert's 5:52 beside it), on the shorter pre-1995 loop, and both were disqualified
    /// (Possert for skipping about a mile of course); the fastest valid one, Ed Furtaw's 6:54 in the same race. On the 20-mile loop run since 1995
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

    /// The least average loop time over two or more loops that a time can show before it is
    /// taken for a spreadsheet's wrap, when a reading 24 (or 12) hours later fits the format:
    /// 6 hours a loop.
    ///
    /// Over several loops nobody has come near ``minimumLoopTime``: the fastest published
    /// averages are Tom Possert's 6:23 for two loops (12:46, 1988, on the shorter pre-1995 loop),
    /// his 7:56 for three (23:47), 11:16 for four (Mark Williams, 45:06, 1995) and the course
    /// record's 10:24:38 for five (Brett Maune, 2012) (`loop_splits.csv` and "Records" in the
    /// project's reference notes). A loop-4 time shown modulo 24 hours is 22:00:00 to 24:00:00,
    /// above the floor but a 5:30–6:00 average: under this pace, and with its reading a day
    /// later inside the format's limits, it is refused as a wrap (Damian Hall's 46:16:27 of 2024
    /// typed into an `h:mm:ss` column is 22:16:27).
    public static let fastestAverageOverLoops = RaceTime(seconds: 6 * 3600)

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

    /// The time `time` could have been, 12 hours later, when a 12-hour clock lost its "PM" (a
    /// time of day read as a duration): `time` + 12 h when that fits between the fastest the loops
    /// allow (after `previous`) and ``latestPlausible(atLoop:)``; nil otherwise.
    public func twelveHourReading(of time: RaceTime, atLoop loop: Int, after previous: (loop: Int, time: RaceTime)? = nil) -> RaceTime? {
        let reading = time.seconds + 12 * 3600
        var lower = Self.fastestPossible(atLoop: loop).seconds
        if let previous { lower = max(lower, previous.time.seconds + Self.fastestPossible(atLoop: loop - previous.loop).seconds) }
        guard reading >= lower, reading <= latestPlausible(atLoop: loop).seconds else { return nil }
        return RaceTime(seconds: reading, precision: time.precision)
    }
}
