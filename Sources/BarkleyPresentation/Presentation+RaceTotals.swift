import BarkleyQueries

extension Presentation {
    /// The finishes of every race in one phrase, each race named, for a sentence that would
    /// otherwise give one misleading total, each race named after its count (a count before
    /// `3-loop` would read as two numbers): `26 finishes of the 100-mile race and 1 finish of the 3-loop race (1988)`;
    /// with one race held, `26 finishes`. Nil when no race is held.
    public static func finishesByRace(_ totals: [CategoryTotal]) -> String? {
        guard totals.count > 1 else { return totals.first.map { plural($0.finishes, "finish", "finishes") } }
        return list(totals.map { total in
            let years = total.category == .threeLoop && !total.years.isEmpty ? " (\(list(total.years.map(String.init))))" : ""
            return plural(total.finishes, "finish", "finishes") + " of the \(total.category.label) race" + years
        })
    }
}
