import BarkleyArchive

/// A source a fact rests on, under the key its edition file gives it.
public struct Source: Sendable, Hashable, Codable {
    public var key: String
    /// A URL or a printed citation.
    public var citation: String

    enum CodingKeys: String, CodingKey {
        case key, citation
    }
}

/// The rules of one edition, as far as they are known.
public struct FormatSummary: Sendable, Hashable, Codable {
    /// Loops for a finish.
    public var loops: Int?
    public var timeLimit: ElapsedTime?
    public var funRunLoops: Int?
    public var funRunTimeLimit: ElapsedTime?
    /// Cumulative cutoff at the end of each loop, where published.
    public var cutoffs: [Cutoff]

    public struct Cutoff: Sendable, Hashable, Codable {
        public var loop: Int
        public var time: ElapsedTime

        enum CodingKeys: String, CodingKey {
            case loop, time
        }
    }

    enum CodingKeys: String, CodingKey {
        case loops, cutoffs
        case timeLimit = "time_limit"
        case funRunLoops = "fun_run_loops"
        case funRunTimeLimit = "fun_run_time_limit"
    }
}

/// One edition at a glance. Unknown counts are nil, never zero.
public struct EditionSummary: Sendable, Hashable, Codable {
    public var year: Int
    /// False for a year with no race (2002, 2020).
    public var held: Bool
    /// Local date, `YYYY-MM-DD`.
    public var startDate: String?
    /// Local 24-hour clock, `HH:MM`.
    public var startTime: String?
    public var format: FormatSummary
    public var starters: Int?
    public var entrantList: EntrantList
    /// How many started and completed each loop; see ``LoopAttrition``.
    public var loops: [LoopAttrition]
    /// Fun-run completers who did not finish: the stated count (or the named one, for a
    /// complete list); nil when unknown.
    public var funRunCompleters: Int?
    /// The fun runs the sources name, fastest first.
    public var funRuns: [FunRun]
    /// Finishers: the stated count (or the named one, for a complete list); nil when unknown.
    public var finishers: Int?
    /// The finishes, fastest first.
    public var finishes: [Finish]
    public var notes: String?
    /// Every source of the edition, in the file's order.
    public var sources: [Source]
    /// Keys of ``sources`` behind the edition-level facts (format, starters, counts).
    public var cited: [String]
    /// Where the named finishes and fun runs fall short of the counts, and whether the list of
    /// starters is partial.
    public var completeness: Completeness
    /// The race the edition's finishes belong to (stated, or derived from the format).
    public var category: RaceCategory = .hundredMile
    /// The course that year, where a source describes it.
    public var course: CourseFacts?

    enum CodingKeys: String, CodingKey {
        case year, held, format, starters, loops, finishers, finishes, notes, sources, cited, completeness, category, course
        case startDate = "start_date"
        case startTime = "start_time"
        case entrantList = "entrant_list"
        case funRunCompleters = "fun_run_completers"
        case funRuns = "fun_runs"
    }
}

/// The held editions with no finisher; years not held are listed apart, never counted.
public struct EditionsWithoutFinisher: Sendable, Hashable, Codable {
    /// The distance counted: finishes of this many loops only, or every finish when nil.
    public var loops: Int?
    /// Held editions where nobody finished.
    public var years: [Int]
    /// Years with no race at all (2002, 2020): not "without a finisher", because there was no race.
    public var notHeld: [Int]
    /// Held editions whose number of finishers is unknown.
    public var unknown: [Int]

    enum CodingKeys: String, CodingKey {
        case loops, years, unknown
        case notHeld = "not_held"
    }
}

/// Finishers and fun runs of one year.
public struct YearResults: Sendable, Hashable, Codable {
    public var year: Int
    public var held: Bool
    public var starters: Int?
    /// The stated number of finishers (or the named one, for a complete list); nil when unknown.
    public var finishers: Int?
    /// Finishers the sources name.
    public var namedFinishers: Int
    /// Fun-run completers who did not finish: stated (or named, for a complete list); nil when unknown.
    public var funRuns: Int?
    /// Fun runs the sources name.
    public var namedFunRuns: Int

    enum CodingKeys: String, CodingKey {
        case year, held, starters, finishers
        case namedFinishers = "named_finishers"
        case funRuns = "fun_runs"
        case namedFunRuns = "named_fun_runs"
    }
}

/// A run of consecutive held editions without a finisher.
///
/// Years not held (2002, 2020) neither end a run nor add to it: there was no race to finish.
/// An edition whose number of finishers is unknown ends a run.
public struct Drought: Sendable, Hashable, Codable {
    public var firstYear: Int
    public var lastYear: Int
    /// Held editions in the run.
    public var editions: Int
    /// The held editions, by year.
    public var years: [Int]
    /// Years inside the run with no race.
    public var notHeld: [Int]
    /// True when the run reaches the latest edition.
    public var isOngoing: Bool

    enum CodingKeys: String, CodingKey {
        case editions, years
        case firstYear = "first_year"
        case lastYear = "last_year"
        case notHeld = "not_held"
        case isOngoing = "is_ongoing"
    }
}
