// The reader's part for issue 15's fields: an edition's race `category` and `course`, an
// entrant's `reason`, `reason_note` and external ids (a loop time's `unofficial` is read beside
// its other fields). The rules between fields are checked by `ReasonRules`.

extension EditionFileReader {
    static let courseFields = ["loop_miles", "books", "climb_feet", "changes", "cite"]

    /// `category:` and `course:` of an edition.
    static func readRaceFacts(_ map: YAMLFields.Mapping, into edition: inout Edition, _ fields: YAMLFields) {
        edition.category = map.choice("category", RaceCategory.self)
        guard let node = map.node("course"), let course = fields.mapping(node, path: "course", allowed: courseFields) else { return }
        var facts = CourseFacts()
        if let miles = course.text("loop_miles") {
            if let value = Double(miles), value.isFinite, value > 0, value <= 100, miles.utf8.allSatisfy({ $0 < 0x80 }) {
                facts.loopMiles = value
            } else {
                fields.report(.invalidValue, course.path("loop_miles"), line: course.line(of: "loop_miles"), "'\(miles)' is not a number of miles in 0…100")
            }
        }
        facts.books = course.int("books", range: 1...100)
        facts.climbFeet = course.int("climb_feet", range: 1...1_000_000)
        facts.changes = course.text("changes", as: .note)
        facts.cited = course.strings("cite")
        edition.course = facts
    }

    /// `reason:`, `reason_note:`, `wikidata:`, `duv:`, `ultrasignup:` of an entrant.
    static func readReasonAndIDs(_ map: YAMLFields.Mapping, into entrant: inout Entrant) {
        entrant.reason = map.choice("reason", DropReason.self)
        entrant.reasonNote = map.text("reason_note", as: .note)
        entrant.externalIDs = ExternalIDs(wikidata: map.text("wikidata"), duv: map.text("duv"), ultrasignup: map.text("ultrasignup"))
    }
}
