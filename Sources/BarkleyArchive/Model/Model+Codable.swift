// The domain values as JSON, under the names the `barkley` CLI's `--format json` uses (and,
// where they say the same thing, the edition files and the schema): snake_case, unknown as
// `null`. A few fields are derived and written for readers only — a time's `text`, an
// edition's named finishers, an entrant's outcome and position — and decoding ignores them,
// so decoding what was encoded gives back an equal value.

extension RaceTime: Codable {
    enum CodingKeys: String, CodingKey {
        case seconds, approximate, text
    }

    /// `{"seconds": 215901, "approximate": false, "text": "59:58:21"}`; `text` is derived.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(precision == .approximate, forKey: .approximate)
        try container.encode(description, forKey: .text)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(seconds: try container.decode(Int.self, forKey: .seconds),
                  precision: try container.decode(Bool.self, forKey: .approximate) ? .approximate : .exact)
    }
}

extension LoopTime: Codable {
    enum CodingKeys: String, CodingKey {
        case loop, direction, note, unofficial
        case elapsed = "time"
        case cited = "cite"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(loop, forKey: .loop)
        try container.encode(elapsed, forKey: .elapsed)
        try container.encode(direction, forKey: .direction)
        try container.encode(cited, forKey: .cited)
        try container.encode(note, forKey: .note)
        try container.encode(unofficial, forKey: .unofficial)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(loop: try container.decode(Int.self, forKey: .loop), elapsed: try container.decode(RaceTime.self, forKey: .elapsed),
                  direction: try container.decodeIfPresent(Direction.self, forKey: .direction),
                  cited: try container.decode([String].self, forKey: .cited), note: try container.decodeIfPresent(String.self, forKey: .note),
                  unofficial: try container.decodeIfPresent(UnofficialReason.self, forKey: .unofficial))
    }
}

extension Entrant: Codable {
    enum CodingKeys: String, CodingKey {
        case name, country, sex, times, note, reason
        case reasonNote = "reason_note"
        case externalIDs = "external_ids"
        case listedAs = "listed_as"
        case firstAttempt = "first_attempt"
        case loopsCompleted = "loops_completed"
        /// What a source states, as the schema's `entry.stated_outcome`; `outcome` (in an
        /// edition) is the outcome under its format.
        case statedOutcome = "stated_outcome"
        case cited = "cite"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(listedAs, forKey: .listedAs)
        try container.encode(country, forKey: .country)
        try container.encode(sex, forKey: .sex)
        try container.encode(firstAttempt, forKey: .firstAttempt)
        try container.encode(loopsCompleted, forKey: .loopsCompleted)
        try container.encode(statedOutcome, forKey: .statedOutcome)
        try container.encode(times, forKey: .times)
        try container.encode(cited, forKey: .cited)
        try container.encode(note, forKey: .note)
        try container.encode(reason, forKey: .reason)
        try container.encode(reasonNote, forKey: .reasonNote)
        try container.encode(externalIDs, forKey: .externalIDs)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try container.decode(String.self, forKey: .name),
                  listedAs: try container.decodeIfPresent(String.self, forKey: .listedAs),
                  country: try container.decodeIfPresent(String.self, forKey: .country),
                  sex: try container.decodeIfPresent(Sex.self, forKey: .sex),
                  firstAttempt: try container.decodeIfPresent(Bool.self, forKey: .firstAttempt),
                  loopsCompleted: try container.decodeIfPresent(Int.self, forKey: .loopsCompleted),
                  statedOutcome: try container.decodeIfPresent(Outcome.self, forKey: .statedOutcome),
                  times: try container.decode([LoopTime].self, forKey: .times),
                  cited: try container.decode([String].self, forKey: .cited),
                  note: try container.decodeIfPresent(String.self, forKey: .note))
        reason = try container.decodeIfPresent(DropReason.self, forKey: .reason)
        reasonNote = try container.decodeIfPresent(String.self, forKey: .reasonNote)
        externalIDs = try container.decodeIfPresent(ExternalIDs.self, forKey: .externalIDs) ?? ExternalIDs()
    }
}

extension LoopCount: Codable {
    enum CodingKeys: String, CodingKey {
        case loop, started, completed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(loop, forKey: .loop)
        try container.encode(started, forKey: .started)
        try container.encode(completed, forKey: .completed)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(loop: try container.decode(Int.self, forKey: .loop), started: try container.decodeIfPresent(Int.self, forKey: .started),
                  completed: try container.decodeIfPresent(Int.self, forKey: .completed))
    }
}

extension RaceFormat: Codable {
    enum CodingKeys: String, CodingKey {
        case loops, cutoffs
        case timeLimit = "time_limit"
        case funRunLoops = "fun_run_loops"
        case funRunTimeLimit = "fun_run_time_limit"
    }

    /// One published cutoff: `{"loop": 3, "time": {…}}`.
    struct Cutoff: Codable {
        var loop: Int
        var time: RaceTime
    }

    /// Cutoffs are written as an array by loop, `[{"loop": 3, "time": {…}}]`: JSON keys are text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(loops, forKey: .loops)
        try container.encode(timeLimit, forKey: .timeLimit)
        try container.encode(funRunLoops, forKey: .funRunLoops)
        try container.encode(funRunTimeLimit, forKey: .funRunTimeLimit)
        try container.encode(cutoffs.sorted { $0.key < $1.key }.map { Cutoff(loop: $0.key, time: $0.value) }, forKey: .cutoffs)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let cutoffs = try container.decode([Cutoff].self, forKey: .cutoffs)
        self.init(loops: try container.decodeIfPresent(Int.self, forKey: .loops),
                  timeLimit: try container.decodeIfPresent(RaceTime.self, forKey: .timeLimit),
                  funRunLoops: try container.decodeIfPresent(Int.self, forKey: .funRunLoops),
                  funRunTimeLimit: try container.decodeIfPresent(RaceTime.self, forKey: .funRunTimeLimit),
                  cutoffs: Dictionary(cutoffs.map { ($0.loop, $0.time) }, uniquingKeysWith: { first, _ in first }))
    }
}

extension Edition: Codable {
    enum CodingKeys: String, CodingKey {
        case race, year, held, format, starters, entrants, sources, notes
        case startDate = "start_date"
        case startTime = "start_time"
        case entrantList = "entrant_list"
        case statedFinishers = "finishers"
        case statedFunRuns = "fun_run_completers"
        case loopCounts = "loop_counts"
        case cited = "cite"
        case category, course
        // Derived, written only.
        case raceCategory = "race_category"
        case disputed
        case namedFinishers = "named_finishers"
        case namedFunRuns = "named_fun_run_completers"
    }

    /// Every field, and for readers the entrants named with a finish or a fun run; each entrant
    /// also carries its `position`, its `outcome` under this format and its `finish_time`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let outcomes = entrants.map { $0.outcome(under: format) }
        try container.encode(race, forKey: .race)
        try container.encode(year, forKey: .year)
        try container.encode(held, forKey: .held)
        try container.encode(startDate, forKey: .startDate)
        try container.encode(startTime, forKey: .startTime)
        try container.encode(format, forKey: .format)
        try container.encode(starters, forKey: .starters)
        try container.encode(entrantList, forKey: .entrantList)
        try container.encode(statedFinishers, forKey: .statedFinishers)
        try container.encode(statedFunRuns, forKey: .statedFunRuns)
        try container.encode(outcomes.filter { $0 == .finish }.count, forKey: .namedFinishers)
        try container.encode(outcomes.filter { $0 == .funRun }.count, forKey: .namedFunRuns)
        try container.encode(loopCounts, forKey: .loopCounts)
        try container.encode(entrants.indices.map { EntrantInEdition(entrant: entrants[$0], position: $0 + 1, outcome: outcomes[$0], format: format) },
                             forKey: .entrants)
        try container.encode(sources, forKey: .sources)
        try container.encode(cited, forKey: .cited)
        try container.encode(notes, forKey: .notes)
        try container.encode(category, forKey: .category)
        try container.encode(raceCategory, forKey: .raceCategory)
        try container.encode(course, forKey: .course)
        try container.encode(disputedFacts, forKey: .disputed)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(race: try container.decode(String.self, forKey: .race), year: try container.decode(Int.self, forKey: .year),
                  held: try container.decode(Bool.self, forKey: .held),
                  startDate: try container.decodeIfPresent(String.self, forKey: .startDate),
                  startTime: try container.decodeIfPresent(String.self, forKey: .startTime),
                  format: try container.decode(RaceFormat.self, forKey: .format),
                  starters: try container.decodeIfPresent(Int.self, forKey: .starters),
                  entrantList: try container.decode(EntrantList.self, forKey: .entrantList),
                  statedFinishers: try container.decodeIfPresent(Int.self, forKey: .statedFinishers),
                  statedFunRuns: try container.decodeIfPresent(Int.self, forKey: .statedFunRuns),
                  loopCounts: try container.decode([LoopCount].self, forKey: .loopCounts),
                  sources: try container.decode([SourceReference].self, forKey: .sources),
                  cited: try container.decode([String].self, forKey: .cited),
                  notes: try container.decodeIfPresent(String.self, forKey: .notes),
                  entrants: try container.decode([Entrant].self, forKey: .entrants))
        category = try container.decodeIfPresent(RaceCategory.self, forKey: .category)
        course = try container.decodeIfPresent(CourseFacts.self, forKey: .course)
    }
}

/// An entrant as an edition writes it: its own fields, then where it stands in the edition.
private struct EntrantInEdition: Encodable {
    var entrant: Entrant
    var position: Int
    var outcome: Outcome
    var format: RaceFormat

    enum CodingKeys: String, CodingKey {
        case position, outcome
        case finishTime = "finish_time"
    }

    func encode(to encoder: any Encoder) throws {
        try entrant.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(position, forKey: .position)
        try container.encode(outcome, forKey: .outcome)
        let finishTime = outcome == .finish ? format.loops.flatMap { entrant.timesByLoop[$0] } : nil
        try container.encode(finishTime, forKey: .finishTime)
    }
}
