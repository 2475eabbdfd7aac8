import SQLiteLayer

// Storing and reading issue 15's facts: course facts (`edition_course`, `course_source`), an
// entry's reason and external ids (columns of `entry`), a runner's stable key (`runner.key`).

extension Archive {
    /// Writes the course facts of `edition`, if any, and their citations. Runs inside the
    /// import's transaction, after the edition's sources.
    func storeCourse(of edition: Edition, editionID: Int64) throws {
        guard let course = edition.course else { return }
        try connection.run("INSERT INTO edition_course (edition_id, loop_miles, books, climb_feet, changes) VALUES (?, ?, ?, ?, ?)",
                           [editionID, course.loopMiles, course.books, course.climbFeet, course.changes])
        for (position, key) in course.cited.enumerated() {
            try connection.run("INSERT INTO course_source (edition_id, key, position) VALUES (?, ?, ?)", [editionID, key, position])
        }
    }

    /// The course facts stored for an edition, their citations in the file's order; nil when
    /// none are. The one reader of `edition_course`: an edition read whole and an edition's
    /// summary (`History.editionSummary(year:)`) both use it.
    package func course(ofEdition editionID: Int64) throws -> CourseFacts? {
        guard let row = try connection.row("SELECT * FROM edition_course WHERE edition_id = ?", [editionID]) else { return nil }
        let cited = try connection.rows("SELECT key FROM course_source WHERE edition_id = ? ORDER BY position", [editionID])
            .map { try $0.require("key", as: String.self) }
        return CourseFacts(loopMiles: try row.optional("loop_miles"), books: try row.optional("books"),
                           climbFeet: try row.optional("climb_feet"), changes: try row.optional("changes"), cited: cited)
    }

    /// An entry row's reason, reason note and external ids.
    func readReasonAndIDs(_ row: Row, into entrant: inout Entrant) throws {
        entrant.reason = try row.optional("reason", as: String.self).flatMap(DropReason.init(rawValue:))
        entrant.reasonNote = try row.optional("reason_note")
        entrant.externalIDs = ExternalIDs(wikidata: try row.optional("wikidata"), duv: try row.optional("duv"),
                                          ultrasignup: try row.optional("ultrasignup"))
    }

    /// A key for a new runner named `name`: ``RunnerKey/make(_:)``, with `-2`, `-3`… when another
    /// runner already has it (two people may fold to one name only where the import was told
    /// they differ).
    func freeRunnerKey(for name: String) throws -> String {
        let base = RunnerKey.make(name)
        var candidate = base, suffix = 1
        while try connection.scalar("SELECT 1 FROM runner WHERE key = ?", [candidate], as: Int.self) != nil {
            suffix += 1
            candidate = "\(base)-\(suffix)"
        }
        return candidate
    }
}
