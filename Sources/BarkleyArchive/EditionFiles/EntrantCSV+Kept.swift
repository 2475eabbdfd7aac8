extension EntrantCSV {
    /// What the stored entrants of `edition` hold that a spreadsheet of entrants has no column
    /// for — disputed values, reasons, unofficial loops, external ids — one line per entrant
    /// ("Greig Hamilton: disputed entered"). Replacing the entrants from a spreadsheet drops
    /// them, so the import report names each (never silently); the edition file keeps them.
    static func factsWithoutAColumn(in edition: Edition) -> [String] {
        edition.entrants.compactMap { entrant in
            var facts: [String] = []
            if !entrant.disputed.isEmpty { facts.append("disputed " + entrant.disputed.map(\.field.rawValue).joined(separator: ", ")) }
            let disputedLoops = entrant.times.filter { !$0.disputed.isEmpty }.map(\.loop)
            if !disputedLoops.isEmpty { facts.append("a disputed time of loop " + disputedLoops.map(String.init).joined(separator: ", ")) }
            if entrant.reason != nil || entrant.reasonNote != nil { facts.append("a reason") }
            let unofficial = entrant.times.filter { $0.unofficial != nil }.map(\.loop)
            if !unofficial.isEmpty { facts.append("unofficial loop " + unofficial.map(String.init).joined(separator: ", ")) }
            if entrant.externalIDs != ExternalIDs() { facts.append("external ids") }
            return facts.isEmpty ? nil : "\(entrant.name): \(facts.joined(separator: "; "))"
        }
    }
}
