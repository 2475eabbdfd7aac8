import BarkleyArchive
import BarkleyQueries

/// How archive values read to people, decided once for every reader: the CLI's tables and
/// Markdown and the static site use these, so a time, an unknown or a partial answer reads
/// the same in a terminal and on a web page.
public enum Presentation {
    /// How a value the sources do not give reads: never `0`, never blank.
    public static let unknown = "unknown"

    /// `H:MM:SS` with hours past 24 (`59:58:21`); a time published only to the minute keeps its
    /// seconds unknown, `58:21:--`, so a column still lines up and claims nothing.
    public static func time(_ time: RaceTime) -> String {
        time.precision == .exact ? time.description : time.description + ":--"
    }

    /// ``time(_:)-(RaceTime)``, or ``unknown``.
    public static func time(_ time: RaceTime?) -> String {
        time.map { Self.time($0) } ?? unknown
    }

    /// ``time(_:)-(RaceTime)`` of a query result's time, or ``unknown``.
    public static func time(_ time: ElapsedTime?) -> String {
        Self.time(time?.raceTime)
    }

    /// The time a finisher had to spare before the limit (`0:01:39`), `H:MM:--` when the finish
    /// time is known only to the minute; nil when the time or the limit is unknown.
    public static func margin(_ finish: Finish) -> String? {
        guard let seconds = finish.marginSeconds else { return nil }
        return time(RaceTime(seconds: seconds, precision: finish.time?.isApproximate == true ? .approximate : .exact))
    }

    /// `finish`, `fun run`, `over limit`, `dropped`, `DQ`, `did not start`, `unknown`.
    public static func outcome(_ outcome: Outcome) -> String {
        switch outcome {
        case .finish: "finish"
        case .funRun: "fun run"
        case .overLimit: "over limit"
        case .dropped: "dropped"
        case .disqualified: "DQ"
        case .didNotStart: "did not start"
        case .unknown: "unknown"
        }
    }

    /// `1 loop`, `5 loops`.
    public static func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        counted(count, singular, plural)
    }

    /// `2002`, `2002 and 2020`, `1986, 1987 and 1989`; `conjunction` "or" for alternatives.
    public static func list(_ items: [String], conjunction: String = "and") -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }

    /// Years with runs of consecutive years shortened: `1986–1989, 1991, 2021–2025`.
    public static func years(_ years: [Int]) -> String {
        var runs: [(first: Int, last: Int)] = []
        for year in years.sorted() {
            if let run = runs.last, year <= run.last + 1 {
                runs[runs.count - 1].last = max(run.last, year)
            } else {
                runs.append((year, year))
            }
        }
        return runs.map { span($0.first, $0.last) }.joined(separator: ", ")
    }

    /// `1986–2025`, or one year.
    public static func span(_ first: Int, _ last: Int) -> String {
        first == last ? "\(first)" : "\(first)–\(last)"
    }

    /// `Barkley Marathons`, or the race's own name.
    public static func raceTitle(_ race: String) -> String {
        race == Edition.barkley ? "Barkley Marathons" : race
    }

    /// How complete an answer is: `yes`, or `no: may be short in 1996, 1999–2001, where <reason>`;
    /// then, where it rests on disputed values, `; disputed: 2022 start_time (…)`.
    /// - Parameter othersListed: where a reader finds the other values (``disputesCommand`` in a terminal).
    public static func completeness(_ completeness: Completeness, where reason: String, othersListed: String = disputesCommand) -> String {
        let complete = completeness.isComplete ? "yes" : "no: may be short in \(years(completeness.incompleteYears)), where \(reason)"
        return complete + disputed(completeness, othersListed: othersListed)
    }

    /// Where a terminal reader finds every value of a disputed fact.
    public static let disputesCommand = "`barkley disputes` lists the others"
    /// Where a reader of the site finds them: each edition page's Disputes section.
    public static let disputesOnEditionPages = "each edition's page lists the others"


    /// `; disputed: 2022 start_time, 2023 Greig Hamilton entered (the preferred values are used;
    /// `barkley disputes` lists the others)`, or nothing when no value the answer rests on is disputed.
    public static func disputed(_ completeness: Completeness, othersListed: String = disputesCommand) -> String {
        guard completeness.isDisputed else { return "" }
        return "; disputed: \(completeness.disputed.joined(separator: ", ")) (the preferred values are used; \(othersListed))"
    }

    /// `5`, `7 besides the finishers (6 named)`, `unknown (2 named)`: a count the sources
    /// state beside the entries they name.
    public static func count(stated: Int?, named: Int, suffix: String = "") -> String {
        guard let stated else { return unknown + (named > 0 ? " (\(named) named)" : "") }
        return "\(stated)\(suffix)" + (named != stated ? " (\(named) named)" : "")
    }

    /// `5 loops in 60:00:00; fun run: 3 loops in 40:00:00`, with "unknown" where the sources are
    /// silent; nil when nothing of the format is known.
    public static func format(_ format: RaceFormat) -> String? {
        guard !format.isEmpty else { return nil }
        func distance(_ loops: Int?, _ limit: RaceTime?) -> String {
            (loops.map { plural($0, "loop") } ?? "unknown loops")
                + (limit.map { " in \(time($0))" } ?? ", time limit unknown")
        }
        var text = distance(format.loops, format.timeLimit)
        if format.funRunLoops != nil || format.funRunTimeLimit != nil {
            text += "; fun run: " + distance(format.funRunLoops, format.funRunTimeLimit)
        }
        return text
    }

    /// Loops completed; with only times known, "at least" the last timed loop (`3+`); nil when unknown.
    public static func loopsCompleted(_ entrant: Entrant) -> String? {
        if let loops = entrant.loopsCompleted { return "\(loops)" }
        return entrant.times.map(\.loop).max().map { "\($0)+" }
    }
}
