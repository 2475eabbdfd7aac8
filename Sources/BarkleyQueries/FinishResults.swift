import BarkleyArchive

/// One official finish: the full distance of that year inside its limit.
public struct Finish: Sendable, Hashable, Codable {
    public var year: Int
    /// Place among that year's finishers, by time (the sources' order breaks a tie).
    public var place: Int
    /// The runner's name as usually written.
    public var runner: String
    /// ISO 3166-1 alpha-3, where that year's sources give it.
    public var country: String?
    public var sex: Sex?
    /// A first Barkley, where known.
    public var firstAttempt: Bool?
    /// The loops of that year's finish: 5 since 1995, 3 in 1988.
    public var loops: Int?
    /// The finish time; nil when a source states the finish but no time.
    public var time: ElapsedTime?
    /// That year's limit for a finish, where known.
    public var timeLimit: ElapsedTime?
    /// Seconds to spare: the limit minus the time (99 for Jasmin Paris, 2024).
    public var marginSeconds: Int? {
        guard let time, let timeLimit else { return nil }
        return timeLimit.seconds - time.seconds
    }

    enum CodingKeys: String, CodingKey {
        case year, place, runner, country, sex, loops, time
        case firstAttempt = "first_attempt"
        case timeLimit = "time_limit"
        case marginSeconds = "margin_seconds"
    }

    public init(year: Int, place: Int, runner: String, country: String? = nil, sex: Sex? = nil, firstAttempt: Bool? = nil,
                loops: Int? = nil, time: ElapsedTime? = nil, timeLimit: ElapsedTime? = nil) {
        self.year = year
        self.place = place
        self.runner = runner
        self.country = country
        self.sex = sex
        self.firstAttempt = firstAttempt
        self.loops = loops
        self.time = time
        self.timeLimit = timeLimit
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(year: try c.decode(Int.self, forKey: .year), place: try c.decode(Int.self, forKey: .place),
                  runner: try c.decode(String.self, forKey: .runner), country: try c.decodeIfPresent(String.self, forKey: .country),
                  sex: try c.decodeIfPresent(Sex.self, forKey: .sex), firstAttempt: try c.decodeIfPresent(Bool.self, forKey: .firstAttempt),
                  loops: try c.decodeIfPresent(Int.self, forKey: .loops), time: try c.decodeIfPresent(ElapsedTime.self, forKey: .time),
                  timeLimit: try c.decodeIfPresent(ElapsedTime.self, forKey: .timeLimit))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(year, forKey: .year)
        try c.encode(place, forKey: .place)
        try c.encode(runner, forKey: .runner)
        try c.encode(country, forKey: .country)
        try c.encode(sex, forKey: .sex)
        try c.encode(firstAttempt, forKey: .firstAttempt)
        try c.encode(loops, forKey: .loops)
        try c.encode(time, forKey: .time)
        try c.encode(timeLimit, forKey: .timeLimit)
        try c.encode(marginSeconds, forKey: .marginSeconds)
    }
}

/// One fun run: the fun-run distance inside its limit, without a finish ("a fun run is still a DNF").
public struct FunRun: Sendable, Hashable, Codable {
    public var year: Int
    public var runner: String
    public var country: String?
    public var sex: Sex?
    public var firstAttempt: Bool?
    /// Loops completed in all, where known (some fun-run completers went on into loop 4 or 5).
    public var loopsCompleted: Int?
    /// The time at the end of the fun-run distance; nil when no source gives it.
    public var time: ElapsedTime?

    enum CodingKeys: String, CodingKey {
        case year, runner, country, sex, time
        case firstAttempt = "first_attempt"
        case loopsCompleted = "loops_completed"
    }
}

/// The finishes of one edition.
public struct EditionFinishes: Sendable, Hashable, Codable {
    public var year: Int
    /// False for a year with no race (2002, 2020): no finishes, and not a year "without a finisher".
    public var held: Bool
    /// The number of finishers the sources state.
    public var statedFinishers: Int?
    /// In order of time.
    public var finishes: [Finish]
    public var completeness: Completeness

    enum CodingKeys: String, CodingKey {
        case year, held, finishes, completeness
        case statedFinishers = "stated_finishers"
    }
}

/// Every finish in the race's history.
public struct FinishList: Sendable, Hashable, Codable {
    /// By year, then place.
    public var finishes: [Finish]
    public var completeness: Completeness
    /// Only finishes of this many loops; nil: every finish.
    public var loops: Int? = nil

    enum CodingKeys: String, CodingKey {
        case finishes, completeness, loops
    }
}

/// How many finishes, and by how many runners.
public struct FinishTotals: Sendable, Hashable, Codable {
    /// Every official finish, whatever the distance (27 through 2025, with Furtaw's 3-loop 1988).
    public var finishes: Int
    /// Distinct runners with a finish (21 through 2025).
    public var finishers: Int
    /// The same counts for each distance, fewest loops first: 3 loops (1988), 5 loops (26 by 20).
    public var byLoops: [LoopsTotal]
    public var completeness: Completeness

    /// Finishes and finishers over `loops`-loop editions.
    public struct LoopsTotal: Sendable, Hashable, Codable {
        /// Loops of a finish; nil for editions whose format is unknown.
        public var loops: Int?
        public var finishes: Int
        public var finishers: Int
        public var firstYear: Int
        public var lastYear: Int

        enum CodingKeys: String, CodingKey {
            case loops, finishes, finishers
            case firstYear = "first_year"
            case lastYear = "last_year"
        }
    }

    /// The totals over `loops`-loop finishes; nil when there are none.
    public func atLoops(_ loops: Int) -> LoopsTotal? { byLoops.first { $0.loops == loops } }

    enum CodingKeys: String, CodingKey {
        case finishes, finishers, completeness
        case byLoops = "by_loops"
    }
}

/// A runner who finished more than once.
public struct RepeatFinisher: Sendable, Hashable, Codable {
    public var runner: String
    public var finishes: Int
    public var years: [Int]

    enum CodingKeys: String, CodingKey {
        case runner, finishes, years
    }
}

/// Runners with more than one finish, most finishes first.
public struct RepeatFinishers: Sendable, Hashable, Codable {
    public var runners: [RepeatFinisher]
    public var completeness: Completeness

    enum CodingKeys: String, CodingKey {
        case runners, completeness
    }
}
