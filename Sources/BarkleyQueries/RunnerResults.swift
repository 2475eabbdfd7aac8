import BarkleyArchive

/// One runner's whole history in the race.
public struct Career: Sendable, Hashable, Codable {
    public var runner: String
    /// The runner's stable key (`jasmin-paris`), which a later spelling of the name does not change.
    public var key: String?
    /// Where the runner is found in the wider record (Wikidata, DUV, UltraSignup), as the
    /// edition files state it; the latest edition's value where two differ.
    public var externalIDs: ExternalIDs = ExternalIDs()
    /// Other spellings sources have used.
    public var aliases: [String]
    /// Every year the runner is known to have started, oldest first.
    public var years: [CareerYear]
    public var starts: Int
    public var finishes: Int
    public var funRuns: Int
    /// Years the runner may have started without being named: held editions with a partial
    /// list in which the runner has no entry.
    public var completeness: Completeness

    enum CodingKeys: String, CodingKey {
        case runner, aliases, years, starts, finishes, completeness, key
        case funRuns = "fun_runs"
        case externalIDs = "external_ids"
    }
}

/// One year of a runner's career.
public struct CareerYear: Sendable, Hashable, Codable {
    public var year: Int
    /// The spelling that year's sources used, when it differs.
    public var listedAs: String?
    public var country: String?
    public var sex: Sex?
    public var firstAttempt: Bool?
    /// Loops completed, where known.
    public var loopsCompleted: Int?
    public var outcome: Outcome
    /// Cumulative times at the end of the loops where one is known.
    public var times: [LoopSplit]
    public var note: String?
    /// Why the runner did not finish, where a source says (a code), and in words.
    public var reason: DropReason?
    public var reasonNote: String?

    enum CodingKeys: String, CodingKey {
        case year, country, sex, outcome, times, note, reason
        case reasonNote = "reason_note"
        case listedAs = "listed_as"
        case firstAttempt = "first_attempt"
        case loopsCompleted = "loops_completed"
    }
}

/// The time at the end of one loop.
public struct LoopSplit: Sendable, Hashable, Codable {
    public var loop: Int
    /// Cumulative since the start.
    public var time: ElapsedTime
    /// The loop alone, when the end of the previous loop is known too.
    public var split: ElapsedTime?
    public var direction: Direction?
    /// Why the loop does not count, when it does not (off course, after the limit).
    public var unofficial: UnofficialReason?

    enum CodingKeys: String, CodingKey {
        case loop, time, split, direction, unofficial
    }
}

/// Runners ranked by a count: starts, fun runs or finishes.
public struct RunnerRanking: Sendable, Hashable, Codable {
    /// Most first; equal counts share a rank and are ordered by their first year.
    public var runners: [RankedRunner]
    /// Where the counts may be low: editions that do not name everyone they count.
    public var completeness: Completeness
    /// Only editions whose finish was this many loops were counted; nil: every edition.
    public var loops: Int? = nil
    /// The limit asked for: ``runners`` holds the first `limit` and everyone tied with the
    /// `limit`-th; nil when every runner was asked for.
    public var limit: Int? = nil
    /// How many of ``runners`` are listed past ``limit`` because they tie with the runner at
    /// the limit (10 for `mostFinishes(limit: 10)` through 2025: ten more runners share the
    /// tenth runner's one finish); 0 when no tie crosses the limit.
    public var tiedPastLimit: Int = 0

    enum CodingKeys: String, CodingKey {
        case runners, completeness, loops, limit
        case tiedPastLimit = "tied_past_limit"
    }
}

/// One runner's place in a ranking.
public struct RankedRunner: Sendable, Hashable, Codable {
    /// 1 for the most; runners with equal counts share a rank (1, 1, 3).
    public var rank: Int
    public var runner: String
    public var count: Int
    public var years: [Int]

    enum CodingKeys: String, CodingKey {
        case rank, runner, count, years
    }
}

/// Starts, fun runs and finishes by country.
public struct CountryTable: Sendable, Hashable, Codable {
    /// Most finishes first, then most fun runs, then most starts; entries whose country is
    /// unknown are one last row with a nil country.
    public var countries: [CountryRow]
    /// Where the starts may be low: partial entrant lists.
    public var startsCompleteness: Completeness
    /// Where the fun runs may be low.
    public var funRunsCompleteness: Completeness
    /// Where the finishes may be low.
    public var finishesCompleteness: Completeness
    /// Only editions whose finish was this many loops were counted; nil: every edition.
    public var loops: Int? = nil

    enum CodingKeys: String, CodingKey {
        case countries, loops
        case startsCompleteness = "starts_completeness"
        case funRunsCompleteness = "fun_runs_completeness"
        case finishesCompleteness = "finishes_completeness"
    }
}

/// One country's entries. A runner counts for the country a year's sources give; some
/// sources give none, so one runner's entries may fall under a country and under "unknown".
public struct CountryRow: Sendable, Hashable, Codable {
    /// ISO 3166-1 alpha-3; nil for the entries whose country is unknown.
    public var country: String?
    /// Entries (one runner starting three times is three starts).
    public var starts: Int
    /// Distinct runners.
    public var runners: Int
    public var funRuns: Int
    public var finishes: Int
    /// Distinct runners with a finish.
    public var finishers: Int

    enum CodingKeys: String, CodingKey {
        case country, starts, runners, finishes, finishers
        case funRuns = "fun_runs"
    }
}
