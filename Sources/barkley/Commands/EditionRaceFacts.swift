import BarkleyArchive
import BarkleyPresentation

/// What `barkley edition` adds for issue 15's facts, shown only where an edition has them: the
/// 3-loop race, the course, an outcome's reason.
enum EditionRaceFacts {
    /// "Race: the 3-loop race" (the 100-mile race is the default and not repeated), and "Course".
    static func facts(of edition: Edition) -> [Report.Fact] {
        var facts: [Report.Fact] = []
        if edition.raceCategory == .threeLoop {
            facts.append(.init(label: "Race", value: "the 3-loop race (its finishes are not counted with the 100-mile race's)"))
        }
        if let course = edition.course {
            let parts = [course.loopMiles.map { "\(formatted($0)) miles a loop" }, course.books.map { "\($0) books" },
                         course.climbFeet.map { "\($0) ft of climb" }, course.changes].compactMap { $0 }
            facts.append(.init(label: "Course", value: .text(parts.joined(separator: "; ") + " [\(course.cited.joined(separator: ", "))]")))
        }
        return facts
    }

    /// `dropped`, or with a reason `dropped (lost)`, `DQ (skipped a section)`.
    static func outcome(_ outcome: Outcome, of entrant: Entrant) -> String {
        let why = [entrant.reason.map { words($0.rawValue) }, entrant.reasonNote].compactMap { $0 }
        return Presentation.outcome(outcome) + (why.isEmpty ? "" : " (\(why.joined(separator: ": ")))")
    }

    /// A code in words: `refused_to_continue` → `refused to continue`.
    static func words(_ code: String) -> String { code.split(separator: "_").joined(separator: " ") }

    private static func formatted(_ miles: Double) -> String {
        miles == miles.rounded() && abs(miles) < 1e15 ? String(Int(miles)) : String(miles)
    }
}
