/// A cumulative elapsed time since the start of an edition, as published.
///
/// Barkley times run past 24 hours and are written `H:MM:SS` (`59:58:21`). Some sources give
/// only hours and minutes (`58:21`): those are kept as ``Precision/approximate`` and written
/// back the same way, so the archive never claims seconds it does not know.
public struct RaceTime: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Precision: String, Sendable, Hashable {
        /// Published to the second.
        case exact
        /// Published to the minute (or otherwise approximate).
        case approximate
    }

    public let seconds: Int
    public let precision: Precision

    public init(seconds: Int, precision: Precision = .exact) {
        self.seconds = seconds
        self.precision = precision
    }

    public init(hours: Int, minutes: Int, seconds: Int = 0) {
        self.init(seconds: hours * 3600 + minutes * 60 + seconds)
    }

    /// Parses `H:MM:SS` (exact) or `H:MM` (approximate); nil for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              let hours = Int(parts[0]), hours >= 0, hours < 10_000, parts[0].count <= 4,
              parts[0].allSatisfy(\.isASCII), parts.dropFirst().allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let minutes = Int(parts[1]), (0..<60).contains(minutes)
        else { return nil }
        var secs = 0
        if parts.count == 3 {
            guard let s = Int(parts[2]), (0..<60).contains(s) else { return nil }
            secs = s
        }
        self.init(seconds: hours * 3600 + minutes * 60 + secs, precision: parts.count == 3 ? .exact : .approximate)
    }

    /// `H:MM:SS`, or `H:MM` for a time known to the minute; hours run past 24.
    public var description: String {
        let hours = seconds / 3600, minutes = seconds % 3600 / 60, secs = seconds % 60
        let hm = "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
        switch precision {
        case .approximate: return hm
        case .exact: return hm + ":" + (secs < 10 ? "0" : "") + "\(secs)"
        }
    }

    public static func < (lhs: RaceTime, rhs: RaceTime) -> Bool { lhs.seconds < rhs.seconds }
}
