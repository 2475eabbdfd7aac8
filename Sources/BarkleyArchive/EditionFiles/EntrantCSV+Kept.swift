extension EntrantCSV {
    /// What the stored entrants of `edition` hold that a spreadsheet of entrants has no column
    /// for — disputed values, unofficial loops, external ids, and a reason the spreadsheet does
    /// not give the same entrant (its `reason` and `reason_note` columns carry one) — one line
    /// per entrant ("Greig Hamilton: disputed entered"). Replacing the entrants from a
    /// spreadsheet drops them, so the import report names each (never silently); the edition
    /// file keeps them.
    static func factsWithoutAColumn(in edition: Edition, replacedBy replacement: Edition) -> [String] {
        var reasons: [String: (DropReason?, String?)] = [:]
        for entrant in replacement.entrants where reasons[entrant.name] == nil { reasons[entrant.name] = (entrant.reason, entrant.reasonNote) }
        return edition.entrants.compactMap { entrant in
            var facts: [String] = []
            if !entrant.disputed.isEmpty { facts.append("disputed " + entrant.disputed.map(\.field.rawValue).joined(separator: ", ")) }
            let disputedLoops = entrant.times.filter { !$0.disputed.isEmpty }.map(\.loop)
            if !disputedLoops.isEmpty { facts.append("a disputed time of loop " + disputedLoops.map(String.init).joined(separator: ", ")) }
            if entrant.reason != nil || entrant.reasonNote != nil,
               reasons[entrant.name].map({ $0.0 != entrant.reason || $0.1 != entrant.reasonNote }) ?? true {
                facts.append("a reason")
            }
            let unofficial = entrant.times.filter { $0.unofficial != nil }.map(\.loop)
            if !unofficial.isEmpty { facts.append("unofficial loop " + unofficial.map(String.init).joined(separator: ", ")) }
            if entrant.externalIDs != ExternalIDs() { facts.append("external ids") }
            return facts.isEmpty ? nil : "\(entrant.name): \(facts.joined(separator: "; "))"
        }
    }
}
