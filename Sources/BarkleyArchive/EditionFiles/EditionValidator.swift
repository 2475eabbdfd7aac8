import Foundation

/// The archive's rules for one edition, checked before anything is written.
///
/// Every broken rule is reported, each with the line of the field that breaks it.
public enum EditionValidator {
    /// The first edition of the Barkley; the archive holds nothing older.
    public static let firstYear = 1986

    /// The years an edition may have: 1986 through the current year.
    public static var yearRange: ClosedRange<Int> {
        firstYear...Calendar(identifier: .gregorian).component(.year, from: Date())
    }

    public static func problems(in parsed: ParsedEdition) -> [ImportProblem] {
        problems(in: parsed, keys: EntrantKeys(parsed.edition))
    }

    /// The problems of `parsed`, given its entrants' folded names (``EntrantKeys``).
    static func problems(in parsed: ParsedEdition, keys entrantKeys: EntrantKeys) -> [ImportProblem] {
        let nameKeys = entrantKeys.names
        var problems: [ImportProblem] = []
        let edition = parsed.edition
        func report(_ rule: ImportProblem.Rule, _ field: String, _ message: String) {
            problems.append(ImportProblem(file: parsed.fileName, line: line(of: field, in: parsed), field: field, rule: rule, message: message))
        }

        if !yearRange.contains(edition.year) {
            report(.yearOutOfRange, "year", "\(edition.year) is outside the archive's range \(yearRange.lowerBound)…\(yearRange.upperBound)")
        }
        if let date = edition.startDate, !SchemaRules.isDate(date) {
            report(.invalidValue, "start_date", "'\(date)' is not a date written YYYY-MM-DD")
        } else if let date = edition.startDate, !date.hasPrefix("\(edition.year)-") {
            report(.invalidValue, "start_date", "'\(date)' is not in \(edition.year)")
        }
        if let time = edition.startTime, !SchemaRules.isClockTime(time) {
            report(.invalidValue, "start_time", "'\(time)' is not a 24-hour clock time written HH:MM"
                   + (SchemaRules.isClockTime("0" + time) ? " (write '0\(time)': two digits for the hour)" : ""))
        }
        if !edition.held, edition.starters != nil || !edition.entrants.isEmpty || !edition.format.isEmpty || edition.statedFinishers != nil {
            report(.invalidValue, "held", "an edition that was not held has no format, starters, finishers or entrants")
        }
        if let funRun = edition.format.funRunLoops, let loops = edition.format.loops, funRun >= loops {
            report(.invalidValue, "format.fun_run_loops", "the fun run (\(counted(funRun, "loop"))) must be shorter than the race (\(loops))")
        }
        SchemaRules.check(edition, report: report)
        DisputeRules.check(edition, report: report)
        TimePlausibility.checkFormat(edition.format, report: report)

        let keys = Set(edition.sources.map(\.key))
        func checkCitations(_ cited: [String], _ field: @autoclosure () -> String) {
            for key in cited where !keys.contains(key) {
                report(.unknownSourceKey, field(), "cites '\(key)', which is not under `sources:`")
            }
        }
        checkCitations(edition.cited, "cite")

        var seenRunners: [String: Int] = [:]
        for (index, entrant) in edition.entrants.enumerated() {
            let path = "entrants[\(index)]"
            // Two spellings of one name (case, accents, apostrophes, dashes, "Last, First") are one runner.
            let key = entrantKeys.identities[index]
            if nameKeys[index].isEmpty {
                report(.invalidValue, "\(path).name", "a name is required")
            } else if let first = seenRunners[key] {
                report(.duplicateRunner, "\(path).name", "'\(entrant.name)' is already entrant \(first + 1) of this edition")
            } else {
                seenRunners[key] = index
            }
            if entrant.distinctFrom.contains(where: { NameKey.fold($0) == nameKeys[index] }) {
                report(.invalidValue, "\(path).distinct_from", "names the entrant's own name; list the other runners this one is not")
            }
            if let country = entrant.country, !CountryCode.isValid(country) {
                report(.unknownCountry, "\(path).country", "'\(country)' is not an ISO 3166-1 alpha-3 code (e.g. GBR, USA, CHE for Switzerland, NLD for the Netherlands)")
            }
            checkCitations(entrant.cited, "\(path).cite")
            problems += timeProblems(entrant, path: path, format: edition.format, parsed: parsed)
            for (timeIndex, time) in entrant.times.enumerated() {
                checkCitations(time.cited, "\(path).times[\(timeIndex)].cite")
            }
        }

        ReasonRules.check(edition, report: report)
        problems += countProblems(parsed)
        return ImportProblem.inLineOrder(problems)
    }

    private static func timeProblems(_ entrant: Entrant, path: String, format: RaceFormat, parsed: ParsedEdition) -> [ImportProblem] {
        var problems: [ImportProblem] = []
        func report(_ rule: ImportProblem.Rule, _ field: String, _ message: String) {
            problems.append(ImportProblem(file: parsed.fileName, line: line(of: field, in: parsed), field: field, rule: rule, message: message))
        }
        var previous: Int?
        var seenLoops = Set<Int>()
        for (index, time) in entrant.times.enumerated() {
            var field: String { "\(path).times[\(index)]" }  // built only for a message
            if !seenLoops.insert(time.loop).inserted {
                report(.duplicateField, "\(field).loop", "loop \(time.loop) already has a time")
            }
            if let loops = format.loops, time.loop > loops {
                report(.invalidValue, "\(field).loop", "loop \(time.loop) does not exist: the race had \(counted(loops, "loop"))")
            }
            // An unofficial loop may follow the last completed one (it is not among them).
            if let completed = entrant.loopsCompleted, time.loop > completed, time.unofficial == nil {
                report(.loopAfterUnfinished, "\(field).loop", "a time for loop \(time.loop), but loops_completed is \(completed)")
            }
            if let previous, time.loop <= previous {
                report(.invalidValue, "\(field).loop", "times must be listed in loop order")
            }
            previous = time.loop
        }
        TimePlausibility.checkTimes(of: entrant, path: path, format: format, report: report)
        if let completed = entrant.loopsCompleted, let loops = format.loops, completed > loops {
            report(.invalidValue, "\(path).loops_completed", "\(counted(completed, "loop")), but the race had \(loops)")
        }
        let times = entrant.officialTimesByLoop
        // A DQ may have any times and a DNS none (ReasonRules): the times contradict neither.
        guard entrant.statedOutcome?.isStatedOnly != true else { return problems }
        if entrant.statedOutcome == .finish, let loops = format.loops, let limit = format.timeLimit,
           let time = times[loops], time.seconds > limit.seconds {
            report(.finishOverLimit, "\(path).outcome", "a finish in \(time) is over this year's limit of \(limit)")
        } else if let stated = entrant.statedOutcome, let shown = format.outcome(loopsCompleted: entrant.loopsCompleted, times: times),
                  stated != shown {
            report(.outcomeContradicted, "\(path).outcome", "stated '\(stated.rawValue)', but the loops and times show '\(shown.rawValue)'")
        }
        return problems
    }

    private static func countProblems(_ parsed: ParsedEdition) -> [ImportProblem] {
        let edition = parsed.edition
        var problems: [ImportProblem] = []
        func report(_ field: String, _ message: String) {
            problems.append(ImportProblem(file: parsed.fileName, line: line(of: field, in: parsed), field: field, rule: .countMismatch, message: message))
        }
        let outcomes = edition.entrants.map { $0.outcome(under: edition.format) }
        let finishes = outcomes.filter { $0 == .finish }.count
        let funRuns = outcomes.filter { $0 == .funRun }.count
        if let stated = edition.statedFinishers, stated != finishes {
            let overLimit = stated > finishes ? finishesOverLimit(parsed) : []
            report("finishers", "states \(counted(stated, "finisher")), but \(counted(finishes, "entrant")) finished"
                + (overLimit.isEmpty ? "" : " (\(counted(overLimit.count, "entrant")) completed the loops over the limit)"))
            problems += overLimit
        }
        if let stated = edition.statedFunRuns, funRuns > stated {
            report("fun_run_completers", "states \(counted(stated, "fun run")), but \(counted(funRuns, "entrant")) completed one")
        }
        if edition.entrantList == .complete {
            if let starters = edition.starters, starters != edition.entrants.count {
                report("entrant_list", "a complete list must name \(starters == 1 ? "its 1 starter" : "all \(starters) starters"); it names \(edition.entrants.count)")
            }
        }
        if let starters = edition.starters, edition.entrants.count > starters {
            report("starters", "\(counted(starters, "starter")), but \(counted(edition.entrants.count, "entrant")) \(edition.entrants.count == 1 ? "is" : "are") listed")
        }
        problems += EditionBounds.problems(in: parsed)
        return problems
    }

    /// Each time that would finish the race but for the year's limit, when the entrant does not
    /// say `outcome: over_limit`: a finish over the limit is none ("a finish over the year's
    /// limit", EditionFiles.md), so a stated count of finishers that includes it points at the
    /// time itself, its line and field, as well as at the count.
    private static func finishesOverLimit(_ parsed: ParsedEdition) -> [ImportProblem] {
        let format = parsed.edition.format
        guard let loops = format.loops, let limit = format.timeLimit else { return [] }
        return parsed.edition.entrants.enumerated().compactMap { index, entrant in
            guard entrant.statedOutcome == nil,
                  let timeIndex = entrant.times.firstIndex(where: { $0.loop == loops && $0.unofficial == nil }),
                  entrant.times[timeIndex].elapsed.seconds > limit.seconds else { return nil }
            let field = "entrants[\(index)].times[\(timeIndex)].elapsed"
            return ImportProblem(file: parsed.fileName, line: line(of: field, in: parsed), field: field, rule: .finishOverLimit,
                                 message: "loop \(loops) at \(entrant.times[timeIndex].elapsed) is over this year's limit of \(limit), "
                                     + "so it is no finish; correct the time, or write `outcome: over_limit` and leave it out of `finishers`")
        }
    }

    /// The line of `field`, or of the nearest enclosing field written in the file.
    static func line(of field: String, in parsed: ParsedEdition) -> Int? {
        line(of: field, in: parsed.lines)
    }

    static func line(of field: String, in lines: FieldLines) -> Int? {
        var path = field
        while true {
            if let line = lines[path] { return line }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return nil }
            path = String(path[..<cut])
        }
    }
}
