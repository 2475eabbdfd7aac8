/// The rules for disputed values and for the citations of cutoffs and loop counts, checked
/// with the rest of ``EditionValidator``'s.
///
/// Written for any ``Edition`` (one built in code too), so they repeat what the reader already
/// refuses in a file where the schema has a twin constraint: a field disputed at another level,
/// a value the field could not hold, `entered` other than false.
enum DisputeRules {
    typealias Report = (ImportProblem.Rule, String, String) -> Void

    static func check(_ edition: Edition, report: Report) {
        let keys = Set(edition.sources.map(\.key))
        check(edition.disputed, at: .edition, path: "", keys: keys, report: report) { edition.preferredValue(of: $0) }
        // Cutoffs are written in loop order; their problems name the item in that order.
        let cutoffLoops = edition.format.cutoffs.keys.sorted()
        for (loop, sources) in edition.cutoffSources.sorted(by: { $0.key < $1.key }) {
            guard let index = cutoffLoops.firstIndex(of: loop), let time = edition.format.cutoffs[loop] else {
                report(.invalidValue, "format.cutoffs", "sources or disputes for a cutoff of loop \(loop), which has no cutoff time")
                continue
            }
            let path = "format.cutoffs[\(index)]"
            citations(sources.cited, "\(path).cite", keys: keys, report: report)
            check(sources.disputed, at: .cutoff, path: path, keys: keys, report: report) { _ in time.description }
        }
        for (index, count) in edition.loopCounts.enumerated() {
            let path = "loop_counts[\(index)]"
            citations(count.cited, "\(path).cite", keys: keys, report: report)
            check(count.disputed, at: .loopCount, path: path, keys: keys, report: report) { count.preferredValue(of: $0) }
        }
        for (index, entrant) in edition.entrants.enumerated() {
            let path = "entrants[\(index)]"
            check(entrant.disputed, at: .entrant, path: path, keys: keys, report: report) {
                entrant.preferredValue(of: $0, under: edition.format)
            }
            for (timeIndex, time) in entrant.times.enumerated() {
                check(time.disputed, at: .loopTime, path: "\(path).times[\(timeIndex)]", keys: keys, report: report) { _ in
                    time.elapsed.description
                }
            }
        }
    }

    /// The disputes of one level at `path`; `preferred` gives the canonical text of a field's own
    /// value there, nil when the level does not state it.
    private static func check(_ disputes: [Dispute], at level: DisputedField.Level, path: String, keys: Set<String>,
                              report: Report, preferred: (DisputedField) -> String?) {
        var seen = Set<DisputedField>()
        for dispute in disputes {
            let fieldPath = (path.isEmpty ? "" : "\(path).") + "disputed.\(dispute.field.rawValue)"
            let name = dispute.field.rawValue
            guard dispute.field.level == level else {
                report(.unknownField, fieldPath, "`\(name)` cannot be disputed here; it is disputed where it is written "
                       + "(expected one of: \(DisputedField.fields(of: level).map(\.rawValue).joined(separator: ", ")))")
                continue
            }
            if !seen.insert(dispute.field).inserted { report(.duplicateField, fieldPath, "is disputed twice; keep one list") }
            if dispute.alternatives.isEmpty {
                report(.missingField, fieldPath, "give at least one alternative `{value: …, cite: [key]}`, or leave the field out of `disputed:`")
            }
            let preferredValue = preferred(dispute.field)
            if preferredValue == nil {
                report(.missingField, fieldPath, "disputes `\(name)`, which has no value here: write the value you prefer as `\(name):` "
                       + "and the others under `disputed.\(name)` (or leave the dispute out while no source gives a value)")
            }
            var values = Set<String>()
            for (index, alternative) in dispute.alternatives.enumerated() {
                let itemPath = "\(fieldPath)[\(index)]"
                if SchemaRules.isBlank(alternative.value) {
                    report(.missingField, "\(itemPath).value", "is required; it is blank")
                } else if dispute.field.canonical(alternative.value) != alternative.value {
                    report(.invalidValue, "\(itemPath).value", "'\(alternative.value)' is not a value of `\(name)`: expected \(dispute.field.expected)")
                } else if dispute.field == .entered, alternative.value != "false" {
                    report(.invalidValue, "\(itemPath).value", "`entered` can only be disputed as false (a source that says the runner was "
                           + "not in this edition); the entrant's presence in the file is the preferred value")
                } else if alternative.value == preferredValue {
                    report(.invalidValue, "\(itemPath).value", "'\(alternative.value)' is the preferred value itself; list only the values "
                           + "other sources give (cite every source of the preferred value on the field's own `cite`)")
                } else if !values.insert(alternative.value).inserted {
                    report(.duplicateField, "\(itemPath).value", "'\(alternative.value)' is listed twice; give it once, citing every source")
                }
                if alternative.cited.isEmpty {
                    report(.missingField, "\(itemPath).cite", "is required: name the sources that give this value (`cite: [key]`)")
                }
                citations(alternative.cited, "\(itemPath).cite", keys: keys, report: report)
            }
        }
    }

    /// Each key once, and each under `sources:` (the tables of citations hold a key once per fact).
    private static func citations(_ cited: [String], _ field: String, keys: Set<String>, report: Report) {
        var seen = Set<String>()
        for key in cited {
            if !keys.contains(key) { report(.unknownSourceKey, field, "cites '\(key)', which is not under `sources:`") }
            if !seen.insert(key).inserted { report(.duplicateField, field, "cites '\(key)' twice; keep one") }
        }
    }
}
