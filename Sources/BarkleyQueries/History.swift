import BarkleyArchive
import SQLiteLayer

/// Answers to the questions people ask about a race's history, each as a typed result.
///
/// ```swift
/// let history = History(archive: try BuiltInArchive.open())
/// for finish in try history.finishers(in: 2024).finishes {
///     print(finish.place, finish.runner, finish.time?.description ?? "time unknown")
/// }
/// ```
///
/// Every answer covers one race (the Barkley Marathons unless told otherwise), even in an
/// archive that holds many. Unknown values are `nil`, never zero, and every answer that counts
/// or ranks says where it rests on incomplete data: see ``Completeness``.
///
/// Each query starts from the race's editions (an index on `edition (race, year)`) and reaches
/// entries and loop times through indexes, so an answer costs in proportion to the race's own
/// history, not to the size of the archive.
///
/// A history reads through its archive's connection and, like it, is used from one thread at a time.
public struct History {
    /// The archive the answers are read from.
    public let archive: Archive
    /// The race whose history this is.
    public let race: String

    /// The history of `race` in `archive`.
    public init(archive: Archive, race: String = Edition.barkley) {
        self.archive = archive
        self.race = race
    }

    var connection: Connection { archive.connection }
}

/// A history uses its archive's connection, which must stay on one thread; see `Archive`.
@available(*, unavailable)
extension History: Sendable {}

/// A question that has no answer in the archive: the edition or the runner it names is not there.
public enum QueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The archive holds no edition of the race in that year.
    case noEdition(race: String, year: Int)
    /// No runner of the race has that name or spelling; `suggestions` are close names
    /// ("Jared Campbel" → Jared Campbell) or, for part of a name, the runners it matches.
    case noRunner(name: String, suggestions: [String])
    /// The name is a spelling of more than one runner; `candidates` are their names.
    case ambiguousRunner(name: String, candidates: [String])
    /// The runner has no entry in that year.
    case noEntry(runner: String, year: Int)

    public var description: String {
        switch self {
        case .noEdition(let race, let year):
            "no edition of \(race) in \(year)"
        case .noRunner(let name, let suggestions):
            "no runner named '\(name)'" + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?")
        case .ambiguousRunner(let name, let candidates):
            "'\(name)' is a spelling of \(candidates.count) runners (\(candidates.joined(separator: ", "))); use the full name"
        case .noEntry(let runner, let year):
            "\(runner) has no entry in \(year)"
        }
    }
}

// MARK: - Edition facts shared by the questions

/// What an edition's own row says, which most answers need to judge their completeness.
struct EditionFacts {
    let id: Int64
    let year: Int
    let held: Bool
    let entrantList: EntrantList
    let starters: Int?
    let statedFinishers: Int?
    let statedFunRuns: Int?
    let finishLoops: Int?
    let finishLimitSeconds: Int?
    let funRunLoops: Int?
    /// The race the edition's finishes belong to: as stated, else derived from the format.
    let category: RaceCategory

    init(row: Row) throws {
        id = try row.require("id")
        year = try row.require("year")
        held = try row.require("held")
        entrantList = EntrantList(rawValue: try row.require("entrant_list")) ?? .unknown
        starters = try row.optional("starters")
        statedFinishers = try row.optional("stated_finishers")
        statedFunRuns = try row.optional("stated_fun_runs")
        finishLoops = try row.optional("finish_loops")
        finishLimitSeconds = try row.optional("finish_limit_seconds")
        funRunLoops = try row.optional("fun_run_loops")
        category = try row.optional("category", as: String.self).flatMap(RaceCategory.init(rawValue:))
            ?? RaceCategory.derived(fromLoops: finishLoops)
    }

    /// Held, with an entrant list that does not name every starter.
    var hasPartialList: Bool { held && entrantList != .complete }

    /// The count of `outcome` the sources state for this edition.
    func statedCount(of outcome: Outcome) -> Int? {
        switch outcome {
        case .finish: statedFinishers
        case .funRun: statedFunRuns
        default: nil
        }
    }

    /// True when the named entries with `outcome` are all there were: the list is complete, a
    /// stated count matches them, or the edition's format has no such outcome.
    func namesEvery(_ outcome: Outcome, named: Int) -> Bool {
        guard held, entrantList != .complete else { return true }
        if outcome == .funRun, funRunLoops == nil, statedFunRuns == nil { return true }
        guard let stated = statedCount(of: outcome) else { return false }
        return named >= stated
    }

    /// How many entries had `outcome`: the stated count, or the named one when the list is
    /// complete; nil when unknown or when the edition was not held.
    func knownCount(of outcome: Outcome, named: Int) -> Int? {
        guard held else { return nil }
        if let stated = statedCount(of: outcome) { return max(stated, named) }
        return entrantList == .complete ? named : nil
    }
}

extension SQL {
    static let editions = NamedQuery("editions of the race", """
        SELECT id, year, held, entrant_list, starters, stated_finishers, stated_fun_runs,
               finish_loops, finish_limit_seconds, fun_run_loops, category
        FROM edition WHERE race = ?1 ORDER BY year
        """, sample: [.text(Edition.barkley)])

    static let outcomeCounts = NamedQuery("named entries with an outcome, per edition", """
        SELECT entry.edition_id AS edition_id, count(*) AS n
        FROM edition CROSS JOIN entry ON entry.edition_id = edition.id
        WHERE edition.race = ?1 AND +entry.outcome = ?2
        GROUP BY entry.edition_id
        """, sample: [.text(Edition.barkley), .text("finish")])
}

extension History {
    /// Every edition of the race, oldest first.
    func editionFacts() throws -> [EditionFacts] {
        try connection.rows(SQL.editions.sql, [race]).map(EditionFacts.init(row:))
    }

    /// The edition of `year`.
    ///
    /// - Throws: ``QueryError/noEdition(race:year:)`` when the archive has none.
    func editionFacts(year: Int) throws -> EditionFacts {
        guard let edition = try editionFacts().first(where: { $0.year == year }) else {
            throw QueryError.noEdition(race: race, year: year)
        }
        return edition
    }

    /// Named entries with `outcome`, by edition id.
    func namedCounts(of outcome: Outcome) throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        for row in try connection.rows(SQL.outcomeCounts.sql, [race, outcome.rawValue]) {
            counts[try row.require("edition_id")] = try row.require("n")
        }
        return counts
    }
}
