@testable import BarkleyArchive
import Foundation
import SeededRandom
import SQLiteLayer
import Testing

/// Where an edition file that breaks a schema constraint is stopped, before SQLite sees it.
enum TwinStage: Sendable {
    /// The reader: the model cannot hold the value (a loop 0, `held: maybe`, a missing name).
    case reader
    /// ``EditionValidator``, without the archive: the reader lets the value through, and
    /// written past the validator it breaks the constraint in SQLite.
    case validator
    /// The import's checks against the archive and the rest of the batch (runners, editions).
    case archive
}

/// A schema constraint, an edition file that breaks it (``Sample/edition2024`` with one
/// fragment replaced), and the problem the door reports for it.
struct ConstraintBreak: CustomTestStringConvertible, Sendable {
    let constraint: String
    let old: String
    let new: String
    let rule: ImportProblem.Rule
    let field: String
    /// Text on the line the problem must name; empty when the line is not the test's point.
    let lineText: String
    let stage: TwinStage
    /// An edition file imported before the breaking one (the archive it is checked against).
    var setup: String?
    /// Import the breaking file twice in one batch, under two names.
    var twice = false

    var testDescription: String { constraint }
}

/// A unique constraint a file could only break by repeating what the archive holds, which the
/// importer instead reuses: the file is accepted and `query` counts one row.
struct ConstraintReuse: CustomTestStringConvertible, Sendable {
    let constraint: String
    /// SQL run on the archive after `Sample.edition2024` is imported, before the file.
    let setupSQL: String?
    let old: String
    let new: String
    let query: String
    var testDescription: String { constraint }
}

/// The validator is the schema's twin: every constraint of the migrated schema that an edition
/// file can break has a file that breaks it and a rule that refuses it with its own message,
/// before SQLite sees it; dry run and import agree. The tables below must name every constraint
/// `sqlite_schema` holds, so a migration that adds one fails here until it is covered.
@Suite("Schema twin: every constraint has a validator rule")
struct SchemaTwinTests {
    /// The fragment that adds `loop_counts:` items to the sample.
    static func withLoopCounts(_ items: String) -> (String, String) { ("sources:\n", "loop_counts:\n\(items)sources:\n") }

    /// The fragment that adds `cutoffs:` items to the sample's format.
    static func withCutoffs(_ items: String) -> (String, String) {
        let limit = "  fun_run_time_limit: \"40:00:00\"\n"
        return (limit, limit + "  cutoffs:\n" + items)
    }

    /// The fragment that adds a `disputed:` mapping to the sample's edition level.
    static func withDisputes(_ fields: String) -> (String, String) { ("sources:\n", "disputed:\n\(fields)sources:\n") }

    static let disputedFieldCheck = "disputed_value: CHECK (field IN ('start_date', 'start_time', 'starters', 'finishers', 'fun_run_completers', "
        + "'time', 'started', 'completed', 'loops_completed', 'outcome', 'country', 'sex', 'first_attempt', 'entered', 'elapsed'))"
    static let disputedValueCheck = "disputed_value: CHECK (length(trim(value)) > 0 AND (field <> 'entered' OR value = 'false'))"

    /// Each constraint a file can break, with the file and the refusal.
    static let breaks: [ConstraintBreak] = {
        func file(_ constraint: String, _ fragment: (String, String), _ rule: ImportProblem.Rule, _ field: String, line: String,
                  _ stage: TwinStage, setup: String? = nil, twice: Bool = false) -> ConstraintBreak {
            ConstraintBreak(constraint: constraint, old: fragment.0, new: fragment.1, rule: rule, field: field, lineText: line,
                            stage: stage, setup: setup, twice: twice)
        }
        let jasminCite = "  cite: [irunfar]\n- name: Ihor"
        let ihorLoop3 = #"{loop: 3, elapsed: "31:31:47", direction: clockwise}"#
        let setup2023 = "year: 2023\nentrant_list: partial\nentrants:\n- name: Jasmin Paris\n  listed_as: J. Paris\n"
        return [
            // source
            file("source.citation: NOT NULL", ("  irunfar: https://irunfar.com/2024-barkley-marathons-results\n", "  irunfar:\n"),
                 .invalidValue, "sources.irunfar", line: "  irunfar:", .reader),
            file("source: CHECK (length(trim(citation)) > 0)", ("  irunfar: https://irunfar.com/2024-barkley-marathons-results\n", "  irunfar: \"  \"\n"),
                 .invalidValue, "sources.irunfar", line: "  irunfar:", .reader),
            // edition
            file("edition.year: NOT NULL", ("year: 2024\n", ""), .missingField, "year", line: "", .reader),
            file("edition.entrant_list: NOT NULL", ("entrant_list: partial\n", ""), .missingField, "entrant_list", line: "", .reader),
            file("edition: CHECK (entrant_list IN ('complete', 'partial', 'unknown'))", ("entrant_list: partial", "entrant_list: most"),
                 .invalidValue, "entrant_list", line: "entrant_list: most", .reader),
            file("edition: CHECK (finish_limit_seconds > 0 AND finish_limit_seconds <= 3600000)", (#"time_limit: "60:00:00""#, #"time_limit: "0:00:00""#),
                 .invalidValue, "format.time_limit", line: "  time_limit:", .validator),
            file("edition: CHECK (finish_loops > 0 AND finish_loops <= 100)", ("  loops: 5", "  loops: 0"), .invalidValue, "format.loops", line: "  loops: 0", .reader),
            file("edition: CHECK (fun_run_limit_seconds > 0 AND fun_run_limit_seconds <= 3600000)", (#"fun_run_time_limit: "40:00:00""#, #"fun_run_time_limit: "0:00:00""#),
                 .invalidValue, "format.fun_run_time_limit", line: "fun_run_time_limit", .validator),
            file("edition: CHECK (fun_run_loops > 0 AND fun_run_loops <= 100 AND (finish_loops IS NULL OR fun_run_loops < finish_loops))",
                 ("fun_run_loops: 3", "fun_run_loops: 5"), .invalidValue, "format.fun_run_loops", line: "fun_run_loops: 5", .validator),
            file("edition: CHECK (held = 1 OR (starters IS NULL AND finish_loops IS NULL AND stated_finishers IS NULL))",
                 ("year: 2024\n", "year: 2024\nheld: false\n"), .invalidValue, "held", line: "held: false", .validator),
            file("edition: CHECK (held IN (0, 1))", ("year: 2024\n", "year: 2024\nheld: maybe\n"), .invalidValue, "held", line: "held: maybe", .reader),
            file("edition: CHECK (start_date IS NULL OR date(start_date) IS start_date)", (#""2024-03-20""#, #""2024-3-20""#),
                 .invalidValue, "start_date", line: "start_date:", .validator),
            file("edition: CHECK (start_time IS NULL OR strftime('%H:%M', '2000-01-01 ' || start_time) IS start_time)",
                 (#""05:17""#, #""+5:17""#), .invalidValue, "start_time", line: "start_time:", .validator),
            file("edition: CHECK (starters BETWEEN 0 AND 100000)", ("starters: 40", "starters: -40"), .invalidValue, "starters", line: "starters:", .reader),
            file("edition: CHECK (stated_finishers BETWEEN 0 AND 100000)", ("finishers: 2", "finishers: -2"), .invalidValue, "finishers", line: "finishers:", .reader),
            file("edition: CHECK (stated_fun_runs BETWEEN 0 AND 100000)", ("finishers: 2\n", "finishers: 2\nfun_run_completers: -1\n"),
                 .invalidValue, "fun_run_completers", line: "fun_run_completers:", .reader),
            file("edition: CHECK (year BETWEEN 1986 AND 2999)", ("year: 2024", "year: 1985"), .yearOutOfRange, "year", line: "year: 1985", .validator),
            file("edition: UNIQUE (race, year)", ("year: 2024", "year: 2024"), .duplicateEdition, "year", line: "year: 2024", .archive, twice: true),
            // edition_source
            file("edition_source: CHECK (length(key) > 0)", ("  irunfar: https", "  \"\": https://example.org/results\n  irunfar: https"),
                 .invalidValue, "sources", line: "\"\": https", .reader),
            file("edition_source: PRIMARY KEY (edition_id, key)", ("  irunfar: https", "  irunfar: https://example.org/results\n  irunfar: https"),
                 .syntax, "-", line: "", .reader),
            // entry and runner
            file("entry.name: NOT NULL", ("- name: Guillaume Calmettes\n  country", "- country"), .missingField, "entrants[2].name", line: "", .reader),
            file("runner.name: NOT NULL", ("- name: Guillaume Calmettes\n  country", "- country"), .missingField, "entrants[2].name", line: "", .reader),
            file("entry: CHECK (country IS NULL OR (length(country) = 3 AND country GLOB '[A-Z][A-Z][A-Z]'))",
                 (#"country: "CAN""#, #"country: "can""#), .unknownCountry, "entrants[1].country", line: "\"can\"", .validator),
            file("entry: CHECK (finish_seconds BETWEEN 1 AND 3600000)", (#"elapsed: "59:58:21""#, #"elapsed: "0:00:00""#),
                 .invalidValue, "entrants[0].times[0].elapsed", line: #"elapsed: "0:00:00""#, .validator),
            file("entry: CHECK (first_attempt IN (0, 1))", ("first_attempt: true", "first_attempt: yes"),
                 .invalidValue, "entrants[1].first_attempt", line: "first_attempt: yes", .reader),
            file("entry: CHECK (length(trim(name)) > 0)", ("name: Guillaume Calmettes", "name: \"  \""), .missingField, "entrants[2].name",
                 line: "name: \"  \"", .reader),
            file("runner: CHECK (length(trim(name)) > 0)", ("name: Guillaume Calmettes", "name: \"  \""), .missingField, "entrants[2].name",
                 line: "name: \"  \"", .reader),
            file("entry: CHECK (loops_completed BETWEEN 0 AND 100)", ("  loops_completed: 3\n", "  loops_completed: -3\n"),
                 .invalidValue, "entrants[2].loops_completed", line: "loops_completed: -3", .reader),
            file("entry: CHECK (sex IN ('F', 'M'))", ("sex: M", "sex: X"), .invalidValue, "entrants[1].sex", line: "sex: X", .reader),
            file("entry: CHECK (stated_outcome IN ('finish', 'fun_run', 'over_limit', 'dropped', 'disqualified', 'did_not_start'))",
                 ("  loops_completed: 3\n", "  loops_completed: 3\n  outcome: dnf\n"), .invalidValue, "entrants[2].outcome", line: "outcome: dnf", .reader),
            file("entry: UNIQUE (edition_id, runner_id)", ("name: Ihor Verys", "name: J. Paris"), .duplicateRunner, "entrants[1].name",
                 line: "J. Paris", .archive, setup: setup2023),
            file("runner: UNIQUE (search_key)", ("name: Ihor Verys", "name: JASMIN PARIS"), .duplicateRunner, "entrants[1].name",
                 line: "JASMIN PARIS", .validator),
            // entry_source
            file("entry_source: FOREIGN KEY (edition_id, key) REFERENCES edition_source (edition_id, key)",
                 (jasminCite, "  cite: [letsrun]\n- name: Ihor"), .unknownSourceKey, "entrants[0].cite", line: "letsrun", .validator),
            file("entry_source: PRIMARY KEY (entry_id, key)", (jasminCite, "  cite: [irunfar, irunfar]\n- name: Ihor"),
                 .duplicateField, "entrants[0].cite", line: "[irunfar, irunfar]", .validator),
            // loop_count
            file("loop_count.loop: NOT NULL", withLoopCounts("- {started: 40}\n"), .missingField, "loop_counts[0].loop", line: "{started: 40}", .reader),
            file("loop_count: CHECK (completed BETWEEN 0 AND 100000 AND (started IS NULL OR completed <= started))",
                 withLoopCounts("- {loop: 1, started: 40, completed: 41}\n"), .invalidValue, "loop_counts[0].completed", line: "completed: 41", .validator),
            file("loop_count: CHECK (loop BETWEEN 1 AND 100)", withLoopCounts("- {loop: 0, started: 40}\n"), .invalidValue, "loop_counts[0].loop", line: "loop: 0", .reader),
            file("loop_count: CHECK (started BETWEEN 0 AND 100000)", withLoopCounts("- {loop: 1, started: -1}\n"), .invalidValue, "loop_counts[0].started",
                 line: "started: -1", .reader),
            file("loop_count: CHECK (started IS NOT NULL OR completed IS NOT NULL)", withLoopCounts("- {loop: 1}\n"), .missingField,
                 "loop_counts[0]", line: "- {loop: 1}", .validator),
            file("loop_count: PRIMARY KEY (edition_id, loop)", withLoopCounts("- {loop: 1, started: 40}\n- {loop: 1, completed: 10}\n"),
                 .duplicateField, "loop_counts[1].loop", line: "completed: 10", .validator),
            // loop_cutoff
            file("loop_cutoff.cutoff_seconds: NOT NULL", withCutoffs("  - {loop: 1}\n"), .missingField, "format.cutoffs[0].time", line: "- {loop: 1}", .reader),
            file("loop_cutoff.loop: NOT NULL", withCutoffs("  - {time: \"13:20:00\"}\n"), .missingField, "format.cutoffs[0].loop",
                 line: "- {time:", .reader),
            file("loop_cutoff: CHECK (cutoff_seconds BETWEEN 1 AND 3600000)", withCutoffs("  - {loop: 1, time: \"0:00:00\"}\n"), .invalidValue, "format.cutoffs",
                 line: "cutoffs:", .validator),
            file("loop_cutoff: CHECK (loop BETWEEN 1 AND 100)", withCutoffs("  - {loop: 0, time: \"13:20:00\"}\n"), .invalidValue, "format.cutoffs[0].loop",
                 line: "loop: 0", .reader),
            file("loop_cutoff: PRIMARY KEY (edition_id, loop)", withCutoffs("  - {loop: 1, time: \"13:20:00\"}\n  - {loop: 1, time: \"13:40:00\"}\n"),
                 .duplicateField, "format.cutoffs[1].loop", line: "13:40:00", .reader),
            // loop_time
            file("loop_time.elapsed_seconds: NOT NULL", (#"{loop: 5, elapsed: "59:58:21"}"#, "{loop: 5}"), .missingField,
                 "entrants[0].times[0].elapsed", line: "{loop: 5}", .reader),
            file("loop_time.loop: NOT NULL", (#"{loop: 5, elapsed: "59:58:21"}"#, #"{elapsed: "59:58:21"}"#), .missingField,
                 "entrants[0].times[0].loop", line: "{elapsed: \"59:58:21\"}", .reader),
            file("loop_time: CHECK (direction IN ('clockwise', 'counterclockwise'))", (ihorLoop3, #"{loop: 3, elapsed: "31:31:47", direction: north}"#),
                 .invalidValue, "entrants[1].times[0].direction", line: "north", .reader),
            file("loop_time: CHECK (elapsed_seconds BETWEEN 1 AND 3600000)", (ihorLoop3, #"{loop: 3, elapsed: "0:00:00", direction: clockwise}"#),
                 .invalidValue, "entrants[1].times[0].elapsed", line: #"elapsed: "0:00:00""#, .validator),
            file("loop_time: CHECK (loop BETWEEN 1 AND 100)", (ihorLoop3, #"{loop: 0, elapsed: "31:31:47", direction: clockwise}"#),
                 .invalidValue, "entrants[1].times[0].loop", line: "loop: 0", .reader),
            file("loop_time: PRIMARY KEY (entry_id, loop)", (#"{loop: 4, elapsed: "45:46:32""#, #"{loop: 3, elapsed: "45:46:32""#),
                 .duplicateField, "entrants[1].times[1].loop", line: "{loop: 3, elapsed: \"45:46:32\"", .validator),
            // loop_time_source
            file("loop_time_source: FOREIGN KEY (edition_id, key) REFERENCES edition_source (edition_id, key)",
                 (ihorLoop3, #"{loop: 3, elapsed: "31:31:47", direction: clockwise, cite: [letsrun]}"#), .unknownSourceKey,
                 "entrants[1].times[0].cite", line: "letsrun", .validator),
            file("loop_time_source: PRIMARY KEY (entry_id, loop, key)",
                 (ihorLoop3, #"{loop: 3, elapsed: "31:31:47", direction: clockwise, cite: [irunfar, irunfar]}"#), .duplicateField,
                 "entrants[1].times[0].cite", line: "[irunfar, irunfar]", .validator),
            // The upper bounds of 0003_bounds.sql (RaceBounds), refused by the reader (loop
            // numbers) or EditionBounds: a constraint with two bounds has a breaking file for each.
            file("edition: CHECK (finish_loops > 0 AND finish_loops <= 100)", ("  loops: 5", "  loops: 101"),
                 .invalidValue, "format.loops", line: "  loops: 101", .reader),
            file("edition: CHECK (finish_limit_seconds > 0 AND finish_limit_seconds <= 3600000)", (#"  time_limit: "60:00:00""#, #"  time_limit: "1000:00:01""#),
                 .invalidValue, "format.time_limit", line: "  time_limit:", .validator),
            file("edition: CHECK (fun_run_limit_seconds > 0 AND fun_run_limit_seconds <= 3600000)",
                 (#"fun_run_time_limit: "40:00:00""#, #"fun_run_time_limit: "1000:00:01""#),
                 .invalidValue, "format.fun_run_time_limit", line: "fun_run_time_limit", .validator),
            file("edition: CHECK (starters BETWEEN 0 AND 100000)", ("starters: 40", "starters: 100001"),
                 .invalidValue, "starters", line: "starters:", .validator),
            file("edition: CHECK (stated_finishers BETWEEN 0 AND 100000)", ("finishers: 2", "finishers: 100001"),
                 .invalidValue, "finishers", line: "finishers:", .validator),
            file("edition: CHECK (stated_fun_runs BETWEEN 0 AND 100000)", ("finishers: 2\n", "finishers: 2\nfun_run_completers: 100001\n"),
                 .invalidValue, "fun_run_completers", line: "fun_run_completers:", .validator),
            file("entry: CHECK (loops_completed BETWEEN 0 AND 100)", ("  loops_completed: 3\n", "  loops_completed: 101\n"),
                 .invalidValue, "entrants[2].loops_completed", line: "loops_completed: 101", .reader),
            file("loop_count: CHECK (loop BETWEEN 1 AND 100)", withLoopCounts("- {loop: 101, started: 40}\n"), .invalidValue,
                 "loop_counts[0].loop", line: "loop: 101", .reader),
            file("loop_count: CHECK (started BETWEEN 0 AND 100000)", withLoopCounts("- {loop: 1, started: 100001}\n"), .invalidValue,
                 "loop_counts[0].started", line: "started: 100001", .validator),
            file("loop_count: CHECK (completed BETWEEN 0 AND 100000 AND (started IS NULL OR completed <= started))",
                 withLoopCounts("- {loop: 1, completed: 100001}\n"), .invalidValue, "loop_counts[0].completed", line: "completed: 100001", .validator),
            file("loop_cutoff: CHECK (loop BETWEEN 1 AND 100)", withCutoffs("  - {loop: 101, time: \"13:20:00\"}\n"), .invalidValue,
                 "format.cutoffs[0].loop", line: "loop: 101", .reader),
            file("loop_cutoff: CHECK (cutoff_seconds BETWEEN 1 AND 3600000)", withCutoffs("  - {loop: 1, time: \"1000:00:01\"}\n"), .invalidValue,
                 "format.cutoffs[0].time", line: "1000:00:01", .validator),
            file("loop_time: CHECK (loop BETWEEN 1 AND 100)", (ihorLoop3, #"{loop: 101, elapsed: "31:31:47", direction: clockwise}"#),
                 .invalidValue, "entrants[1].times[0].loop", line: "loop: 101", .reader),
            file("loop_time: CHECK (elapsed_seconds BETWEEN 1 AND 3600000)", (ihorLoop3, #"{loop: 3, elapsed: "1000:00:01", direction: clockwise}"#),
                 .invalidValue, "entrants[1].times[0].elapsed", line: "1000:00:01", .validator),
            // disputed_value, disputed_value_source, loop_count_source, loop_cutoff_source (0004)
            file(disputedFieldCheck, withDisputes("  start_hour:\n  - {value: \"07:54\", cite: [irunfar]}\n"), .unknownField,
                 "disputed.start_hour", line: "start_hour:", .reader),
            file(disputedValueCheck, withDisputes("  start_time:\n  - {value: \"  \", cite: [irunfar]}\n"), .missingField,
                 "disputed.start_time[0].value", line: "{value: \"  \"", .reader),
            file(disputedValueCheck, (jasminCite, "  cite: [irunfar]\n  disputed:\n    entered:\n    - {value: true, cite: [irunfar]}\n- name: Ihor"),
                 .invalidValue, "entrants[0].disputed.entered[0].value", line: "{value: true", .validator),
            file("disputed_value_source: FOREIGN KEY (edition_id, key) REFERENCES edition_source (edition_id, key)",
                 withDisputes("  start_time:\n  - {value: \"07:54\", cite: [letsrun]}\n"), .unknownSourceKey, "disputed.start_time[0].cite",
                 line: "letsrun", .validator),
            file("disputed_value_source: PRIMARY KEY (disputed_id, key)", withDisputes("  start_time:\n  - {value: \"07:54\", cite: [irunfar, irunfar]}\n"),
                 .duplicateField, "disputed.start_time[0].cite", line: "[irunfar, irunfar]", .validator),
            file("loop_count_source: FOREIGN KEY (edition_id, key) REFERENCES edition_source (edition_id, key)",
                 withLoopCounts("- {loop: 1, started: 40, cite: [letsrun]}\n"), .unknownSourceKey, "loop_counts[0].cite", line: "letsrun", .validator),
            file("loop_count_source: PRIMARY KEY (edition_id, loop, key)", withLoopCounts("- {loop: 1, started: 40, cite: [irunfar, irunfar]}\n"),
                 .duplicateField, "loop_counts[0].cite", line: "[irunfar, irunfar]", .validator),
            file("loop_cutoff_source: FOREIGN KEY (edition_id, key) REFERENCES edition_source (edition_id, key)",
                 withCutoffs("  - {loop: 1, time: \"13:20:00\", cite: [letsrun]}\n"), .unknownSourceKey, "format.cutoffs[0].cite", line: "letsrun", .validator),
            file("loop_cutoff_source: PRIMARY KEY (edition_id, loop, key)", withCutoffs("  - {loop: 1, time: \"13:20:00\", cite: [irunfar, irunfar]}\n"),
                 .duplicateField, "format.cutoffs[0].cite", line: "[irunfar, irunfar]", .validator),
        ] + reasonBreaks
    }()

    /// The constraints of 0005 (outcomes with reasons, unofficial loops, races, identity).
    static let reasonBreaks: [ConstraintBreak] = {
        func file(_ constraint: String, _ fragment: (String, String), _ rule: ImportProblem.Rule, _ field: String, line: String,
                  _ stage: TwinStage) -> ConstraintBreak {
            ConstraintBreak(constraint: constraint, old: fragment.0, new: fragment.1, rule: rule, field: field, lineText: line, stage: stage)
        }
        let ihorLoop3 = #"{loop: 3, elapsed: "31:31:47", direction: clockwise}"#
        func withCourse(_ course: String) -> (String, String) { ("cite: [irunfar]\nentrants:", "cite: [irunfar]\ncourse: \(course)\nentrants:") }
        return [
            file("entry: CHECK (reason IN ('refused_to_continue', 'missed_cutoff', 'lost', 'injured', 'sick', 'pages_missing', 'other'))",
                 ("  loops_completed: 3\n", "  loops_completed: 3\n  reason: tired\n"), .invalidValue, "entrants[2].reason", line: "reason: tired", .reader),
            file("entry: CHECK (outcome <> 'finish' OR (reason IS NULL AND reason_note IS NULL))", ("sex: F\n", "sex: F\n  reason: lost\n"),
                 .invalidValue, "entrants[0].reason", line: "reason: lost", .validator),
            file("entry: CHECK (outcome <> 'did_not_start' OR coalesce(loops_completed, 0) = 0)",
                 ("  loops_completed: 3\n", "  loops_completed: 3\n  outcome: did_not_start\n"), .invalidValue, "entrants[2].loops_completed",
                 line: "loops_completed: 3", .validator),
            file("entry: CHECK (wikidata GLOB 'Q[1-9]*' AND NOT substr(wikidata, 2) GLOB '*[^0-9]*' AND length(wikidata) <= 12)",
                 ("name: Ihor Verys\n", "name: Ihor Verys\n  wikidata: Q0123\n"), .invalidValue, "entrants[1].wikidata", line: "Q0123", .validator),
            file("loop_time: CHECK (unofficial IN ('off_course', 'after_limit', 'wrong_direction'))",
                 (ihorLoop3, #"{loop: 3, elapsed: "31:31:47", direction: clockwise, unofficial: lost}"#), .invalidValue,
                 "entrants[1].times[0].unofficial", line: "unofficial: lost", .reader),
            file("edition: CHECK (category IN ('100_mile', '3_loop'))", ("year: 2024\n", "year: 2024\ncategory: 50k\n"), .invalidValue, "category",
                 line: "category: 50k", .reader),
            file("edition_course: CHECK (books BETWEEN 1 AND 100)", withCourse("{books: 0, cite: [irunfar]}"), .invalidValue, "course.books",
                 line: "books: 0", .reader),
            file("edition_course: CHECK (climb_feet BETWEEN 1 AND 1000000)", withCourse("{climb_feet: 0, cite: [irunfar]}"), .invalidValue,
                 "course.climb_feet", line: "climb_feet: 0", .reader),
            file("edition_course: CHECK (loop_miles > 0 AND loop_miles <= 100)", withCourse("{loop_miles: 0, cite: [irunfar]}"), .invalidValue,
                 "course.loop_miles", line: "loop_miles: 0", .reader),
            file("course_source: FOREIGN KEY (edition_id, key) REFERENCES edition_source (edition_id, key)",
                 withCourse("{books: 13, cite: [letsrun]}"), .unknownSourceKey, "course.cite", line: "letsrun", .validator),
            file("course_source: PRIMARY KEY (edition_id, key)", withCourse("{books: 13, cite: [irunfar, irunfar]}"), .duplicateField,
                 "course.cite", line: "[irunfar, irunfar]", .validator),
        ]
    }()

    /// Unique constraints the importer keeps by reusing the stored row.
    static let reuses: [ConstraintReuse] = [
        ConstraintReuse(constraint: "source: UNIQUE (citation)", setupSQL: nil,
                        old: "  irunfar: https://irunfar.com/2024-barkley-marathons-results\n",
                        new: "  irunfar: https://irunfar.com/2024-barkley-marathons-results\n  also: https://irunfar.com/2024-barkley-marathons-results\n",
                        query: "SELECT count(*) FROM source WHERE citation = 'https://irunfar.com/2024-barkley-marathons-results'"),
        // A runner stored under another fold of its name (an older version's) is found by the name itself.
        ConstraintReuse(constraint: "runner: UNIQUE (name)", setupSQL: "UPDATE runner SET search_key = 'paris, jasmin' WHERE name = 'Jasmin Paris'",
                        old: "starters: 40", new: "starters: 39",
                        query: "SELECT count(*) FROM runner WHERE name = 'Jasmin Paris'"),
    ]

    /// Constraints no edition file can break, and why.
    static let unbreakable: [String: String] = {
        let rowid = "INTEGER PRIMARY KEY: SQLite numbers the row"
        let parent = "the importer writes the parent row first, in the same transaction, and binds its id"
        let position = "the importer numbers rows by their place in the file"
        let nonOptional = "the model's value is not optional: a file cannot make it null"
        var reasons: [String: String] = [
            "edition: PRIMARY KEY (id)": rowid, "entry: PRIMARY KEY (id)": rowid, "runner: PRIMARY KEY (id)": rowid,
            "source: PRIMARY KEY (id)": rowid, "import_log: PRIMARY KEY (id)": rowid,
            "edition.race: NOT NULL": "a missing or null race is the Barkley Marathons (Edition.race is not optional)",
            "edition: CHECK (length(trim(race)) > 0)":
                "a blank race is unknown (DoorText: white space trimmed, invisible characters refused), which is the Barkley Marathons, like a missing one",
            "edition.held: NOT NULL": "a missing or null `held` is true (Edition.held is a Bool)",
            "edition_source.key: NOT NULL": "a source's key is the text of a YAML mapping key: " + nonOptional,
            "entry_source.key: NOT NULL": "a cited key is the text of a list item: " + nonOptional,
            "loop_time_source.key: NOT NULL": "a cited key is the text of a list item: " + nonOptional,
            "runner.search_key: NOT NULL": "the importer folds it from the name (NameKey)",
            "loop_time.precision: NOT NULL": "written from RaceTime.Precision, exact or approximate",
            "loop_time: CHECK (precision IN ('exact', 'approximate'))": "written from RaceTime.Precision, exact or approximate",
            "entry.outcome: NOT NULL": "derived by the importer (Outcome), unknown when nothing says",
            "entry: CHECK (outcome IN ('finish', 'fun_run', 'over_limit', 'dropped', 'disqualified', 'did_not_start', 'unknown'))":
                "derived by the importer from the Outcome enum",
            "entry: CHECK (outcome <> 'finish' OR finish_seconds IS NOT NULL OR stated_outcome = 'finish')":
                "derived: the times show a finish only with the finish loop's time, which is stored as finish_seconds; otherwise a source states it",
            "entry: CHECK (position BETWEEN 0 AND 100000)": position + "; the validator refuses more than 100,000 entrants (EditionBounds)", "entry.position: NOT NULL": position, "entry: UNIQUE (edition_id, position)": position,
            "edition_source.position: NOT NULL": position, "entry_source.position: NOT NULL": position,
            "loop_time_source.position: NOT NULL": position,
            "edition_source: CHECK (cite_position >= 0)": "the place of a key in the edition's `cite:`, or null",
            "edition_source.source_id: NOT NULL": "the id the importer's upsert of the citation returns",
            "edition_source: FOREIGN KEY (source_id) REFERENCES source (id)": "the id the importer's upsert of the citation returns",
            "entry.runner_id: NOT NULL": "a resolved runner's id, or the id of the runner the importer inserts",
            "entry: FOREIGN KEY (runner_id) REFERENCES runner (id)": "a resolved runner's id, or the id of the runner the importer inserts",
            "loop_time_source: FOREIGN KEY (entry_id, loop) REFERENCES loop_time (entry_id, loop)":
                "the importer writes each cited time before its citations",
        ]
        for (table, parentTable) in [("edition_source", "edition"), ("entry", "edition"), ("loop_count", "edition"), ("loop_cutoff", "edition"),
                                     ("entry_source", "entry"), ("loop_time", "entry"),
                                     ("entry_distinct_from", "edition"), ("entry_distinct_from", "entry"), ("disputed_value", "edition")] {
            reasons["\(table).\(parentTable)_id: NOT NULL"] = parent
            reasons["\(table): FOREIGN KEY (\(parentTable)_id) REFERENCES \(parentTable) (id)"] = parent
        }
        for column in ["edition_id", "entry_id", "loop"] {
            reasons["loop_time_source.\(column): NOT NULL"] = parent
        }
        reasons["entry_source.edition_id: NOT NULL"] = parent
        // entry_distinct_from (0002): the `distinct_from:` names of an entrant, in file order.
        for name in ["entry_distinct_from.position: NOT NULL", "entry_distinct_from: CHECK (position >= 0)",
                     "entry_distinct_from: PRIMARY KEY (entry_id, position)"] {
            reasons[name] = position
        }
        // 0005: a blank value is unknown (DoorText) and the reader leaves the field out; ReasonRules
        // refuses a blank one in an edition built in code.
        let blank = "a blank value is unknown (DoorText): the reader leaves the field out, and ReasonRules refuses one built in code"
        for name in ["entry: CHECK (length(trim(duv)) > 0)", "entry: CHECK (length(trim(ultrasignup)) > 0)",
                     "edition_course: CHECK (length(trim(changes)) > 0)"] {
            reasons[name] = blank
        }
        reasons["edition_course: PRIMARY KEY (edition_id)"] = "an edition file has one `course:` (a key twice is a YAML error)"
        reasons["edition_course: FOREIGN KEY (edition_id) REFERENCES edition (id)"] = parent
        reasons["course_source.edition_id: NOT NULL"] = parent
        reasons["course_source: FOREIGN KEY (edition_id) REFERENCES edition_course (edition_id)"] = "the importer writes the course before its citations"
        reasons["course_source.key: NOT NULL"] = "a cited key is the text of a list item: " + nonOptional
        reasons["course_source.position: NOT NULL"] = position
        reasons["runner: UNIQUE (key)"] = "the importer makes a free key for each new runner (Archive.freeRunnerKey), never one in use"
        reasons["entry_distinct_from.name: NOT NULL"] = "a name is the text of a list item: " + nonOptional
        reasons["entry_distinct_from: CHECK (length(trim(name)) > 0)"] =
            "a blank item is unknown (DoorText) and the reader leaves it out of the list"
        reasons["entry_distinct_from.name_key: NOT NULL"] = "the importer folds it from the name (NameKey)"
        reasons["entry_distinct_from: CHECK (length(name_key) > 0)"] =
            "NameKey.fold of a name that is not blank (the reader drops blank items) keeps its letters"
        // Disputed values and the citations of loop counts and cutoffs (0004).
        reasons["disputed_value: PRIMARY KEY (id)"] = rowid
        reasons["disputed_value.field: NOT NULL"] = "written from DisputedField, an enum: " + nonOptional
        reasons["disputed_value.value: NOT NULL"] = "an alternative's value is a String: " + nonOptional
        reasons["disputed_value.position: NOT NULL"] = position
        reasons["disputed_value: CHECK (position >= 0)"] = position
        reasons["disputed_value: CHECK (loop BETWEEN 1 AND 100)"] =
            "the loop of the cutoff, loop count or loop time the dispute is written under, which their own rules bound to 1…100"
        reasons["disputed_value: FOREIGN KEY (entry_id) REFERENCES entry (id)"] = parent
        reasons["disputed_value_source.disputed_id: NOT NULL"] = parent
        reasons["disputed_value_source: FOREIGN KEY (disputed_id) REFERENCES disputed_value (id)"] = parent
        reasons["disputed_value_source.edition_id: NOT NULL"] = parent
        reasons["disputed_value_source.key: NOT NULL"] = "a cited key is the text of a list item: " + nonOptional
        reasons["disputed_value_source.position: NOT NULL"] = position
        for table in ["loop_count", "loop_cutoff"] {
            reasons["\(table)_source.edition_id: NOT NULL"] = parent
            reasons["\(table)_source.loop: NOT NULL"] = parent
            reasons["\(table)_source.key: NOT NULL"] = "a cited key is the text of a list item: " + nonOptional
            reasons["\(table)_source.position: NOT NULL"] = position
            reasons["\(table)_source: FOREIGN KEY (edition_id, loop) REFERENCES \(table) (edition_id, loop)"] =
                "the importer writes each \(table == "loop_count" ? "loop count" : "cutoff") before its citations"
        }
        for column in ["imported_at", "file_name", "checksum", "race", "year", "summary"] {
            reasons["import_log.\(column): NOT NULL"] = "the import log is written by the importer from the file it read"
        }
        for name in ["schema_migration.applied_at: NOT NULL", "schema_migration.checksum: NOT NULL", "schema_migration: PRIMARY KEY (identifier)"] {
            reasons[name] = "the migrator's own bookkeeping; an import never writes it"
        }
        // The full-text indexes of 0006: FTS5's shadow tables, written only by SQLite's FTS5
        // module from the rows the importer indexes (Archive+SearchIndex.swift).
        for index in ["runner_search", "entry_search", "edition_search", "source_search"] {
            for name in ["\(index)_config: PRIMARY KEY (k)", "\(index)_data: PRIMARY KEY (id)",
                         "\(index)_docsize: PRIMARY KEY (id)", "\(index)_idx: PRIMARY KEY (segid, term)"] {
                reasons[name] = "FTS5's own shadow table; no edition file reaches it"
            }
        }
        return reasons
    }()

    @Test("every constraint of the schema has a breaking file, a reuse or a reason no file reaches it; none is listed twice or stale")
    func everyConstraintIsCovered() throws {
        let fixture = try TemporaryArchive()
        let schema = try SchemaConstraints.read(from: fixture.archive.connection).map(\.description)
        #expect(schema.count > 50, "the schema parser found \(schema.count) constraints")
        // A constraint with two bounds (BETWEEN) may have a breaking file for each; across the
        // three tables each constraint is listed once.
        let covered = Set(Self.breaks.map(\.constraint)).sorted() + Self.reuses.map(\.constraint) + Self.unbreakable.keys
        #expect(Set(covered).count == covered.count, "listed twice: \(Dictionary(grouping: covered, by: { $0 }).filter { $1.count > 1 }.keys.sorted())")
        let uncovered = Set(schema).subtracting(covered).sorted()
        #expect(uncovered.isEmpty, "constraints with no validator rule, reuse or reason: \(uncovered)")
        let stale = Set(covered).subtracting(schema).sorted()
        #expect(stale.isEmpty, "listed, but not in the schema: \(stale)")
    }

    @Test("a file that breaks a constraint is refused with its own message, by dry run and import alike, before SQLite sees it",
          arguments: breaks)
    func breakingFileIsRefused(_ twin: ConstraintBreak) throws {
        let fixture = try TemporaryArchive()
        if let setup = twin.setup { try fixture.archive.importFiles([fixture.file("setup.yaml", setup)]) }
        let before = try fixture.snapshot()
        let text = Sample.edition2024(replacing: twin.old, with: twin.new)
        var urls = [try fixture.file("2024.yaml", text)]
        if twin.twice { urls.append(try fixture.file("2024-again.yaml", text)) }

        switch twin.stage {
        case .reader:
            let error = try #require(throws: ImportError.self) { try EditionFileReader.read(data: Data(text.utf8), fileName: "2024.yaml") }
            #expect(error.problems.contains { $0.rule == twin.rule && $0.field == twin.field }, "\(error)")
        case .validator:
            // The reader lets it through, the validator alone refuses it, and SQLite would too.
            let parsed = try EditionFileReader.read(data: Data(text.utf8), fileName: "2024.yaml")
            let problems = EditionValidator.problems(in: parsed)
            #expect(problems.contains { $0.rule == twin.rule && $0.field == twin.field }, "\(problems)")
            try expectSQLiteRefuses(parsed.edition, twin, in: fixture.archive)
        case .archive:
            if !twin.twice { try expectSQLiteRefuses(try EditionFileReader.read(data: Data(text.utf8), fileName: "2024.yaml").edition, twin, in: fixture.archive) }
        }

        let dryRun = try #require(throws: ImportError.self) { try fixture.archive.importFiles(urls, dryRun: true) }
        let imported = try #require(throws: ImportError.self) { try fixture.archive.importFiles(urls) }
        #expect(dryRun.problems == imported.problems)
        let problem = try #require(imported.problems.first { $0.rule == twin.rule && $0.field == twin.field }, "\(imported)")
        #expect(problem.file == urls.last!.lastPathComponent)
        #expect(problem.line != nil)
        if !twin.lineText.isEmpty { #expect(problem.line == Sample.line(of: twin.lineText, in: text), "\(problem)") }
        #expect(!imported.problems.contains { $0.rule == .schemaRule }, "SQLite saw it: \(imported)")
        #expect(!imported.description.contains("constraint failed"))
        #expect(try fixture.snapshot() == before)
    }

    /// Writes `edition` past every check (runners resolved as the importer resolves them) and
    /// expects SQLite to refuse it with `twin`'s constraint: proof the file really breaks it.
    private func expectSQLiteRefuses(_ edition: Edition, _ twin: ConstraintBreak, in archive: Archive) throws {
        let constraint = try #require(try SchemaConstraints.read(from: archive.connection).first { $0.description == twin.constraint })
        let keys = EntrantKeys(edition)
        let runnerIDs = try edition.entrants.indices.map { index in
            try archive.runnerMatches(forKey: keys.names[index], name: edition.entrants[index].name,
                                      replacingEditionOf: edition.race, year: edition.year).first?.id
        }
        let error = try #require(throws: SQLiteError.self) {
            try archive.connection.transaction { try archive.store(edition, runnerIDs: runnerIDs, keys: keys) }
        }
        #expect(error.code == .constraint)
        #expect(SchemaConstraints.normalized(error.message).contains(constraint.sqliteMessage), "\(error.message) is not \(constraint)")
    }

    @Test("a repeated citation or a runner's stored name is reused, never inserted twice", arguments: reuses)
    func reusedRow(_ reuse: ConstraintReuse) throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2024.yaml", Sample.edition2024)])
        if let sql = reuse.setupSQL { try fixture.archive.connection.execute(sql) }
        let url = try fixture.file("2024.yaml", Sample.edition2024(replacing: reuse.old, with: reuse.new))
        #expect(try fixture.archive.importFiles([url], dryRun: true).map(\.change) == [.replaced])
        #expect(try fixture.archive.importFiles([url]).map(\.change) == [.replaced])
        #expect(try fixture.archive.connection.scalar(reuse.query, as: Int.self) == 1)
    }

    @Test("a constraint SQLite still refuses becomes a problem naming the file and the rule, not SQLite's message")
    func slippedConstraintIsMapped() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2023.yaml", Sample.edition2024.replacingOccurrences(of: "2024", with: "2023"))])
        // A rule the validator does not know: a trigger that refuses one loop time.
        try fixture.archive.connection.execute("""
            CREATE TRIGGER test_limit BEFORE INSERT ON loop_time WHEN NEW.elapsed_seconds = 141899
            BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: test rule'); END
            """)
        let before = try fixture.snapshot()
        let url = try fixture.file("2024.yaml", Sample.edition2024(replacing: "31:31:47", with: "39:24:59"))
        #expect(try fixture.archive.importFiles([url], dryRun: true).map(\.change) == [.added])
        let error = try #require(throws: ImportError.self) { try fixture.archive.importFiles([url]) }
        #expect(error.problems.count == 1)
        let problem = try #require(error.problems.first)
        #expect(problem.rule == .schemaRule)
        #expect(problem.file == "2024.yaml")
        #expect(problem.line == Sample.line(of: "year: 2024", in: Sample.edition2024))
        #expect(problem.message.contains("test rule"))
        #expect(!problem.message.contains("INSERT"))
        #expect(try fixture.snapshot() == before)
    }

    @Test("the validator's date and clock-time rules refuse all the schema's CHECKs refuse, and more only for days and hours that do not exist (seeded)")
    func dateAndClockRulesMatchSQLite() throws {
        let fixture = try TemporaryArchive()
        let connection = fixture.archive.connection
        var random = SplitMix64(seed: 0xDA7E)
        let alphabet = Array("0123456789-:+ .T")
        func near(_ template: String) -> String {
            // A valid-looking shape with some characters replaced: the edges are where rules differ.
            String(template.map { character in
                switch Int.random(in: 0..<10, using: &random) {
                case 0: return alphabet.randomElement(using: &random)!
                case 1...5 where character.isNumber: return Character(String(Int.random(in: 0...9, using: &random)))
                default: return character
                }
            })
        }
        let calendar = Calendar(identifier: .gregorian)
        var (dates, times, stricter) = (0, 0, 0)
        for _ in 0..<4_000 {
            let date = near(["2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "2024-12-31", "2024-04-31", "0000-01-01"].randomElement(using: &random)!)
            let sqliteDate = try connection.scalar("SELECT date(?1) IS ?1", [date], as: Int.self) == 1
            let validatorDate = SchemaRules.isDate(date)
            if validatorDate {
                dates += 1
                #expect(sqliteDate, "'\(date)': the validator accepts what SQLite refuses")
            } else if sqliteDate {
                // SQLite's date() takes any day up to 31; the validator wants one the calendar has.
                let parts = date.split(separator: "-").compactMap { Int($0) }
                let exists = DateComponents(calendar: calendar, year: parts[0], month: parts[1], day: parts[2]).isValidDate
                #expect(!exists && parts[2] <= 31, "'\(date)': refused by the validator only")
                stricter += 1
            }
            let time = near(["05:17", "23:59", "00:00", "24:00", "12:60"].randomElement(using: &random)!)
            let sqliteTime = try connection.scalar("SELECT strftime('%H:%M', '2000-01-01 ' || ?1) IS ?1", [time], as: Int.self) == 1
            let validatorTime = SchemaRules.isClockTime(time)
            if validatorTime {
                times += 1
                #expect(sqliteTime, "'\(time)': the validator accepts what SQLite refuses")
            } else if sqliteTime {
                // SQLite takes hour 24 (24:00 to 24:59); a start time is on the 24-hour clock, 00 to 23.
                #expect(time.hasPrefix("24:"), "'\(time)': refused by the validator only")
                stricter += 1
            }
        }
        // Both kinds of answer were tried, and the stricter cases came up.
        #expect((100..<3_900).contains(dates) && (100..<3_900).contains(times) && stricter > 0, "\(dates) dates, \(times) times, \(stricter) stricter")
    }
}
