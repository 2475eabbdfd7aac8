/// What a race can have, stated once: the schema (migration `0003_bounds.sql`) and the
/// validator (`EditionBounds`) both hold every edition to these, so a value no race has
/// (a loop numbered 2^62) is refused before it is written, and reading code never meets one.
///
/// Generous on purpose: the Barkley has 5 loops and 40 starters; other races have dozens of
/// loops and thousands of runners. Times are cumulative elapsed times in seconds.
public enum RaceBounds {
    /// Loops of a race, loop numbers, loops completed: 1 to 100 (0 for loops completed).
    public static let maxLoops = 100
    /// Any time in seconds — a limit, a cutoff, a loop time, a finish: up to 1,000 hours.
    public static let maxSeconds = 1_000 * 3_600
    /// Starters, stated finishers and fun runs, loop counts, entrants in one edition: up to 100,000.
    public static let maxCount = 100_000
}
