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

    /// How far a spreadsheet may have wrapped a time when the edition records no time limit:
    /// three days, past any Barkley (whose limit has been 60 hours since 1995).
    public static let longestPlausibleRace = RaceTime(seconds: 72 * 3600)

    /// The least cumulative time at the end of loop `loop`: `loop` × ``minimumLoopTime``.
    public static func fastestPossible(atLoop loop: Int) -> RaceTime {
        RaceTime(seconds: max(0, loop) * minimumLoopTime.seconds)
    }

    /// The times `time` could have been before a spreadsheet showed it modulo 24 hours, as the
    /// cumulative time of loop `loop`: each `time` + 24 h × k (k ≥ 1) that is no faster than the
    /// format allows, within the edition's time limit (or ``longestPlausibleRace``), and at
    /// least the fastest possible loops after `previous`, an earlier loop's time, when given.
    ///
    /// Empty when `time` is not under 24 hours (no spreadsheet wrapped it) or no reading fits.
    public func unwrappedReadings(of time: RaceTime, atLoop loop: Int, after previous: (loop: Int, time: RaceTime)? = nil) -> [RaceTime] {
        let day = 24 * 3600
        guard time.seconds < day else { return [] }
        let ceiling = max(timeLimit?.seconds ?? 0, funRunTimeLimit?.seconds ?? 0)
        let upper = ceiling > 0 ? ceiling : Self.longestPlausibleRace.seconds
        var lower = Self.fastestPossible(atLoop: loop).seconds
        if let previous { lower = max(lower, previous.time.seconds + Self.fastestPossible(atLoop: loop - previous.loop).seconds) }
        return stride(from: time.seconds + day, through: upper, by: day)
            .filter { $0 >= lower }
            .map { RaceTime(seconds: $0, precision: time.precision) }
    }
}
