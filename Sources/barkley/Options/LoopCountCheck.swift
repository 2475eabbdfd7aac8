import BarkleyQueries

extension HistoryOptions {
    /// Refuses `--loops N` when no edition of the race had a finish of N loops: the answer would
    /// read as "unknown" or "not yet" (`records --loops 6`), when there is no such race at all.
    ///
    /// - Throws: ``CLIError`` with exit 64 (usage) naming the loop counts the archive holds;
    ///   the archive's own errors as ``answer(_:)`` throws them.
    func requireFinishes(ofLoops loops: Int?) throws {
        guard let loops else { return }
        let counts = try answer { try $0.finishLoopCounts() }
        guard !counts.contains(loops) else { return }
        let numbers = counts.map(String.init)
        let held = counts.isEmpty ? "none of its editions has a known finish distance"
            : "its finishes are of " + Formatting.list(numbers, conjunction: "or") + " loops"
        throw CLIError(.usage, "No race of \(Formatting.plural(loops, "loop")) in the \(raceTitle): \(held).",
                       hint: counts.isEmpty ? nil : "Give " + Formatting.list(numbers.map { "--loops \($0)" }, conjunction: "or") + ".")
    }
}
