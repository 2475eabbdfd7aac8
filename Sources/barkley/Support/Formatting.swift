import BarkleyArchive
import BarkleyPresentation
import BarkleyQueries

/// How archive values read in reports, the same in every command: the decisions are
/// `Presentation`'s (shared with `barkley site`); this adapts them to report cells.
enum Formatting {
    /// `H:MM:SS` with hours past 24 (`59:58:21`); a time published only to the minute keeps its
    /// seconds unknown, `58:21:--`, so the column still lines up and claims nothing.
    static func time(_ time: RaceTime) -> String { Presentation.time(time) }

    /// A time cell: its text and its seconds (a time known to the minute counts that minute's start).
    static func time(_ time: RaceTime?) -> Cell {
        time.map { .time(Self.time($0), seconds: $0.seconds) } ?? .unknown
    }

    static func time(_ time: ElapsedTime?) -> Cell {
        Self.time(time?.raceTime)
    }

    /// The time to spare before the limit, as a time (`0:01:39`); `H:MM:--` when the finish
    /// time is known only to the minute.
    static func margin(_ finish: Finish) -> Cell {
        guard let text = Presentation.margin(finish), let seconds = finish.marginSeconds else { return .unknown }
        return .time(text, seconds: seconds)
    }

    static func outcome(_ outcome: Outcome) -> String { Presentation.outcome(outcome) }

    static func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        Presentation.plural(count, singular, plural)
    }

    /// `2002`, `2002 and 2020`, `1986, 1987 and 1989`; `conjunction` "or" for alternatives.
    static func list(_ items: [String], conjunction: String = "and") -> String {
        Presentation.list(items, conjunction: conjunction)
    }

    /// Years with runs of consecutive years shortened: `1986–1989, 1991, 2021–2025`.
    static func years(_ years: [Int]) -> String { Presentation.years(years) }

    /// `Barkley Marathons`, or the race's own name.
    static func raceTitle(_ race: String) -> String { Presentation.raceTitle(race) }

    /// How complete an answer is, as a fact: `yes`, or `no: may be short in 1996, 1999–2001,
    /// where <reason>`.
    static func completeness(_ completeness: Completeness, where reason: String, label: String = "Complete") -> Report.Fact {
        .init(label: label, value: .text(Presentation.completeness(completeness, where: reason)))
    }

    /// `1986–2025`, or one year.
    static func span(_ first: Int, _ last: Int) -> String { Presentation.span(first, last) }
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
