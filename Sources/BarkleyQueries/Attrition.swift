import BarkleyArchive
import SQLiteLayer

/// How many started one loop of an edition and how many completed it.
///
/// Counts are the published ones (`loop_counts`, and the starters for loop 1) or, where those
/// leave a count unknown, deduced when the published counts leave only one value possible:
/// each loop is started by no more than completed the one before, and completed by at least the
/// named runners known to have completed it and the stated finishers (and, up to the fun-run
/// distance, the stated fun runs). In 2012, three started loop 5 and three finished, so three
/// completed it. A complete entrant list whose every entry gives its loops counts completions
/// exactly. Otherwise a count is nil: unknown, never zero.
public struct LoopAttrition: Sendable, Hashable, Codable {
    public var loop: Int
    public var started: Int?
    public var completed: Int?
    /// True when ``started`` is deduced rather than published.
    public var startedIsDeduced: Bool
    /// True when ``completed`` is deduced rather than published.
    public var completedIsDeduced: Bool
    /// Named runners known to have completed the loop: a lower bound on ``completed``.
    public var namedCompleted: Int

    enum CodingKeys: String, CodingKey {
        case loop, started, completed
        case startedIsDeduced = "started_is_deduced"
        case completedIsDeduced = "completed_is_deduced"
        case namedCompleted = "named_completed"
    }
}

/// Loop by loop, how one edition's field thinned out.
public struct EditionAttrition: Sendable, Hashable, Codable {
    public var year: Int
    public var held: Bool
    public var starters: Int?
    /// From loop 1 to the last loop of the edition's format (or the last loop anyone is known
    /// to have reached); empty for a year not held.
    public var loops: [LoopAttrition]

    enum CodingKeys: String, CodingKey {
        case year, held, starters, loops
    }
}

/// Loop by loop, across every edition where both counts are known.
public struct HistoryAttrition: Sendable, Hashable, Codable {
    public var loops: [LoopTotals]

    /// One loop's starters and completers, summed over the editions that know both.
    public struct LoopTotals: Sendable, Hashable, Codable {
        public var loop: Int
        /// Editions summed, where both counts are known.
        public var years: [Int]
        public var started: Int
        public var completed: Int
        /// Held editions that had this loop but where one count or both are unknown.
        public var unknownYears: [Int]

        enum CodingKeys: String, CodingKey {
            case loop, years, started, completed
            case unknownYears = "unknown_years"
        }
    }

    enum CodingKeys: String, CodingKey {
        case loops
    }
}

extension SQL {
    static let loopCounts = NamedQuery("published loop counts", """
        SELECT loop_count.edition_id AS edition_id, loop_count.loop AS loop,
               loop_count.started AS started, loop_count.completed AS completed
        FROM edition CROSS JOIN loop_count ON loop_count.edition_id = edition.id
        WHERE edition.race = ?1 AND (?2 IS NULL OR edition.year = ?2)
        """, sample: [.text(Edition.barkley), .integer(2012)])

    static let entryLoops = NamedQuery("loops each entry is known to have completed", """
        SELECT entry.edition_id AS edition_id, entry.loops_completed AS loops_completed, entry.outcome AS outcome,
               (SELECT max(loop_time.loop) FROM loop_time WHERE loop_time.entry_id = entry.id AND loop_time.unofficial IS NULL) AS timed
        FROM edition CROSS JOIN entry ON entry.edition_id = edition.id
        WHERE edition.race = ?1 AND (?2 IS NULL OR edition.year = ?2)
        """, sample: [.text(Edition.barkley), .integer(2012)])
}

/// How many loops one named entry is known to have completed, and whether that is all it completed.
private struct NamedLoops {
    let loops: Int
    let isExact: Bool
}

extension History {
    /// How many started and completed each loop of one edition.
    ///
    /// - Throws: ``QueryError/noEdition(race:year:)`` when the archive has no such year;
    ///   `SQLiteError` when the archive cannot be read.
    public func attrition(year: Int) throws -> EditionAttrition {
        try attrition(of: editionFacts(year: year))
    }

    /// How many started and completed each loop, summed over the editions where both are known.
    ///
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func attritionAcrossHistory() throws -> HistoryAttrition {
        let editions = try editionFacts()
        let data = try loopData(year: nil)
        let perEdition = editions.map { attrition(of: $0, counts: data.counts[$0.id] ?? [:], named: data.named[$0.id] ?? []) }
        let loopCount = perEdition.map(\.loops.count).max() ?? 0
        return HistoryAttrition(loops: (0..<loopCount).map { index in
            var totals = HistoryAttrition.LoopTotals(loop: index + 1, years: [], started: 0, completed: 0, unknownYears: [])
            for edition in perEdition where edition.loops.count > index {
                let loop = edition.loops[index]
                if let started = loop.started, let completed = loop.completed {
                    totals.years.append(edition.year)
                    totals.started += started
                    totals.completed += completed
                } else {
                    totals.unknownYears.append(edition.year)
                }
            }
            return totals
        })
    }

    func attrition(of edition: EditionFacts) throws -> EditionAttrition {
        let data = try loopData(year: edition.year)
        return attrition(of: edition, counts: data.counts[edition.id] ?? [:], named: data.named[edition.id] ?? [])
    }

    /// Published counts by edition and loop, and each entry's known loops by edition.
    private func loopData(year: Int?) throws -> (counts: [Int64: [Int: (started: Int?, completed: Int?)]], named: [Int64: [NamedLoops]]) {
        var counts: [Int64: [Int: (started: Int?, completed: Int?)]] = [:]
        for row in try connection.rows(SQL.loopCounts.sql, [race, year]) {
            counts[try row.require("edition_id"), default: [:]][try row.require("loop")] =
                (try row.optional("started"), try row.optional("completed"))
        }
        let editions = Dictionary(uniqueKeysWithValues: try editionFacts().map { ($0.id, $0) })
        var named: [Int64: [NamedLoops]] = [:]
        for row in try connection.rows(SQL.entryLoops.sql, [race, year]) {
            let editionID: Int64 = try row.require("edition_id")
            let outcome = Outcome(rawValue: try row.require("outcome")) ?? .unknown
            let implied = switch outcome {
            case .finish: editions[editionID]?.finishLoops
            case .funRun: editions[editionID]?.funRunLoops
            default: nil as Int?
            }
            let stated: Int? = try row.optional("loops_completed")
            let loops = [stated, try row.optional("timed", as: Int.self), implied].compactMap { $0 }.max() ?? 0
            named[editionID, default: []].append(NamedLoops(loops: loops, isExact: stated != nil || outcome == .finish))
        }
        return (counts, named)
    }

    /// Published counts, completed by deduction: the counts down the loops never increase
    /// (started 1 ≥ completed 1 ≥ started 2 ≥ …), and each is at least what the named runners and
    /// stated counts show; where the known counts leave one value, it is the count.
    private func attrition(of edition: EditionFacts, counts: [Int: (started: Int?, completed: Int?)], named: [NamedLoops]) -> EditionAttrition {
        guard edition.held else { return EditionAttrition(year: edition.year, held: false, starters: nil, loops: []) }
        // Bounded by what a race can have (the schema holds archives to it; a file written with
        // its checks off must not make this allocate per loop up to 2^62).
        let loopCount = min(max(edition.finishLoops ?? edition.funRunLoops ?? 0, counts.keys.max() ?? 0, named.map(\.loops).max() ?? 0),
                            RaceBounds.maxLoops)
        guard loopCount > 0 else { return EditionAttrition(year: edition.year, held: true, starters: edition.starters, loops: []) }

        // The chain started 1, completed 1, started 2, completed 2, …: index 2(k−1) and 2(k−1)+1.
        var published = [Int?](repeating: nil, count: 2 * loopCount)
        for (loop, count) in counts where loop <= loopCount {
            published[2 * (loop - 1)] = count.started
            published[2 * (loop - 1) + 1] = count.completed
        }
        if published[0] == nil { published[0] = edition.starters }
        let namedCompleted = (1...loopCount).map { loop in named.filter { $0.loops >= loop }.count }
        // A complete list whose every entry says how many loops it completed counts the completions exactly.
        let namesAreExact = edition.entrantList == .complete && named.allSatisfy(\.isExact)
        var lowerBound = (1...loopCount).flatMap { loop -> [Int] in
            var stated = 0
            if let loops = edition.finishLoops, loop <= loops { stated += edition.statedFinishers ?? 0 }
            if let loops = edition.funRunLoops, loop <= loops { stated += edition.statedFunRuns ?? 0 }
            let bound = max(namedCompleted[loop - 1], stated)
            return [bound, bound]
        }
        for index in lowerBound.indices.reversed().dropFirst() {
            lowerBound[index] = max(lowerBound[index], lowerBound[index + 1])
        }
        var known = published
        if namesAreExact {
            for loop in 1...loopCount where known[2 * (loop - 1) + 1] == nil {
                known[2 * (loop - 1) + 1] = namedCompleted[loop - 1]
            }
        }
        let values = known.indices.map { index -> Int? in
            if let value = known[index] { return value }
            guard let upper = known[..<index].compactMap({ $0 }).min() else { return nil }
            let lower = max(lowerBound[index], known[(index + 1)...].compactMap { $0 }.max() ?? 0)
            return upper == lower ? upper : nil
        }
        let loops = (1...loopCount).map { loop in
            let started = 2 * (loop - 1), completed = started + 1
            return LoopAttrition(loop: loop, started: values[started], completed: values[completed],
                                 startedIsDeduced: published[started] == nil && values[started] != nil,
                                 completedIsDeduced: published[completed] == nil && values[completed] != nil,
                                 namedCompleted: namedCompleted[loop - 1])
        }
        return EditionAttrition(year: edition.year, held: true, starters: edition.starters, loops: loops)
    }
}
