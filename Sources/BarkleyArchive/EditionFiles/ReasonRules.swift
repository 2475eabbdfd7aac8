/// The rules of issue 15's fields, twins of `0005_outcome_reasons_races.sql` and more: reasons,
/// unofficial loops, a DQ and a DNS, the race category, course facts and external ids.
///
/// Written for any ``Edition`` (not only a read file), so an edition built in code is refused
/// with the same messages before SQLite sees it.
enum ReasonRules {
    typealias Report = SchemaRules.Report

    static func check(_ edition: Edition, report: Report) {
        checkCategory(edition, report: report)
        if let course = edition.course { checkCourse(course, sources: Set(edition.sources.map(\.key)), report: report) }
        for (index, entrant) in edition.entrants.enumerated() {
            checkEntrant(entrant, path: "entrants[\(index)]", format: edition.format, report: report)
        }
    }

    /// edition: CHECK (category IN ('100_mile', '3_loop')) is the reader's; here, a category that
    /// the format's loops contradict.
    private static func checkCategory(_ edition: Edition, report: Report) {
        guard let category = edition.category, let loops = edition.format.loops else { return }
        if (category == .threeLoop) != (loops == 3) {
            report(.invalidValue, "category", "'\(category.rawValue)', but the format has \(counted(loops, "loop")) (the 3-loop race is 3 loops; leave `category` out to derive it)")
        }
    }

    /// edition_course: CHECK (loop_miles > 0 AND loop_miles <= 100), books BETWEEN 1 AND 100,
    /// climb_feet BETWEEN 1 AND 1000000, CHECK (length(trim(changes)) > 0);
    /// course_source: FOREIGN KEY to edition_source, PRIMARY KEY (edition_id, key); and the
    /// format's rule that a course fact is cited.
    private static func checkCourse(_ course: CourseFacts, sources: Set<String>, report: Report) {
        if course.hasNoFacts {
            report(.invalidValue, "course", "give at least one of loop_miles, books, climb_feet, changes (leave `course` out when none is known)")
        }
        if let miles = course.loopMiles, !(miles > 0 && miles <= 100) {
            report(.invalidValue, "course.loop_miles", "\(miles) is not a number of miles in 0…100")
        }
        if let books = course.books, !(1...100).contains(books) {
            report(.invalidValue, "course.books", "\(books) books: a loop has 1…100")
        }
        if let climb = course.climbFeet, !(1...1_000_000).contains(climb) {
            report(.invalidValue, "course.climb_feet", "\(climb) feet is outside 1…1000000")
        }
        if let changes = course.changes, SchemaRules.isBlank(changes) {
            report(.invalidValue, "course.changes", "is blank; leave it out when nothing changed")
        }
        if course.cited.isEmpty, !course.hasNoFacts {
            report(.missingField, "course.cite", "course facts need a source: cite one under `sources:`")
        }
        var seen = Set<String>()
        for key in course.cited {
            if !sources.contains(key) { report(.unknownSourceKey, "course.cite", "cites '\(key)', which is not under `sources:`") }
            if !seen.insert(key).inserted { report(.duplicateField, "course.cite", "cites '\(key)' twice; keep one") }
        }
    }

    private static func checkEntrant(_ entrant: Entrant, path: String, format: RaceFormat, report: Report) {
        let outcome = entrant.outcome(under: format)
        // entry: CHECK (outcome <> 'finish' OR (reason IS NULL AND reason_note IS NULL))
        if outcome == .finish {
            if let reason = entrant.reason {
                report(.invalidValue, "\(path).reason", "'\(reason.rawValue)' is a reason for not finishing, but this entrant finished")
            } else if entrant.reasonNote != nil {
                report(.invalidValue, "\(path).reason_note", "says why the entrant did not finish, but this entrant finished")
            }
        }
        if let note = entrant.reasonNote, SchemaRules.isBlank(note) {
            report(.invalidValue, "\(path).reason_note", "is blank; leave it out when no source says why")
        }
        // entry: CHECK (outcome <> 'did_not_start' OR coalesce(loops_completed, 0) = 0); and no times.
        if entrant.statedOutcome == .didNotStart {
            if let loops = entrant.loopsCompleted, loops > 0 {
                report(.invalidValue, "\(path).loops_completed", "\(counted(loops, "loop")), but the outcome is did_not_start")
            } else if !entrant.times.isEmpty {
                report(.invalidValue, "\(path).outcome", "did_not_start, but the entrant has loop times")
            }
        }
        checkUnofficialLoops(entrant, path: path, format: format, report: report)
        checkExternalIDs(entrant.externalIDs, path: path, report: report)
    }

    /// An unofficial loop comes after every official one and after `loops_completed` (it is not
    /// among them); one `after_limit` is over the time limit.
    private static func checkUnofficialLoops(_ entrant: Entrant, path: String, format: RaceFormat, report: Report) {
        let lastOfficial = entrant.times.filter { $0.unofficial == nil }.map(\.loop).max() ?? 0
        for (index, time) in entrant.times.enumerated() {
            guard let reason = time.unofficial else { continue }
            let field = "\(path).times[\(index)].unofficial"
            if time.loop < lastOfficial {
                report(.invalidValue, field, "loop \(time.loop) is unofficial, but a later loop (\(lastOfficial)) counts; an unofficial loop ends the run")
            } else if let completed = entrant.loopsCompleted, time.loop <= completed {
                report(.invalidValue, field, "loop \(time.loop) is unofficial, but loops_completed (\(completed)) counts it")
            } else if reason == .afterLimit, let limit = format.timeLimit, time.loop == format.loops, time.elapsed.seconds <= limit.seconds {
                report(.invalidValue, field, "after_limit, but \(time.elapsed) is inside this year's limit of \(limit)")
            }
        }
    }

    /// entry: CHECK on wikidata (a QID), CHECK (length(trim(duv)) > 0), CHECK (length(trim(ultrasignup)) > 0).
    private static func checkExternalIDs(_ ids: ExternalIDs, path: String, report: Report) {
        if let qid = ids.wikidata, !ExternalIDs.isQID(qid) {
            report(.invalidValue, "\(path).wikidata", "'\(qid)' is not a Wikidata QID (Q and digits, e.g. Q5297718)")
        }
        for (value, field) in [(ids.duv, "duv"), (ids.ultrasignup, "ultrasignup")] {
            if let value, SchemaRules.isBlank(value) { report(.invalidValue, "\(path).\(field)", "is blank; leave it out when unknown") }
        }
    }
}
