import BarkleyArchive
import BarkleyQueries

extension HistoryOptions {
    /// Refuses `--loops N` when no edition of the race had a finish of N loops: the answer would
    /// read as "unknown" or "not yet" (`records --loops 6`, `finishers --loops 4`), when there is
    /// no such race at all. Every command with `--loops` calls it, so each refuses alike. With a
    /// `category`, also refuses a loop count of the other race (`firsts --category 100_mile
    /// --loops 3`: 3 loops is the 3-loop race, ``RaceCategory/derived(fromLoops:)``).
    ///
    /// - Throws: ``CLIError`` with exit 64 (usage) naming the loop counts the archive holds, or
    ///   the race `--loops` belongs to; the archive's own errors as ``answer(_:)`` throws them.
    func requireFinishes(ofLoops loops: Int?, category: RaceCategory? = nil) throws {
        guard let loops else { return }
        let race = RaceCategory.derived(fromLoops: loops)
        if let category, category != race {
            throw CLIError(.usage, "--category \(category.rawValue) and --loops \(loops) disagree: a finish of \(Formatting.plural(loops, "loop")) is the \(race.label) race, not the \(category.label) race.",
                           hint: "Give --category \(race.rawValue), or leave out --loops or --category.")
        }
        let counts = try answer { try $0.finishLoopCounts() }
        guard !counts.contains(loops) else { return }
        let numbers = counts.map(String.init)
        let held = counts.isEmpty ? "none of its editions has a known finish distance"
            : "its finishes are of " + Formatting.list(numbers, conjunction: "or") + " loops"
        throw CLIError(.usage, "No race of \(Formatting.plural(loops, "loop")) in the \(raceTitle): \(held).",
                       hint: counts.isEmpty ? nil : "Give " + Formatting.list(numbers.map { "--loops \($0)" }, conjunction: "or") + ".")
    }
}
