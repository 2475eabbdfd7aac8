import BarkleyQueries

extension Presentation {
    /// The finishes of every race in one phrase, each race named, for a sentence that would
    /// otherwise give one misleading total: `26 100-mile finishes and 1 3-loop finish (1988)`;
    /// with one race held, `26 finishes`. Nil when no race is held.
    public static func finishesByRace(_ totals: [CategoryTotal]) -> String? {
        guard totals.count > 1 else { return totals.first.map { plural($0.finishes, "finish", "finishes") } }
        return list(totals.map { total in
            let years = total.category == .threeLoop && !total.years.isEmpty ? " (\(list(total.years.map(String.init))))" : ""
            return "\(total.finishes) \(total.category.label) " + (total.finishes == 1 ? "finish" : "finishes") + years
        })
    }
}
