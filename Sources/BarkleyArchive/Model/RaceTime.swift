/// A cumulative elapsed time since the start of an edition, as published.
///
/// Barkley times run past 24 hours and are written `H:MM:SS` (`59:58:21`). Some sources give
/// only hours and minutes (`58:21`): those are kept as ``Precision/approximate`` and written
/// back the same way, so the archive never claims seconds it does not know.
public struct RaceTime: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Precision: String, Sendable, Hashable, CaseIterable, Codable {
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

    /// Parses `H:MM:SS` (exact) or `H:MM` (approximate): one to four digits of hours, then
    /// two digits each of minutes and seconds below 60; nil for anything else.
    public init?(parsing text: String) {
        // Byte by byte: an import parses every loop time, and this is several times faster
        // than splitting the string.
        var fields = (0, 0, 0)
        var digits = (0, 0, 0)
        var index = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: ":"):
                guard index < 2 else { return nil }
                index += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int(byte - UInt8(ascii: "0"))
                switch index {
                case 0: fields.0 = fields.0 * 10 + digit; digits.0 += 1
                case 1: fields.1 = fields.1 * 10 + digit; digits.1 += 1
                default: fields.2 = fields.2 * 10 + digit; digits.2 += 1
                }
                guard digits.0 <= 4, digits.1 <= 2, digits.2 <= 2 else { return nil }
            default:
                return nil
            }
        }
        guard index >= 1, digits.0 >= 1, digits.1 == 2, fields.1 < 60, index == 1 || (digits.2 == 2 && fields.2 < 60) else { return nil }
        self.init(seconds: fields.0 * 3600 + fields.1 * 60 + fields.2, precision: index == 2 ? .exact : .approximate)
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
