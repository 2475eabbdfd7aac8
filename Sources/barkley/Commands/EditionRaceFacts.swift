import BarkleyArchive
import BarkleyPresentation

/// What `barkley edition` adds for issue 15's facts, shown only where an edition has them: the
/// 3-loop race, the course, an outcome's reason.
enum EditionRaceFacts {
    /// "Race: the 3-loop race" (the 100-mile race is the default and not repeated), and "Course".
    static func facts(of edition: Edition) -> [Report.Fact] {
        var facts: [Report.Fact] = []
        if edition.raceCategory == .threeLoop {
            facts.append(.init(label: "Race", value: .text(Presentation.race(.threeLoop))))
        }
        if let course = edition.course, let text = Presentation.course(course) {
            facts.append(.init(label: "Course", value: .text(text + " [\(course.cited.joined(separator: ", "))]")))
        }
        return facts
    }

    /// ``Presentation/outcome(_:reason:note:)``: `dropped`, or with a reason `dropped: lost`,
    /// `DQ: skipped a section`, as the site's edition pages say it.
    static func outcome(_ outcome: Outcome, of entrant: Entrant) -> String {
        Presentation.outcome(outcome, reason: entrant.reason, note: entrant.reasonNote)
    }
}
