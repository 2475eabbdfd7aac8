/// One disputed fact of an edition, flattened for reading: the preferred value (the field's own,
/// which every query uses) and the alternatives other sources give.
public struct DisputedFact: Hashable, Sendable {
    public var year: Int
    public var field: DisputedField
    /// The entrant the fact is about, by name; nil for an edition's, a cutoff's or a loop count's.
    public var runner: String?
    /// The loop of a cutoff, loop count or loop time.
    public var loop: Int?
    /// The canonical text of the preferred value (`true` for `entered`).
    public var preferred: String
    /// The sources of the preferred value: the `cite` of the level the field is written at.
    public var preferredCited: [String]
    public var alternatives: [Alternative]

    /// What is disputed, without the year: `start_time`, `loop 1 completed`, `cutoff of loop 1`,
    /// `Jared Campbell loop 5 elapsed`, `Greig Hamilton entered`.
    public var subject: String {
        switch field.level {
        case .edition: field.rawValue
        case .cutoff: "cutoff of loop \(loop ?? 0)"
        case .loopCount: "loop \(loop ?? 0) \(field.rawValue)"
        case .entrant: "\(runner ?? "?") \(field.rawValue)"
        case .loopTime: "\(runner ?? "?") loop \(loop ?? 0) \(field.rawValue)"
        }
    }

    /// `2022 start_time`: how an answer that rests on the fact names it.
    public var label: String { "\(year) \(subject)" }

    public init(year: Int, field: DisputedField, runner: String? = nil, loop: Int? = nil, preferred: String,
                preferredCited: [String] = [], alternatives: [Alternative] = []) {
        self.year = year
        self.field = field
        self.runner = runner
        self.loop = loop
        self.preferred = preferred
        self.preferredCited = preferredCited
        self.alternatives = alternatives
    }
}

extension Edition {
    /// Every disputed fact of the edition, in file order: the edition's own fields, cutoffs,
    /// loop counts, then each entrant's fields and loop times.
    public var disputedFacts: [DisputedFact] {
        var facts: [DisputedFact] = []
        func add(_ disputes: [Dispute], runner: String? = nil, loop: Int? = nil, cited: [String], preferred: (DisputedField) -> String?) {
            for dispute in disputes.canonicallyOrdered {
                guard let value = preferred(dispute.field) else { continue }
                facts.append(DisputedFact(year: year, field: dispute.field, runner: runner, loop: loop, preferred: value,
                                          preferredCited: cited, alternatives: dispute.alternatives))
            }
        }
        add(disputed, cited: cited) { preferredValue(of: $0) }
        for (loop, sources) in cutoffSources.sorted(by: { $0.key < $1.key }) {
            add(sources.disputed, loop: loop, cited: sources.cited) { _ in format.cutoffs[loop]?.description }
        }
        for count in loopCounts {
            add(count.disputed, loop: count.loop, cited: count.cited) { count.preferredValue(of: $0) }
        }
        for entrant in entrants {
            add(entrant.disputed, runner: entrant.name, cited: entrant.cited) { entrant.preferredValue(of: $0, under: format) }
            for time in entrant.times {
                add(time.disputed, runner: entrant.name, loop: time.loop, cited: time.cited.isEmpty ? entrant.cited : time.cited) { _ in
                    time.elapsed.description
                }
            }
        }
        return facts
    }

    /// The canonical text of the edition's own value of `field`; nil when it states none.
    func preferredValue(of field: DisputedField) -> String? {
        switch field {
        case .startDate: startDate
        case .startTime: startTime
        case .starters: starters.map(String.init)
        case .finishers: statedFinishers.map(String.init)
        case .funRunCompleters: statedFunRuns.map(String.init)
        default: nil
        }
    }
}

extension LoopCount {
    /// The canonical text of this count's own value of `field`; nil when it states none.
    func preferredValue(of field: DisputedField) -> String? {
        switch field {
        case .started: started.map(String.init)
        case .completed: completed.map(String.init)
        default: nil
        }
    }
}

extension Entrant {
    /// The canonical text of the entrant's own value of `field`; nil when it states none. The
    /// outcome is the one the edition's format gives (stated or shown by the times); `entered`
    /// is `true`, the entrant being in the file.
    func preferredValue(of field: DisputedField, under format: RaceFormat) -> String? {
        switch field {
        case .loopsCompleted: loopsCompleted.map(String.init)
        case .outcome: Optional(outcome(under: format)).flatMap { $0 == .unknown ? nil : $0.rawValue }
        case .country: country
        case .sex: sex?.rawValue
        case .firstAttempt: firstAttempt.map { $0 ? "true" : "false" }
        case .entered: "true"
        default: nil
        }
    }
}

extension DisputedFact: Encodable {
    enum CodingKeys: String, CodingKey {
        case fact, field, runner, loop, preferred, alternatives
        case preferredCited = "preferred_cite"
    }

    /// `{"fact": "2022 start_time", "field": "start_time", "runner": null, "loop": null,
    /// "preferred": "06:54", "preferred_cite": [...], "alternatives": [{"value", "cite", "note"}]}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .fact)
        try container.encode(field, forKey: .field)
        try container.encode(runner, forKey: .runner)
        try container.encode(loop, forKey: .loop)
        try container.encode(preferred, forKey: .preferred)
        try container.encode(preferredCited, forKey: .preferredCited)
        try container.encode(alternatives, forKey: .alternatives)
    }
}
