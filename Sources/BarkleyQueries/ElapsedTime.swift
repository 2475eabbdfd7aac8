import BarkleyArchive

/// A cumulative time since the start, as published: to the second, or only to the minute.
///
/// Encoded as `{"seconds": 215901, "approximate": false, "text": "59:58:21"}`; a time known to
/// the minute reads `"58:21"` and compares as if its seconds were zero.
public struct ElapsedTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let seconds: Int
    /// True when the sources give only hours and minutes.
    public let isApproximate: Bool

    public init(seconds: Int, isApproximate: Bool = false) {
        self.seconds = seconds
        self.isApproximate = isApproximate
    }

    public init(_ time: RaceTime) {
        self.init(seconds: time.seconds, isApproximate: time.precision == .approximate)
    }

    /// The time from stored columns: nil when the seconds are unknown.
    init?(seconds: Int?, precision: String?) {
        guard let seconds else { return nil }
        self.init(seconds: seconds, isApproximate: precision == RaceTime.Precision.approximate.rawValue)
    }

    public var raceTime: RaceTime { RaceTime(seconds: seconds, precision: isApproximate ? .approximate : .exact) }

    /// `H:MM:SS`, or `H:MM` for a time known to the minute.
    public var description: String { raceTime.description }

    public static func < (lhs: ElapsedTime, rhs: ElapsedTime) -> Bool {
        (lhs.seconds, lhs.isApproximate ? 1 : 0) < (rhs.seconds, rhs.isApproximate ? 1 : 0)
    }

    enum CodingKeys: String, CodingKey {
        case seconds
        case isApproximate = "approximate"
        case text
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seconds = try container.decode(Int.self, forKey: .seconds)
        isApproximate = try container.decode(Bool.self, forKey: .isApproximate)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(isApproximate, forKey: .isApproximate)
        try container.encode(description, forKey: .text)
    }
}
