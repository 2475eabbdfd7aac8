import BarkleyArchive

// The answers that stand for one thing, identified by it, so a list of them can drive a
// SwiftUI `List` or `ForEach` as it is. A runner is identified by name: the archive keeps one
// runner per name (an answer is about one race, so a year names an edition).

extension Career: Identifiable {
    public var id: String { runner }
}

extension CareerYear: Identifiable {
    public var id: Int { year }
}

extension RankedRunner: Identifiable {
    public var id: String { runner }
}

extension RunnerMatch: Identifiable {
    public var id: String { runner }
}

extension RunnerSuggestion: Identifiable {
    public var id: String { runner }
}

extension YearResults: Identifiable {
    public var id: Int { year }
}

extension EditionSummary: Identifiable {
    public var id: Int { year }
}

extension Finish: Identifiable {
    /// The year and the runner: nobody finishes twice in one year.
    public var id: EntryID { EntryID(year: year, runner: runner) }
}

extension FunRun: Identifiable {
    /// The year and the runner.
    public var id: EntryID { EntryID(year: year, runner: runner) }
}
