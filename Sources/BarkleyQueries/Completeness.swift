import BarkleyArchive

/// Where an answer rests on incomplete data.
///
/// Most editions name only some of their starters (`entrant_list: partial`) or none of them
/// (`unknown`); ``partialEntrantLists`` lists those an answer covered. That alone does not make
/// every answer short: each edition states its number of finishers, so a count of finishes can
/// be complete even where the list of starters is not. ``incompleteYears`` lists the editions
/// where *this* answer may be missing something — an entry the sources do not name, or a value
/// (a time, a country, a sex) a named entry lacks — and ``isComplete`` is true only when there
/// are none.
///
/// ```swift
/// let totals = try history.finishTotals()
/// totals.finishes                          // 27
/// totals.completeness.isComplete           // true: every edition states its finishers
/// try history.mostStarts().completeness.incompleteYears   // nearly every year: starters are unnamed
/// ```
public struct Completeness: Sendable, Hashable, Codable {
    /// Held editions in the answer's scope whose entrant list is partial or unknown, by year.
    public var partialEntrantLists: [Int]
    /// Editions where the answer may be missing something, by year.
    public var incompleteYears: [Int]

    /// The disputed facts the answer used, and only those (`2022 start_time`, `2023 Greig
    /// Hamilton entered`): the sources disagree and the answer uses the preferred value;
    /// `barkley disputes` lists the others. Each query names what it used — the stated values
    /// it shows or counts with, the entrants it lists or counts (their presence, outcome, loops
    /// and the values it shows), the times it compares — so `finishers 2014` lists Jared
    /// Campbell's disputed 2014 time and `finishers 2024` does not. An entrant whose presence is
    /// disputed is still counted.
    public var disputed: [String]

    /// True when nothing the answer depends on is unknown.
    public var isComplete: Bool { incompleteYears.isEmpty }

    /// True when the answer rests on a value the sources dispute.
    public var isDisputed: Bool { !disputed.isEmpty }

    public init(partialEntrantLists: [Int], incompleteYears: [Int], disputed: [String] = []) {
        self.partialEntrantLists = partialEntrantLists
        self.incompleteYears = incompleteYears
        self.disputed = disputed
    }

    enum CodingKeys: String, CodingKey {
        case partialEntrantLists = "partial_entrant_lists"
        case incompleteYears = "incomplete_years"
        case isComplete = "is_complete"
        case disputed
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        partialEntrantLists = try container.decode([Int].self, forKey: .partialEntrantLists)
        incompleteYears = try container.decode([Int].self, forKey: .incompleteYears)
        disputed = try container.decodeIfPresent([String].self, forKey: .disputed) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(partialEntrantLists, forKey: .partialEntrantLists)
        try container.encode(incompleteYears, forKey: .incompleteYears)
        try container.encode(isComplete, forKey: .isComplete)
        try container.encode(disputed, forKey: .disputed)
    }
}

extension Completeness {
    /// Completeness over `editions`, where `isIncomplete` says which of them may be missing
    /// something, and `disputes` the disputed facts the query used.
    static func of(_ editions: [EditionFacts], disputes: DisputesUsed,
                   incompleteWhere isIncomplete: (EditionFacts) -> Bool) -> Completeness {
        Completeness(partialEntrantLists: editions.filter(\.hasPartialList).map(\.year),
                     incompleteYears: editions.filter { $0.held && isIncomplete($0) }.map(\.year),
                     disputed: disputes.labels)
    }

    /// For answers about who started: every partial list may hide a starter.
    static func ofStarts(in editions: [EditionFacts], disputes: DisputesUsed) -> Completeness {
        of(editions, disputes: disputes, incompleteWhere: \.hasPartialList)
    }

    /// For answers about one outcome: complete where the named entries are all there were.
    static func ofOutcome(_ outcome: Outcome, in editions: [EditionFacts], named: [Int64: Int], disputes: DisputesUsed) -> Completeness {
        of(editions, disputes: disputes) { !$0.namesEvery(outcome, named: named[$0.id, default: 0]) }
    }
}
