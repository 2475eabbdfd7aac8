import SQLiteLayer

/// The external ids (Wikidata QID, DUV, UltraSignup) each runner has been given in an import
/// batch so far, so a conflict between two files of one batch is found whether or not the first
/// was written: `--dry-run` and a real import refuse the same files.
struct ExternalIDCheck {
    /// Where a runner's id was given: the file and the edition's year.
    fileprivate struct Given {
        var value: String
        var file: String
        var year: Int
    }
    /// By runner — the folded `name:` of the file (``EntrantKeys/names``), the same whether or
    /// not an earlier file of the batch was written — then field.
    fileprivate var given: [String: [String: Given]] = [:]
    /// Editions (race and year) the batch has checked: their stored ids are replaced, not compared.
    fileprivate var editions: Set<String> = []

    fileprivate static func edition(_ race: String, _ year: Int) -> String { "\(race)\u{0}\(year)" }
}

extension Archive {
    /// Refuses an entrant whose external id differs from the one another edition gives the same
    /// runner: a runner has one Wikidata item, one DUV and one UltraSignup id, whichever file
    /// states it. The other edition is a stored one (unless this batch replaces it) or an
    /// earlier file of the batch.
    ///
    /// - Parameters:
    ///   - runnerIDs: the stored runner of each entrant; nil for a runner new to the archive.
    ///   - check: the batch's ids so far, updated with this edition's.
    /// - Returns: one ``ImportProblem/Rule/conflictingID`` problem per conflicting id, naming
    ///   the file, line and field, and the other edition's value.
    /// - Throws: `SQLiteError` when the archive cannot be read.
    func externalIDProblems(in parsed: ParsedEdition, keys: EntrantKeys, runnerIDs: [Int64?],
                            check: inout ExternalIDCheck) throws -> [ImportProblem] {
        let edition = parsed.edition
        check.editions.insert(ExternalIDCheck.edition(edition.race, edition.year))
        var problems: [ImportProblem] = []
        let stored = try connection.cachedStatement("""
            SELECT edition.race AS race, edition.year AS year, entry.wikidata AS wikidata, entry.duv AS duv, entry.ultrasignup AS ultrasignup
            FROM entry JOIN edition ON edition.id = entry.edition_id
            WHERE entry.runner_id = ?1 AND (entry.wikidata IS NOT NULL OR entry.duv IS NOT NULL OR entry.ultrasignup IS NOT NULL)
            ORDER BY edition.year, edition.race
            """)
        for (index, entrant) in edition.entrants.enumerated() where !entrant.externalIDs.isEmpty {
            let ids = [("wikidata", entrant.externalIDs.wikidata), ("duv", entrant.externalIDs.duv),
                       ("ultrasignup", entrant.externalIDs.ultrasignup)].compactMap { field, value in value.map { (field, $0) } }
            let runner = keys.names[index]
            var others = check.given[runner] ?? [:]
            if let id = runnerIDs[index] {
                try stored.forEachRow([.integer(id)]) { row in
                    let race: String = try row.require("race"), year: Int = try row.require("year")
                    guard !check.editions.contains(ExternalIDCheck.edition(race, year)) else { return }
                    for (field, _) in ids where others[field] == nil {
                        if let value: String = try row.optional(field) {
                            others[field] = ExternalIDCheck.Given(value: value, file: "the archive's \(year) edition", year: year)
                        }
                    }
                }
            }
            for (field, value) in ids {
                if let other = others[field], other.value != value {
                    let path = "entrants[\(index)].\(field)"
                    problems.append(ImportProblem(
                        file: parsed.fileName, line: EditionValidator.line(of: path, in: parsed), field: path, rule: .conflictingID,
                        message: "'\(value)' differs from '\(other.value)', which \(other.file) gives \(entrant.name); "
                            + "a runner has one \(field) id: correct the wrong one, or leave it out here"))
                } else if check.given[runner]?[field] == nil {
                    check.given[runner, default: [:]][field] = ExternalIDCheck.Given(value: value, file: "\(parsed.fileName) (\(edition.year))",
                                                                                       year: edition.year)
                }
            }
        }
        return problems
    }
}
