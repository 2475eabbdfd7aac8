import SQLiteLayer

/// What one import knows about runners' identities, for the check that a new runner is not an
/// existing one spelled another way (``Archive/similarRunnerProblems(in:keys:runnerIDs:check:)``).
///
/// The archive's runners are loaded into a `NearNameIndex` only when the import first meets
/// a new runner, so importing files again costs nothing here. From then on the runners new in
/// the batch, and the batch's `distinct_from:` answers, are noted as each file is checked,
/// written or not, so that `--dry-run` and a real import ask the same questions.
struct IdentityCheck {
    fileprivate var index: NearNameIndex?
    /// Pairs of name keys (``NameKey/fold(_:)``) said to be different people, both ways round,
    /// as "a\u{0}b".
    fileprivate var distinctPairs = Set<String>()

    fileprivate static func pair(_ a: String, _ b: String) -> String { a + "\u{0}" + b }

    fileprivate mutating func declareDistinct(_ a: String, _ b: String) {
        distinctPairs.insert(Self.pair(a, b))
        distinctPairs.insert(Self.pair(b, a))
    }

    /// Notes a runner new in this batch, so later names are checked against it too, unless
    /// the index holds it already (new in an earlier file of a `--dry-run`, which wrote nothing).
    fileprivate mutating func addNew(name: String, key: String, indexed: Bool) {
        if !indexed { index?.add(name: name, key: key) }
    }
}

extension Archive {
    /// Stops a new runner whose name is near an existing runner's (``NearNames``): the same
    /// name once case, accents, punctuation and name order are folded, or a letter or two
    /// apart. The file then says which it is: the same person (`name:` the existing runner's,
    /// `listed_as:` this spelling) or a different one (`distinct_from:` the existing name).
    ///
    /// - Parameters:
    ///   - runnerIDs: the stored runner of each entrant; nil for a new one.
    ///   - check: the import's identity state, updated with this edition's new runners and answers.
    /// - Returns: one ``ImportProblem/Rule/similarRunner`` problem per new runner in doubt.
    func similarRunnerProblems(in parsed: ParsedEdition, keys: EntrantKeys, runnerIDs: [Int64?],
                               check: inout IdentityCheck) throws -> [ImportProblem] {
        let entrants = parsed.edition.entrants
        for (index, entrant) in entrants.enumerated() {
            for other in entrant.distinctFrom { check.declareDistinct(keys.names[index], NameKey.fold(other)) }
        }
        var problems: [ImportProblem] = []
        // Two entrants of one edition with one identity are the validator's duplicateRunner.
        var identities = Set<String>()
        /// Runners only the stored version of this edition names: replaced, they go (a
        /// corrected spelling is not a second runner). Asked for once, when first needed.
        var replaced: Set<String>?
        for (index, entrant) in entrants.enumerated() where runnerIDs[index] == nil && identities.insert(keys.identities[index]).inserted {
            if check.index == nil { try loadIndex(into: &check) }
            let key = keys.names[index]
            let found = check.index?.near(identity: keys.identities[index], key: key) ?? (matches: [], holdsKey: false)
            var near = found.matches.filter { !check.distinctPairs.contains(IdentityCheck.pair(key, $0.key)) }
            if !near.isEmpty {
                let leaving = try replaced ?? runnersOnlyIn(race: parsed.edition.race, year: parsed.edition.year)
                replaced = leaving
                near.removeAll { leaving.contains($0.key) }
            }
            if let nearest = near.first {
                let path = "entrants[\(index)].name"
                let how = switch near[0].distance {
                case 0: "the same name once case, accents, apostrophes, dashes and name order are set aside"
                case 1: "one letter apart"
                default: "\(near[0].distance) letters apart"
                }
                let names = near.map { "'\($0.name)'" }.joined(separator: ", ")
                let distinct = near.count == 1 ? nearest.name : "[" + near.map(\.name).joined(separator: ", ") + "]"
                problems.append(ImportProblem(
                    file: parsed.fileName, line: EditionValidator.line(of: path, in: parsed), field: path, rule: .similarRunner,
                    message: "'\(entrant.name)' would be a new runner, but the archive has \(names) (\(how)). "
                        + "If it is the same person, write `name: \(nearest.name)` and `listed_as: \(entrant.name)`; "
                        + "if not, add `distinct_from: \(distinct)` to this entrant"))
            }
            check.addNew(name: entrant.name, key: key, indexed: found.holdsKey)
        }
        return problems
    }

    /// The keys of the runners the stored edition of `race` in `year` names and no other
    /// edition does: the ones replacing that edition removes, unless the new file names them.
    private func runnersOnlyIn(race: String, year: Int) throws -> Set<String> {
        Set(try connection.rows("""
            SELECT runner.search_key FROM edition JOIN entry ON entry.edition_id = edition.id JOIN runner ON runner.id = entry.runner_id
            WHERE edition.race = ? AND edition.year = ?
              AND NOT EXISTS (SELECT 1 FROM entry AS other WHERE other.runner_id = entry.runner_id AND other.edition_id <> edition.id)
            """, [race, year]).map { try $0.require("search_key", as: String.self) })
    }

    /// Loads every stored runner and the stored `distinct_from:` answers into `check`.
    private func loadIndex(into check: inout IdentityCheck) throws {
        var index = NearNameIndex()
        // Row by row: a large archive's runners are never all held as rows at once.
        try connection.prepare("SELECT name, search_key FROM runner ORDER BY id").forEachRow { row in
            index.add(name: try row.require("name"), key: try row.require("search_key"))
        }
        for row in try connection.rows("""
            SELECT runner.search_key, entry_distinct_from.name_key FROM entry_distinct_from
            JOIN entry ON entry.id = entry_distinct_from.entry_id JOIN runner ON runner.id = entry.runner_id
            """) {
            check.declareDistinct(try row.require("search_key"), try row.require("name_key"))
        }
        check.index = index
    }
}
