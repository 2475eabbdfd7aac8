import Foundation
import SQLiteLayer

/// The schema's constraints, checked before SQLite sees an edition, each with its own message.
///
/// Every CHECK, NOT NULL, UNIQUE, PRIMARY KEY and FOREIGN KEY of `Migrations/*.sql` that a value
/// of an edition can break has a rule here, in ``EditionValidator`` or in the reader (which
/// refuses what the model cannot hold), so `import --dry-run` and `import` refuse the same
/// files, naming file, line and field. `SchemaTwinTests` reads the constraints from
/// `sqlite_schema` and fails for any that has no rule. The rules are written for any
/// ``Edition``, not only a read file: ``Archive/importEditions(_:dryRun:progress:)`` takes
/// editions built in code.
enum SchemaRules {
    typealias Report = (ImportProblem.Rule, String, String) -> Void

    /// The edition's own fields, its loop counts, sources and citations.
    static func check(_ edition: Edition, report: Report) {
        // edition: race NOT NULL CHECK (length(trim(race)) > 0)
        if isBlank(edition.race) {
            report(.invalidValue, "race", "a race name is required (leave the field out for the Barkley Marathons)")
        }
        // edition: CHECK (x >= 0) on the counts, CHECK (x > 0) on the loops of the format.
        for (value, field) in [(edition.starters, "starters"), (edition.statedFinishers, "finishers"),
                               (edition.statedFunRuns, "fun_run_completers")] {
            if let value, value < 0 { report(.invalidValue, field, "\(value) is below zero") }
        }
        for (value, field) in [(edition.format.loops, "format.loops"), (edition.format.funRunLoops, "format.fun_run_loops")] {
            if let value, value < 1 { report(.invalidValue, field, "\(counted(value, "loop")): a format has at least one") }
        }
        // loop_cutoff: loop CHECK (loop > 0)
        for loop in edition.format.cutoffs.keys.sorted() where loop < 1 {
            report(.invalidValue, "format.cutoffs", "a cutoff for loop \(loop): loops are numbered from 1")
        }
        checkLoopCounts(edition.loopCounts, report: report)
        checkSources(edition.sources, report: report)
        // entry_source and loop_time_source: PRIMARY KEY (…, key); edition-level citations alike.
        checkCitedOnce(edition.cited, field: "cite", report: report)
        for (index, entrant) in edition.entrants.enumerated() {
            var path: String { "entrants[\(index)]" }  // built only for a message
            // entry: loops_completed CHECK (loops_completed >= 0)
            if let loops = entrant.loopsCompleted, loops < 0 {
                report(.invalidValue, "\(path).loops_completed", "\(loops) is below zero")
            }
            checkCitedOnce(entrant.cited, field: "\(path).cite", report: report)
            for (timeIndex, time) in entrant.times.enumerated() {
                // loop_time: loop CHECK (loop > 0)
                if time.loop < 1 { report(.invalidValue, "\(path).times[\(timeIndex)].loop", "loop \(time.loop): loops are numbered from 1") }
                checkCitedOnce(time.cited, field: "\(path).times[\(timeIndex)].cite", report: report)
            }
        }
    }

    /// loop_count: PRIMARY KEY (edition_id, loop); loop > 0; started, completed >= 0;
    /// completed <= started; CHECK (started IS NOT NULL OR completed IS NOT NULL).
    private static func checkLoopCounts(_ counts: [LoopCount], report: Report) {
        var seen = Set<Int>()
        for (index, count) in counts.enumerated() {
            let path = "loop_counts[\(index)]"
            if count.loop < 1 { report(.invalidValue, "\(path).loop", "loop \(count.loop): loops are numbered from 1") }
            if !seen.insert(count.loop).inserted { report(.duplicateField, "\(path).loop", "loop \(count.loop) already has counts; keep one") }
            if count.started == nil && count.completed == nil {
                report(.missingField, path, "give `started`, `completed` or both (leave the loop out when neither is known)")
            }
            if let started = count.started, started < 0 { report(.invalidValue, "\(path).started", "\(started) is below zero") }
            if let completed = count.completed, completed < 0 { report(.invalidValue, "\(path).completed", "\(completed) is below zero") }
            if let started = count.started, let completed = count.completed, completed > started {
                report(.invalidValue, "\(path).completed", "\(completed) completed loop \(count.loop), but only \(started) started it")
            }
        }
    }

    /// edition_source: key CHECK (length(key) > 0), PRIMARY KEY (edition_id, key);
    /// source: citation NOT NULL CHECK (length(trim(citation)) > 0).
    private static func checkSources(_ sources: [SourceReference], report: Report) {
        var keys = Set<String>()
        for source in sources {
            let path = "sources.\(source.key)"
            if source.key.isEmpty { report(.invalidValue, "sources", "a source needs a key to cite it by") }
            if !keys.insert(source.key).inserted { report(.duplicateField, path, "the key '\(source.key)' is given twice; keep one") }
            if isBlank(source.citation) { report(.invalidValue, path, "expected a URL or citation") }
        }
    }

    /// A key cited twice in one list (the tables behind citations hold each key once per fact).
    private static func checkCitedOnce(_ cited: [String], field: @autoclosure () -> String, report: Report) {
        guard cited.count > 1 else { return }
        var seen = Set<String>()
        for key in cited where !seen.insert(key).inserted {
            report(.duplicateField, field(), "cites '\(key)' twice; keep one")
        }
    }

    /// True for text with nothing but white space (SQLite's `trim` takes only spaces; this is stricter).
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    /// `text` is `YYYY-MM-DD`, ASCII digits only, a day that exists: what `date(x) IS x` accepts.
    static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = digits(bytes[0..<4]), let month = digits(bytes[5..<7]), let day = digits(bytes[8..<10]),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    /// `text` is `HH:MM` on the 24-hour clock, ASCII digits only: what
    /// `strftime('%H:%M', '2000-01-01 ' || x) IS x` accepts.
    static func isClockTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"),
              let hours = digits(bytes[0..<2]), let minutes = digits(bytes[3..<5]) else { return false }
        return (0..<24).contains(hours) && (0..<60).contains(minutes)
    }

    /// The value of a run of ASCII digits; nil when any byte is not one (a sign, a space).
    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}

extension ImportProblem {
    /// A constraint SQLite refused that no rule before it caught: the file, and the rule in the
    /// schema's own words, never SQLite's raw message (which names statements and bound values).
    ///
    /// - Parameter error: a `SQLITE_CONSTRAINT` error from writing the edition.
    init(constraint error: SQLiteError, file: String, line: Int?) {
        // SQLite words these "CHECK constraint failed: elapsed_seconds > 0",
        // "UNIQUE constraint failed: entry.edition_id, entry.runner_id", "FOREIGN KEY constraint failed".
        let parts = error.message.components(separatedBy: " constraint failed")
        let kind = parts.count == 2 ? parts[0] : "a"
        var detail = parts.count == 2 ? parts[1].trimmingCharacters(in: CharacterSet(charactersIn: ": ")) : ""
        if detail.count > 120 { detail = String(detail.prefix(120)) + "…" }
        let rule = detail.isEmpty ? "\(kind) rule" : "\(kind) rule (\(detail))"
        self.init(file: file, line: line, field: "-", rule: .schemaRule,
                  message: "the archive refused this edition: it breaks the schema's \(rule), which the checks before writing "
                      + "missed; nothing was written (please report this)")
    }
}
