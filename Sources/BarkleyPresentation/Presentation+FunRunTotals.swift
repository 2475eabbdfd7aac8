import BarkleyQueries

extension Presentation {
    /// The fun runs of a history, named and counted, in words that say why the two totals differ:
    /// `84 named (finishers not counted); 73 in the editions whose total is known, as charted
    /// (4 of them unnamed); the other 15 named in years whose total is unknown (1991, 1993–1994)`.
    ///
    /// The named total counts every fun run the sources name; a chart of known counts adds up
    /// each edition's stated total (or its named one, for a complete list), which includes runs
    /// a source counts without naming and leaves out years whose total no source gives. Said
    /// once here, so the home page and its chart never disagree unexplained.
    public static func funRunTotals(_ years: [YearResults]) -> String {
        let held = years.filter(\.held)
        let named = held.map(\.namedFunRuns).reduce(0, +)
        let known = held.compactMap(\.funRuns).reduce(0, +)
        let uncounted = held.filter { $0.funRuns == nil && $0.namedFunRuns > 0 }
        let namedUncounted = uncounted.map(\.namedFunRuns).reduce(0, +)
        // Runs in the known totals that no entrant stands for: stated counts above the named ones.
        let unnamed = known - (named - namedUncounted)
        var text = "\(named) named (finishers not counted)"
        guard known != named || namedUncounted > 0 else { return text }
        text += "; \(known) in the editions whose total is known, as charted"
        if unnamed > 0 { text += " (\(unnamed) of them unnamed)" }
        if namedUncounted > 0 {
            text += "; the other \(namedUncounted) named in years whose total is unknown (\(Presentation.years(uncounted.map(\.year))))"
        }
        return text
    }
}
