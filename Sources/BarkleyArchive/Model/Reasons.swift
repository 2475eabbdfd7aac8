import Foundation

// Outcomes with reasons, unofficial loops, races and course facts, runner identity (issue 15):
// the values an edition file gives beyond times and counts. Stored by 0005_outcome_reasons_races.sql.

extension Outcome {
    /// The outcomes only a source can state, whatever the times show: a DQ keeps its times (they
    /// count for nothing), a DNS has none.
    public var isStatedOnly: Bool { self == .disqualified || self == .didNotStart }

    /// True for every outcome but a finish: the entrant did not finish ("a fun run is still a DNF").
    public var isNonFinish: Bool { self != .finish }
}

/// Why an entrant did not finish, in the codes of Mahoney's 1998 table.
public enum DropReason: String, Sendable, Hashable, CaseIterable, Codable {
    case refusedToContinue = "refused_to_continue"
    case missedCutoff = "missed_cutoff"
    case lost
    case injured
    case sick
    case pagesMissing = "pages_missing"
    case other
}

/// Why a loop, though run, does not count.
public enum UnofficialReason: String, Sendable, Hashable, CaseIterable, Codable {
    /// Off the course (Douglas 1986, Pilon and Possert 1987).
    case offCourse = "off_course"
    /// Back after the time limit (Robbins 2017, 60:00:06).
    case afterLimit = "after_limit"
    /// Back from the wrong direction (Robbins 2017, by some accounts).
    case wrongDirection = "wrong_direction"
}

/// Which race an edition's finishes belong to: the 100-mile race, or the early 3-loop race
/// (~50–55 miles, 1986–1994). Finishes, records and firsts of the two are never mixed.
public enum RaceCategory: String, Sendable, Hashable, CaseIterable, Codable {
    case hundredMile = "100_mile"
    case threeLoop = "3_loop"

    /// The race of a format that does not say: 3 loops is the 3-loop race, anything else
    /// (5 loops, or unknown) the 100-mile race.
    public static func derived(fromLoops loops: Int?) -> RaceCategory {
        loops == 3 ? .threeLoop : .hundredMile
    }

    /// `100-mile`, `3-loop`.
    public var label: String {
        switch self {
        case .hundredMile: "100-mile"
        case .threeLoop: "3-loop"
        }
    }
}

/// The course one year, as a source describes it; every fact optional, the citations required.
public struct CourseFacts: Hashable, Sendable, Codable {
    /// Nominal miles per loop (the race's own claim, not a measurement).
    public var loopMiles: Double?
    /// Books per loop (pages to tear out).
    public var books: Int?
    /// Claimed climb per loop, in feet.
    public var climbFeet: Int?
    /// What changed on the course that year, in a few words.
    public var changes: String?
    /// Keys of the edition's `sources:` the course facts rest on (required when any is given).
    public var cited: [String]

    public init(loopMiles: Double? = nil, books: Int? = nil, climbFeet: Int? = nil, changes: String? = nil, cited: [String] = []) {
        self.loopMiles = loopMiles
        self.books = books
        self.climbFeet = climbFeet
        self.changes = changes
        self.cited = cited
    }

    /// True when no fact is given (citations aside).
    public var hasNoFacts: Bool { loopMiles == nil && books == nil && climbFeet == nil && changes == nil }

    enum CodingKeys: String, CodingKey {
        case books, changes
        case loopMiles = "loop_miles"
        case climbFeet = "climb_feet"
        case cited = "cite"
    }
}

/// Where a runner is found in the wider record; each nil when no source gives it.
public struct ExternalIDs: Hashable, Sendable, Codable {
    /// A Wikidata item, `Q` and digits (`Q5297718`).
    public var wikidata: String?
    /// The runner's id in the DUV ultra-marathon statistics.
    public var duv: String?
    /// The runner's id on UltraSignup.
    public var ultrasignup: String?

    public init(wikidata: String? = nil, duv: String? = nil, ultrasignup: String? = nil) {
        self.wikidata = wikidata
        self.duv = duv
        self.ultrasignup = ultrasignup
    }

    /// True when the file states no id at all.
    public var isEmpty: Bool { wikidata == nil && duv == nil && ultrasignup == nil }

    /// A Wikidata QID as the schema takes it: `Q`, then digits not starting with 0, at most 12 characters.
    public static func isQID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, bytes.count <= 12, bytes[0] == UInt8(ascii: "Q"), bytes[1] != UInt8(ascii: "0") else { return false }
        return bytes.dropFirst().allSatisfy { (0x30...0x39).contains($0) }
    }
}

extension Edition {
    /// The race this edition's finishes belong to: ``category`` when stated, else derived from
    /// the format's loops (``RaceCategory/derived(fromLoops:)``).
    public var raceCategory: RaceCategory { category ?? RaceCategory.derived(fromLoops: format.loops) }
}

/// A runner's stable key (`jasmin-paris`): the name folded (``NameKey/fold(_:)``), spaces made
/// hyphens. Made once, when the runner is first stored; a later spelling does not change it.
public enum RunnerKey {
    /// The key `name` folds to, before any `-2` a clash adds: `Aurélien Sanchez` → `aurelien-sanchez`.
    public static func make(_ name: String) -> String {
        NameKey.fold(name).replacingOccurrences(of: " ", with: "-")
    }
}
