/// How complete an edition's list of entrants is.
public enum EntrantList: String, Sendable, Hashable, CaseIterable, Codable {
    /// Every starter is listed.
    case complete
    /// Some entrants are known by name; others are not.
    case partial
    /// No names are known.
    case unknown
}

/// Published counts for one loop of an edition, known even when names are not.
public struct LoopCount: Hashable, Sendable {
    public var loop: Int
    public var started: Int?
    public var completed: Int?
    /// Keys of the edition's sources behind these counts.
    public var cited: [String] = []
    /// Other counts sources give (`started`, `completed`); see ``Dispute``.
    public var disputed: [Dispute] = []

    public init(loop: Int, started: Int? = nil, completed: Int? = nil) {
        self.loop = loop
        self.started = started
        self.completed = completed
    }
}

/// A source a fact rests on, under the key its edition file gives it.
public struct SourceReference: Hashable, Sendable, Codable {
    public var key: String
    /// A URL or a printed citation.
    public var citation: String

    public init(key: String, citation: String) {
        self.key = key
        self.citation = citation
    }
}

/// One edition of a race: its format, its field and the entrants the sources name.
///
/// Unknown facts are `nil`, never zero: an edition with 40 starters and 3 known names has
/// `starters == 40` and three ``entrants``.
public struct Edition: Hashable, Sendable {
    public static let barkley = "Barkley Marathons"

    public var race: String
    public var year: Int
    /// False for a year with no edition (2002, 2020).
    public var held: Bool
    /// Local date, `YYYY-MM-DD`.
    public var startDate: String?
    /// Local 24-hour clock, `HH:MM`.
    public var startTime: String?
    public var format: RaceFormat
    public var starters: Int?
    public var entrantList: EntrantList
    /// The number of finishers the sources state (checked against ``entrants`` on import).
    public var statedFinishers: Int?
    /// The number of non-finishers who completed the fun run, as the sources state it.
    public var statedFunRuns: Int?
    public var loopCounts: [LoopCount]
    public var sources: [SourceReference]
    /// Keys of ``sources`` behind the edition-level facts.
    public var cited: [String]
    public var notes: String?
    public var entrants: [Entrant]
    /// Other values sources give for the edition's own fields; see ``Dispute``.
    public var disputed: [Dispute] = []
    /// The sources and disputed times of ``RaceFormat/cutoffs``, by loop (absent: none).
    public var cutoffSources: [Int: CutoffSources] = [:]
    /// The race the edition's finishes belong to, as the file states it; nil: derived from the
    /// format (see ``raceCategory``).
    public var category: RaceCategory?
    /// The course as a source describes it that year; nil when none does.
    public var course: CourseFacts?

    public init(race: String = Edition.barkley, year: Int, held: Bool = true, startDate: String? = nil,
                startTime: String? = nil, format: RaceFormat = RaceFormat(), starters: Int? = nil,
                entrantList: EntrantList = .unknown, statedFinishers: Int? = nil, statedFunRuns: Int? = nil,
                loopCounts: [LoopCount] = [], sources: [SourceReference] = [], cited: [String] = [],
                notes: String? = nil, entrants: [Entrant] = []) {
        self.race = race
        self.year = year
        self.held = held
        self.startDate = startDate
        self.startTime = startTime
        self.format = format
        self.starters = starters
        self.entrantList = entrantList
        self.statedFinishers = statedFinishers
        self.statedFunRuns = statedFunRuns
        self.loopCounts = loopCounts
        self.sources = sources
        self.cited = cited
        self.notes = notes
        self.entrants = entrants
    }
}

/// One runner in one edition, as the sources record them.
public struct Entrant: Hashable, Sendable {
    /// The runner's usual name; the same name in two editions is the same runner.
    public var name: String
    /// Why the entrant did not finish (a code), and in words (``reasonNote``).
    public var reason: DropReason?
    /// Free text: why (a DQ's cause, "skipped a section").
    public var reasonNote: String?
    /// Identifiers of the runner elsewhere (Wikidata, DUV, UltraSignup), as this file states them.
    public var externalIDs: ExternalIDs = ExternalIDs()
    /// Another spelling the source used, kept as an alias.
    public var listedAs: String?
    /// ISO 3166-1 alpha-3.
    public var country: String?
    public var sex: Sex?
    /// A first Barkley ("virgin"), where known.
    public var firstAttempt: Bool?
    public var loopsCompleted: Int?
    /// An outcome a source states where the times are silent; checked against them on import.
    public var statedOutcome: Outcome?
    public var times: [LoopTime]
    public var cited: [String]
    public var note: String?
    /// Runners with a similar name that this entrant is not (`distinct_from:`), as written:
    /// the file's answer when the import asks whether a new name is an existing runner.
    public var distinctFrom: [String]
    /// Other values sources give for the entrant's fields, and `entered` when a source says
    /// the runner was not in this edition at all; see ``Dispute``.
    public var disputed: [Dispute] = []

    public init(name: String, listedAs: String? = nil, country: String? = nil, sex: Sex? = nil,
                firstAttempt: Bool? = nil, loopsCompleted: Int? = nil, statedOutcome: Outcome? = nil,
                times: [LoopTime] = [], cited: [String] = [], note: String? = nil, distinctFrom: [String] = []) {
        self.name = name
        self.listedAs = listedAs
        self.country = country
        self.sex = sex
        self.firstAttempt = firstAttempt
        self.loopsCompleted = loopsCompleted
        self.statedOutcome = statedOutcome
        self.times = times
        self.cited = cited
        self.note = note
        self.distinctFrom = distinctFrom
    }

    /// Times by loop number, unofficial loops included (for plausibility and display).
    public var timesByLoop: [Int: RaceTime] {
        Dictionary(times.map { ($0.loop, $0.elapsed) }, uniquingKeysWith: { first, _ in first })
    }

    /// Times by loop number of the loops that count: an ``LoopTime/unofficial`` loop counts for
    /// no finish and no record.
    public var officialTimesByLoop: [Int: RaceTime] {
        Dictionary(times.lazy.filter { $0.unofficial == nil }.map { ($0.loop, $0.elapsed) }, uniquingKeysWith: { first, _ in first })
    }

    /// The outcome under `format`, decided here and nowhere else: a stated DQ or DNS; else what
    /// the official times show; else what a source states; else unknown.
    public func outcome(under format: RaceFormat) -> Outcome {
        outcome(under: format, times: officialTimesByLoop)
    }

    /// ``outcome(under:)`` with ``officialTimesByLoop`` already at hand.
    func outcome(under format: RaceFormat, times: [Int: RaceTime]) -> Outcome {
        if let statedOutcome, statedOutcome.isStatedOnly { return statedOutcome }
        return format.outcome(loopsCompleted: loopsCompleted, times: times) ?? statedOutcome ?? .unknown
    }
}

public enum Sex: String, Sendable, Hashable, CaseIterable, Codable {
    case female = "F"
    case male = "M"
}

public enum Direction: String, Sendable, Hashable, CaseIterable, Codable {
    case clockwise
    case counterclockwise
}

/// The cumulative elapsed time at the end of one loop.
public struct LoopTime: Hashable, Sendable {
    public var loop: Int
    public var elapsed: RaceTime
    public var direction: Direction?
    public var cited: [String]
    public var note: String?
    /// Other times sources give for this loop (`elapsed`); see ``Dispute``.
    public var disputed: [Dispute] = []
    /// Why this loop does not count, when it does not (off course, after the limit).
    public var unofficial: UnofficialReason?

    public init(loop: Int, elapsed: RaceTime, direction: Direction? = nil, cited: [String] = [], note: String? = nil,
                unofficial: UnofficialReason? = nil) {
        self.unofficial = unofficial
        self.loop = loop
        self.elapsed = elapsed
        self.direction = direction
        self.cited = cited
        self.note = note
    }
}
