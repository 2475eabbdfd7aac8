import BarkleyArchive
import BarkleyQueries

/// The lines of `barkley runner` that say who the runner is beyond the name: the stable key, the
/// external ids, and each year's reason for not finishing or unofficial loop.
enum CareerIdentityFacts {
    static func facts(of career: Career) -> [Report.Fact] {
        var facts: [Report.Fact] = []
        if let key = career.key { facts.append(.init(label: "Key", value: .text(key))) }
        let ids = [("Wikidata", career.externalIDs.wikidata), ("DUV", career.externalIDs.duv), ("UltraSignup", career.externalIDs.ultrasignup)]
        for (label, id) in ids {
            if let id { facts.append(.init(label: label, value: .text(id))) }
        }
        for year in career.years {
            var parts: [String] = []
            if let reason = year.reason { parts.append(reason.rawValue.split(separator: "_").joined(separator: " ")) }
            if let note = year.reasonNote { parts.append(note) }
            for split in year.times {
                if let unofficial = split.unofficial {
                    parts.append("loop \(split.loop) unofficial (\(unofficial.rawValue.split(separator: "_").joined(separator: " ")))")
                }
            }
            if !parts.isEmpty { facts.append(.init(label: "Why, \(year.year)", value: .text(parts.joined(separator: "; ")))) }
        }
        return facts
    }
}
