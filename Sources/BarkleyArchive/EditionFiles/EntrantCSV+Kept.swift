extension EntrantCSV {
    /// The fields of ``Entrant`` (its stored properties, by Swift name) a spreadsheet row has a
    /// column for; every other field is in ``entrantFactsWithoutAColumn``. A test walks the
    /// model's fields, so a field added to ``Entrant`` is in one list or the other.
    static let entrantFieldsInColumns: Set<String> = [
        "name", "listedAs", "country", "sex", "firstAttempt", "loopsCompleted", "statedOutcome", "times", "cited", "note",
        "distinctFrom", "reason", "reasonNote",
    ]
    /// The fields of ``LoopTime`` a `loop_N` cell carries; every other field is in ``timeFactsWithoutAColumn``.
    static let timeFieldsInColumns: Set<String> = ["loop", "elapsed"]

    /// Each field of ``Entrant`` a spreadsheet has no column for, and what a stored entrant
    /// holds in it, in words; nil when it holds nothing.
    static let entrantFactsWithoutAColumn: [(field: String, fact: @Sendable (Entrant) -> String?)] = [
        ("externalIDs", { $0.externalIDs == ExternalIDs() ? nil : "external ids" }),
        ("disputed", { $0.disputed.isEmpty ? nil : "disputed " + $0.disputed.map(\.field.rawValue).joined(separator: ", ") }),
    ]

    /// Each field of ``LoopTime`` a `loop_N` cell cannot carry, and what the stored times of
    /// the loops listed hold in it, in words ("the direction of loop 1, 2").
    static let timeFactsWithoutAColumn: [(field: String, fact: @Sendable ([Int]) -> String, holds: @Sendable (LoopTime) -> Bool)] = [
        ("direction", { "the direction of loop " + list($0) }, { $0.direction != nil }),
        ("cited", { "the sources cited for the time of loop " + list($0) }, { !$0.cited.isEmpty }),
        ("note", { "the note on the time of loop " + list($0) }, { $0.note != nil }),
        ("disputed", { "a disputed time of loop " + list($0) }, { !$0.disputed.isEmpty }),
        ("unofficial", { "unofficial loop " + list($0) }, { $0.unofficial != nil }),
    ]

    private static func list(_ loops: [Int]) -> String { loops.map(String.init).joined(separator: ", ") }

    /// What the stored entrants of `edition` hold that a spreadsheet of entrants has no column
    /// for — external ids, disputed values, and of each loop time its direction, sources, note,
    /// disputed values and unofficial reason — and a reason the spreadsheet does not give the
    /// same entrant (its `reason` and `reason_note` columns carry one): one line per entrant
    /// ("Jasmin Paris: the direction of loop 1, 2, 3, 4, 5; the note on the time of loop 5").
    /// Replacing the entrants from a spreadsheet drops them, so the import report names each
    /// (never silently); the edition file keeps them.
    static func factsWithoutAColumn(in edition: Edition, replacedBy replacement: Edition) -> [String] {
        var reasons: [String: (DropReason?, String?)] = [:]
        for entrant in replacement.entrants where reasons[entrant.name] == nil { reasons[entrant.name] = (entrant.reason, entrant.reasonNote) }
        return edition.entrants.compactMap { entrant in
            var facts = entrantFactsWithoutAColumn.compactMap { $0.fact(entrant) }
            for time in timeFactsWithoutAColumn {
                let loops = entrant.times.filter(time.holds).map(\.loop)
                if !loops.isEmpty { facts.append(time.fact(loops)) }
            }
            if entrant.reason != nil || entrant.reasonNote != nil,
               reasons[entrant.name].map({ $0.0 != entrant.reason || $0.1 != entrant.reasonNote }) ?? true {
                facts.append("a reason")
            }
            return facts.isEmpty ? nil : "\(entrant.name): \(facts.joined(separator: "; "))"
        }
    }
}
