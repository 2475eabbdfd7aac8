import BarkleyArchive
import SQLiteLayer

/// Every edition of a race, one line each: the year-by-year index a reader scans.
///
/// Unknown values are nil, never zero: 1990 has no stated starters, so its line has none.
public struct EditionIndex: Sendable, Hashable, Codable {
    /// Oldest first, unless sorted (see ``sorted(by:)``).
    public var editions: [EditionLine]
    /// Where a winner may be missing or wrong: an edition that counts more finishers than it names.
    public var completeness: Completeness

    /// The disputed facts each line used, by year (see ``LineDisputes``). Not written in JSON:
    /// ``completeness`` lists them all; ``EditionAggregates`` takes each figure's own from here.
    var lineDisputes: [Int: LineDisputes] = [:]

    public init(editions: [EditionLine], completeness: Completeness) {
        self.editions = editions
        self.completeness = completeness
    }

    enum CodingKeys: String, CodingKey {
        case editions, completeness
    }
}

/// One edition at a glance, as a line of ``EditionIndex``.
public struct EditionLine: Sendable, Hashable, Codable {
    public var year: Int
    /// False for a year with no race (2002, 2020): every count is then nil.
    public var held: Bool
    /// Local date, `YYYY-MM-DD`.
    public var startDate: String?
    /// Local 24-hour clock, `HH:MM`.
    public var startTime: String?
    /// Loops of a finish that year (5 since 1995, 3 in 1988); nil when unknown.
    public var loops: Int?
    /// How many started, as the sources state it; nil when unknown (never 0 for unknown).
    public var starters: Int?
    /// The furthest loop anyone started (5 in 2012); 0 when nobody started; nil when unknown:
    /// a later loop's count is unknown and nobody is known to have reached it.
    public var furthestLoopStarted: Int?
    /// The furthest loop anyone completed; 0 when nobody completed one; nil when unknown.
    public var furthestLoopCompleted: Int?
    /// The stated number of finishers (or the named one, for a complete list); nil when unknown.
    public var finishers: Int?
    /// Fun-run completers who did not finish; nil when unknown.
    public var funRuns: Int?
    /// The fastest finisher; nil when nobody finished, or when the finishers are not named.
    public var winner: String?
    /// The winner's time; nil when there is no winner or the time is unknown.
    public var winningTime: ElapsedTime?
    /// When ``furthestLoopStarted`` is unknown: the furthest loop known to have been started (a
    /// count above zero, or someone named completing it), a lower bound; nil otherwise. Only the
    /// table for people shows it (`3+`): JSON keeps unknown as null.
    public var furthestLoopStartedAtLeast: Int?
    /// When ``furthestLoopCompleted`` is unknown: the furthest loop known to have been completed;
    /// a lower bound, not in JSON (see ``furthestLoopStartedAtLeast``).
    public var furthestLoopCompletedAtLeast: Int?
    /// Fun-run completers the sources name (who did not finish): a lower bound of ``funRuns``
    /// when that is unknown (2023: `4+`). Not in JSON.
    public var namedFunRuns = 0
    /// Whether the sources name every starter.
    public var entrantList: EntrantList
    /// Entrants the sources name.
    public var namedEntrants: Int
    /// True when the sources name every starter (``entrantList`` is complete), so nothing on the
    /// line rests on an unnamed entrant; a year not held is complete.
    public var isComplete: Bool

    public init(year: Int, held: Bool, startDate: String? = nil, startTime: String? = nil, loops: Int? = nil, starters: Int? = nil,
                furthestLoopStarted: Int? = nil, furthestLoopCompleted: Int? = nil, finishers: Int? = nil, funRuns: Int? = nil,
                winner: String? = nil, winningTime: ElapsedTime? = nil, entrantList: EntrantList = .unknown,
                namedEntrants: Int = 0, isComplete: Bool = false) {
        self.year = year
        self.held = held
        self.startDate = startDate
        self.startTime = startTime
        self.loops = loops
        self.starters = starters
        self.furthestLoopStarted = furthestLoopStarted
        self.furthestLoopCompleted = furthestLoopCompleted
        self.finishers = finishers
        self.funRuns = funRuns
        self.winner = winner
        self.winningTime = winningTime
        self.entrantList = entrantList
        self.namedEntrants = namedEntrants
        self.isComplete = isComplete
    }

    enum CodingKeys: String, CodingKey {
        case year, held, loops, starters, finishers, winner
        case startDate = "start_date"
        case startTime = "start_time"
        case furthestLoopStarted = "furthest_loop_started"
        case furthestLoopCompleted = "furthest_loop_completed"
        case funRuns = "fun_runs"
        case winningTime = "winning_time"
        case entrantList = "entrant_list"
        case namedEntrants = "named_entrants"
        case isComplete = "is_complete"
    }
}

/// The disputed facts one line of ``EditionIndex`` used, by the value that used them, as
/// ``Completeness/disputed`` names them.
struct LineDisputes: Sendable, Hashable {
    /// The start date and time of day.
    var start: [String] = []
    var starters: [String] = []
    /// The winner and winning time: every finish of the year, its presence, outcome and time.
    var winner: [String] = []
    /// The number of finishers.
    var finishers: [String] = []
    /// Everything the line used (the above, the fun runs and the furthest loops).
    var all: [String] = []
}

/// How ``EditionIndex/sorted(by:)`` orders the editions; unknown values always come last.
public enum EditionOrder: String, Sendable, Hashable, CaseIterable, Codable {
    /// Oldest first.
    case year
    /// Largest field first.
    case starters
    /// Most finishers first.
    case finishers
    /// Earliest start time of day first (the conch is blown at any hour).
    case start
    /// Fastest winning time first, distance by distance, the longest first: the 5-loop
    /// winners by time, then 1988's 3-loop one (a 3-loop time is not a faster 5-loop one).
    case winningTime = "winning-time"
}

extension EditionIndex {
    /// The same editions in `order`; ties, and unknowns among themselves, stay oldest first.
    public func sorted(by order: EditionOrder) -> EditionIndex {
        func key(_ line: EditionLine) -> (Int, Int, String)? {
            switch order {
            case .year: (line.year, 0, "")
            case .starters: line.starters.map { (-$0, 0, "") }
            case .finishers: line.finishers.map { (-$0, 0, "") }
            case .start: line.startTime.map { (0, 0, $0) }
            case .winningTime: line.winningTime.map { (-(line.loops ?? 0), $0.seconds, "") }
            }
        }
        let sorted = editions.enumerated().sorted { left, right in
            switch (key(left.element), key(right.element)) {
            case let (l?, r?): l != r ? l < r : left.offset < right.offset
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): left.offset < right.offset
            }
        }
        var index = EditionIndex(editions: sorted.map(\.element), completeness: completeness)
        index.lineDisputes = lineDisputes
        return index
    }
}

extension SQL {
    static let editionStarts = NamedQuery("every edition's start and named entrants", """
        SELECT edition.id AS id, edition.start_date AS start_date, edition.start_time AS start_time,
               (SELECT count(*) FROM entry WHERE entry.edition_id = edition.id) AS named
        FROM edition WHERE edition.race = ?1 ORDER BY edition.year
        """, sample: [.text(Edition.barkley)])
}

extension History {
    /// Every edition of the race, one line each, oldest first.
    ///
    /// ```swift
    /// let index = try history.editionIndex()
    /// index.editions.last?.winner                                 // nil: nobody finished in 2025
    /// index.sorted(by: .starters).editions.first?.starters        // the largest field
    /// ```
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func editionIndex() throws -> EditionIndex {
        let editions = try editionFacts()
        var starts: [Int64: (date: String?, time: String?, named: Int)] = [:]
        for row in try connection.rows(SQL.editionStarts.sql, [race]) {
            starts[try row.require("id")] = (try row.optional("start_date"), try row.optional("start_time"), try row.require("named"))
        }
        let finishes = Dictionary(grouping: try allFinishes().finishes, by: \.year)
        let namedFunRuns = try namedCounts(of: .funRun)
        let namedFinishes = try namedCounts(of: .finish)
        let disputeIndex = try self.disputeIndex()
        var lineDisputes: [Int: LineDisputes] = [:]
        var used = DisputesUsed(disputeIndex)
        let lines = try editions.map { edition -> EditionLine in
            let start = starts[edition.id]
            var line = EditionLine(year: edition.year, held: edition.held, startDate: start?.date, startTime: start?.time,
                                   loops: edition.finishLoops, entrantList: edition.entrantList, namedEntrants: start?.named ?? 0,
                                   isComplete: !edition.hasPartialList)
            guard edition.held else {
                line.isComplete = true
                return line
            }
            line.starters = edition.starters
            let attrition = try attrition(of: edition).loops
            // Someone named as completing a loop started it and completed it, whatever the counts say.
            line.furthestLoopStarted = Self.furthestLoop(attrition) { $0.started ?? ($0.namedCompleted > 0 ? $0.namedCompleted : nil) }
            line.furthestLoopCompleted = Self.furthestLoop(attrition) { $0.completed ?? ($0.namedCompleted > 0 ? $0.namedCompleted : nil) }
            if line.furthestLoopStarted == nil {
                line.furthestLoopStartedAtLeast = Self.furthestKnownLoop(attrition) { max($0.started ?? 0, $0.namedCompleted) }
            }
            if line.furthestLoopCompleted == nil {
                line.furthestLoopCompletedAtLeast = Self.furthestKnownLoop(attrition) { max($0.completed ?? 0, $0.namedCompleted) }
            }
            line.namedFunRuns = namedFunRuns[edition.id, default: 0]
            let named = finishes[edition.year] ?? []
            line.finishers = edition.knownCount(of: .finish, named: named.count)
            line.funRuns = edition.knownCount(of: .funRun, named: namedFunRuns[edition.id, default: 0])
            if let first = named.min(by: { $0.place < $1.place }) {
                line.winner = first.runner
                line.winningTime = first.time
            }
            var disputes = LineDisputes()
            var lineUsed = DisputesUsed(disputeIndex)
            func labels(_ fill: (inout DisputesUsed) throws -> Void) rethrows -> [String] {
                var part = DisputesUsed(disputeIndex)
                try fill(&part)
                lineUsed.formUnion(part)
                return part.labels
            }
            disputes.start = labels { $0.edition(edition.year, .startDate, .startTime) }
            disputes.starters = labels { $0.edition(edition.year, .starters) }
            // A stated count is used as stated; the named entrants only where none is stated and the
            // list is complete (``EditionFacts/knownCount(of:named:)``).
            disputes.finishers = try labels { part in
                part.edition(edition.year, .finishers)
                if edition.statedFinishers == nil, edition.entrantList == .complete { part.formUnion(try self.disputes(counting: .finish, in: [edition], index: disputeIndex)) }
            }
            _ = try labels { part in
                part.edition(edition.year, .funRunCompleters)
                if edition.statedFunRuns == nil, edition.entrantList == .complete { part.formUnion(try self.disputes(counting: .funRun, in: [edition], index: disputeIndex)) }
            }
            disputes.winner = try labels { $0.formUnion(try self.disputes(counting: .finish, in: [edition], times: true, stated: false, index: disputeIndex)) }
            // The furthest loops read the counts from the last loop down to the one found.
            _ = labels { part in
                for loop in attrition where loop.loop >= (line.furthestLoopStarted ?? 0) { part.loop(edition.year, loop.loop, .started) }
                for loop in attrition where loop.loop >= (line.furthestLoopCompleted ?? 0) { part.loop(edition.year, loop.loop, .completed) }
            }
            used.formUnion(lineUsed)
            disputes.all = lineUsed.labels
            lineDisputes[edition.year] = disputes
            return line
        }
        let completeness = Completeness.ofOutcome(.finish, in: editions, named: namedFinishes, disputes: used)
        var index = EditionIndex(editions: lines, completeness: completeness)
        index.lineDisputes = lineDisputes
        return index
    }

    /// The last loop whose `count` is known to be above zero; nil when none is.
    private static func furthestKnownLoop(_ loops: [LoopAttrition], _ count: (LoopAttrition) -> Int) -> Int? {
        loops.last { count($0) > 0 }?.loop
    }

    /// The last loop whose `count` is above zero, when every loop after it is known to be zero;
    /// nil when a later count is unknown; 0 when every count is zero.
    private static func furthestLoop(_ loops: [LoopAttrition], _ count: (LoopAttrition) -> Int?) -> Int? {
        for loop in loops.reversed() {
            guard let count = count(loop) else { return nil }
            if count > 0 { return loop.loop }
        }
        return loops.isEmpty ? nil : 0
    }
}
