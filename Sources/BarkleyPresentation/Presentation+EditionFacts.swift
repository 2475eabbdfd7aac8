import BarkleyArchive

// The race and course facts of an edition, as `barkley edition` and the site's edition page both
// list them: which facts there are, their labels and their words are decided here once; each
// reader only writes the citations its own way (the CLI in brackets, the site as footnotes).

extension Presentation {
    /// One labelled fact of an edition and the source keys it rests on.
    public struct EditionFact: Sendable, Hashable {
        /// `Race`, `Course`.
        public var label: String
        /// The fact in words (``race(_:)``, ``course(_:)``).
        public var value: String
        /// Keys of the edition's `sources:` the fact cites, in the file's order; empty when it
        /// follows from other facts (the race from the format).
        public var cited: [String]

        public init(label: String, value: String, cited: [String] = []) {
            self.label = label
            self.value = value
            self.cited = cited
        }
    }

    /// `Race`: the race whose counts, records and firsts a held edition's finishes belong to,
    /// named for every edition, the 100-mile race too, so that no reader has to know a default.
    public static func raceFact(of edition: Edition) -> EditionFact {
        EditionFact(label: "Race", value: race(edition.raceCategory))
    }

    /// `Course`, with the keys of its sources; nil when no source describes the course that year.
    public static func courseFact(of edition: Edition) -> EditionFact? {
        guard let course = edition.course, let text = Self.course(course) else { return nil }
        return EditionFact(label: "Course", value: text, cited: course.cited)
    }
}
