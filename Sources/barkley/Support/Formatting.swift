import BarkleyArchive
import BarkleyQueries

/// How archive values read in reports, the same in every command.
enum Formatting {
    /// `H:MM:SS` with hours past 24 (`59:58:21`); a time published only to the minute keeps its
    /// seconds unknown, `58:21:--`, so the column still lines up and claims nothing.
    static func time(_ time: RaceTime) -> String {
        time.precision == .exact ? time.description : time.description + ":--"
    }

    static func time(_ time: RaceTime?) -> Cell {
        time.map { .text(Self.time($0)) } ?? .unknown
    }

    static func time(_ time: ElapsedTime?) -> Cell {
        Self.time(time?.raceTime)
    }

    /// The time to spare before the limit, as a time (`0:01:39`); `H:MM:--` when the finish
    /// time is known only to the minute.
    static func margin(_ finish: Finish) -> Cell {
        guard let seconds = finish.marginSeconds else { return .unknown }
        return time(RaceTime(seconds: seconds, precision: finish.time?.isApproximate == true ? .approximate : .exact))
    }

    static func outcome(_ outcome: Outcome) -> String {
        switch outcome {
        case .finish: "finish"
        case .funRun: "fun run"
        case .overLimit: "over limit"
        case .dropped: "dropped"
        case .unknown: "unknown"
        }
    }

    static func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
    }

    /// `2002`, `2002 and 2020`, `1986, 1987 and 1989`; `conjunction` "or" for alternatives.
    static func list(_ items: [String], conjunction: String = "and") -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }

    /// Years with runs of consecutive years shortened: `1986–1989, 1991, 2021–2025`.
    static func years(_ years: [Int]) -> String {
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

    /// `Barkley Marathons`, or the race's own name.
    static func raceTitle(_ race: String) -> String {
        race == Edition.barkley ? "Barkley Marathons" : race
    }

    /// How complete an answer is, as a fact: `yes`, or `no: may be short in 1996, 1999–2001,
    /// where <reason>`.
    static func completeness(_ completeness: Completeness, where reason: String, label: String = "Complete") -> Report.Fact {
        guard !completeness.isComplete else { return .init(label: label, value: "yes") }
        return .init(label: label, value: .text("no: may be short in \(years(completeness.incompleteYears)), where \(reason)"))
    }

    /// `1986–2025`, or one year.
    static func span(_ first: Int, _ last: Int) -> String {
        first == last ? "\(first)" : "\(first)–\(last)"
    }
}

extension JSONValue {
    /// A race time as JSON, the same shape as the query results' ``BarkleyQueries/ElapsedTime``:
    /// `{"seconds": 215901, "approximate": false, "text": "59:58:21"}`, or null when unknown.
    /// `text` is written as edition files write it: `H:MM` when only the minute is known.
    static func time(_ time: RaceTime?) -> JSONValue {
        guard let time else { return .null }
        return ["seconds": .int(time.seconds), "approximate": .bool(time.precision == .approximate), "text": .string(time.description)]
    }
}
