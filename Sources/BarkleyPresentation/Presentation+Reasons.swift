import BarkleyArchive
import BarkleyQueries

// How issue 15's facts read: an outcome's reason, an unofficial loop, the race an edition
// belongs to, its course, and a disputed value. Decided here once, so no page template words them.

extension Presentation {
    /// The outcome with why, where a source says: `dropped: lost`, `DQ: skipped a section`,
    /// `dropped: injured (fell on Rat Jaw)`; the bare ``outcome(_:)`` when no reason is given.
    public static func outcome(_ outcome: Outcome, reason: DropReason?, note: String?) -> String {
        Self.reason(reason, note: note).map { "\(Self.outcome(outcome)): \($0)" } ?? Self.outcome(outcome)
    }

    /// Why an entrant did not finish, in words: `refused to continue`, `injured (fell on Rat
    /// Jaw)`. The code `other` gives way to its note, which says what the other reason was; nil
    /// when no source says.
    public static func reason(_ reason: DropReason?, note: String?) -> String? {
        let note = note.flatMap { $0.isEmpty ? nil : $0 }
        let reason = reason == .other && note != nil ? nil : reason
        switch (reason.map { words($0.rawValue) }, note) {
        case let (reason?, note?): return "\(reason) (\(note))"
        case let (reason?, nil): return reason
        case let (nil, note?): return note
        case (nil, nil): return nil
        }
    }

    /// A group of non-finishers counted by why they did not finish (`History.dropReasons(year:)`),
    /// in words: `refused to continue`, `disqualified`, or `no coded reason` (no source codes one;
    /// a note may still say why in words, or that nobody knows).
    public static func dropReasonGroup(_ group: DropReasonCount) -> String {
        if group.disqualified { return "disqualified" }
        return group.reason.map { words($0.rawValue) } ?? "no coded reason"
    }

    /// Why a loop, though run, does not count: `unofficial: off course`, `unofficial: after the limit`,
    /// `unofficial: wrong direction`.
    public static func unofficial(_ reason: UnofficialReason) -> String {
        switch reason {
        case .offCourse: "unofficial: off course"
        case .afterLimit: "unofficial: after the limit"
        case .wrongDirection: "unofficial: wrong direction"
        }
    }

    /// `the 100-mile race`, or `the 3-loop race (its finishes are not counted with the 100-mile
    /// race's)`: the race whose counts, records and firsts an edition's finishes belong to.
    public static func race(_ category: RaceCategory) -> String {
        switch category {
        case .hundredMile: "the 100-mile race"
        case .threeLoop: "the 3-loop race (its finishes are not counted with the 100-mile race's)"
        }
    }

    /// `20 miles a loop; 13 books; 11,300 ft of climb; new Rat Jaw descent`: the course facts a
    /// source gives (miles and climb are the race's own claims, per loop); nil when none is given.
    public static func course(_ course: CourseFacts) -> String? {
        let parts = [course.loopMiles.map { "\(miles($0)) miles a loop" }, course.books.map { plural($0, "book") },
                     course.climbFeet.map { "\(thousands($0)) ft of climb" }, course.changes].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The mark beside a value the sources disagree on; it links to every value and its sources.
    public static let disputedMark = "disputed"

    /// What a disputed fact is about, in words: `start time`, `loop 2 started`, `cutoff of loop 1`,
    /// `Jared Campbell: loops completed`, `Jared Campbell: loop 5 time`, `Greig Hamilton: entered`.
    public static func disputeSubject(_ fact: DisputedFact) -> String {
        let field = fact.field == .elapsed ? "time" : words(fact.field.rawValue)
        switch fact.field.level {
        case .edition: return field
        case .cutoff: return "cutoff of loop \(fact.loop ?? 0)"
        case .loopCount: return "loop \(fact.loop ?? 0) \(field)"
        case .entrant: return "\(fact.runner ?? unknown): \(field)"
        case .loopTime: return "\(fact.runner ?? unknown): loop \(fact.loop ?? 0) \(field)"
        }
    }

    /// One value of a disputed fact as people read it: an outcome in words (`over limit`),
    /// `entered`/`not entered`, `yes`/`no`, a time or count as written (`57:53:20`, `30`).
    public static func disputedValue(_ value: String, of field: DisputedField) -> String {
        switch field {
        case .outcome: Outcome(rawValue: value).map { outcome($0) } ?? value
        case .entered: value == "true" ? "entered" : value == "false" ? "not entered" : value
        case .firstAttempt: value == "true" ? "yes" : value == "false" ? "no" : value
        default: value
        }
    }

    /// A code in words: `refused_to_continue` → `refused to continue`.
    static func words(_ code: String) -> String { code.split(separator: "_").joined(separator: " ") }

    /// `20`, `2.5`.
    private static func miles(_ miles: Double) -> String {
        miles == miles.rounded() && abs(miles) < 1e15 ? String(Int(miles)) : String(miles)
    }

    /// `11,300`: feet grouped by thousands.
    private static func thousands(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }
}

extension Presentation {
    /// One race's headline count, labelled with its race: (`100-mile finishes`, `26 by 20 runners`),
    /// (`The 3-loop race`, `1 finish (1988)`); with only one race held, (`Finishes`, `26 by 20 runners`).
    /// The CLI's overview and the site's home page say the same.
    public static func finishTotal(_ total: CategoryTotal, alone: Bool) -> (label: String, value: String) {
        if alone { return ("Finishes", "\(total.finishes) by \(plural(total.finishers, "runner"))") }
        switch total.category {
        case .hundredMile:
            return ("100-mile finishes", "\(total.finishes) by \(plural(total.finishers, "runner"))")
        case .threeLoop:
            let years = total.years.isEmpty ? "" : " (\(list(total.years.map(String.init))))"
            return ("The 3-loop race", plural(total.finishes, "finish", "finishes") + years)
        }
    }
}
