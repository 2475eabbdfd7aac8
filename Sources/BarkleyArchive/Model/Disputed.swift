/// A field whose value the sources disagree on, named as in edition files.
///
/// Each belongs to one level of an edition file (``Level``): `start_time` to the edition,
/// `time` to a cutoff, `elapsed` to a loop time, and so on. A file may dispute a field only
/// at its own level, and only where the field itself gives the preferred value (except
/// `entered`, whose preferred value is the entrant's presence in the file).
public enum DisputedField: String, Sendable, Hashable, CaseIterable, Codable {
    // Edition.
    case startDate = "start_date", startTime = "start_time", starters, finishers
    case funRunCompleters = "fun_run_completers"
    // A cutoff of `format.cutoffs`.
    case time
    // An item of `loop_counts`.
    case started, completed
    // An entrant.
    case loopsCompleted = "loops_completed", outcome, country, sex
    case firstAttempt = "first_attempt", entered
    // A loop time.
    case elapsed

    /// The level of an edition file a disputed field belongs to.
    public enum Level: String, Sendable, Hashable {
        case edition, cutoff, loopCount, entrant, loopTime
    }

    public var level: Level {
        switch self {
        case .startDate, .startTime, .starters, .finishers, .funRunCompleters: .edition
        case .time: .cutoff
        case .started, .completed: .loopCount
        case .loopsCompleted, .outcome, .country, .sex, .firstAttempt, .entered: .entrant
        case .elapsed: .loopTime
        }
    }

    /// The fields that may be disputed at `level`, in the order export writes them.
    public static func fields(of level: Level) -> [DisputedField] {
        allCases.filter { $0.level == level }
    }

    /// The field's place in ``allCases``: the order export writes disputes in.
    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// How the value is written in a file: what the reader parses it as and the writer quotes.
    enum Kind { case count, loops, time, date, clock, country, sex, outcome, bool }

    var kind: Kind {
        switch self {
        case .starters, .finishers, .funRunCompleters, .started, .completed: .count
        case .loopsCompleted: .loops
        case .time, .elapsed: .time
        case .startDate: .date
        case .startTime: .clock
        case .country: .country
        case .sex: .sex
        case .outcome: .outcome
        case .firstAttempt, .entered: .bool
        }
    }
}

/// A value a source gives for a fact instead of the preferred one, with the sources that give it.
///
/// `value` is the canonical text of the value as the field itself is written in a file
/// (`"07:54"`, `38`, `"57:53:20"`, `false`): the reader parses an alternative exactly as it
/// parses the field, so an alternative that would not be a valid value of the field is refused.
public struct Alternative: Hashable, Sendable, Codable {
    public var value: String
    /// Keys of the edition's sources that give this value; at least one.
    public var cited: [String]
    public var note: String?

    public init(value: String, cited: [String], note: String? = nil) {
        self.value = value
        self.cited = cited
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case value, note
        case cited = "cite"
    }

    /// A missing note is written null, never left out (as every unknown in the JSON).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(cited, forKey: .cited)
        try container.encode(note, forKey: .note)
    }
}

/// One disputed field at one level of an edition: the alternatives to its preferred value.
public struct Dispute: Hashable, Sendable, Codable {
    public var field: DisputedField
    /// In the order the file gives them; never empty.
    public var alternatives: [Alternative]

    public init(field: DisputedField, alternatives: [Alternative]) {
        self.field = field
        self.alternatives = alternatives
    }
}

/// What an edition file says about a cutoff beyond its time: the sources for it, and the
/// other times sources give. Kept apart from ``RaceFormat/cutoffs``, which holds the times.
public struct CutoffSources: Hashable, Sendable {
    public var cited: [String]
    public var disputed: [Dispute]

    public init(cited: [String] = [], disputed: [Dispute] = []) {
        self.cited = cited
        self.disputed = disputed
    }

    var isEmpty: Bool { cited.isEmpty && disputed.isEmpty }
}

extension Array where Element == Dispute {
    /// The dispute over `field`, if any.
    public subscript(field: DisputedField) -> Dispute? {
        first { $0.field == field }
    }

    /// In the order export writes them (``DisputedField`` order), as the reader keeps them.
    var canonicallyOrdered: [Dispute] {
        sorted { $0.field.order < $1.field.order }
    }
}
