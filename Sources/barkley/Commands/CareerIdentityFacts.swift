import BarkleyArchive
import BarkleyPresentation
import BarkleyQueries

/// The lines of `barkley runner` that say who the runner is beyond the name: the stable key, the
/// external ids, and each year's reason for not finishing or unofficial loop, worded by
/// ``Presentation`` as `barkley edition` and the site word them.
enum CareerIdentityFacts {
    static func facts(of career: Career) -> [Report.Fact] {
        var facts: [Report.Fact] = []
        if let key = career.key { facts.append(.init(label: "Key", value: .text(key))) }
        let ids = [("Wikidata", career.externalIDs.wikidata), ("DUV", career.externalIDs.duv), ("UltraSignup", career.externalIDs.ultrasignup)]
        for (label, id) in ids {
            if let id { facts.append(.init(label: label, value: .text(id))) }
        }
        for year in career.years {
            var parts = [Presentation.reason(year.reason, note: year.reasonNote)].compactMap { $0 }
            for split in year.times {
                if let unofficial = split.unofficial { parts.append("loop \(split.loop), \(Presentation.unofficial(unofficial))") }
            }
            if !parts.isEmpty { facts.append(.init(label: "Why, \(year.year)", value: .text(parts.joined(separator: "; ")))) }
        }
        return facts
    }
}
