import BarkleyArchive

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

    /// `2002`, `2002 and 2020`, `1986, 1987 and 1989`.
    static func list(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// `1986–2025`, or one year.
    static func span(_ first: Int, _ last: Int) -> String {
        first == last ? "\(first)" : "\(first)–\(last)"
    }
}

extension JSONValue {
    /// A race time as JSON: `{"text": "59:58:21", "seconds": 215901, "precision": "exact"}`, or
    /// null when unknown. `text` is written as edition files write it: `H:MM` when only the
    /// minute is known (`"precision": "approximate"`).
    static func time(_ time: RaceTime?) -> JSONValue {
        guard let time else { return .null }
        return ["text": .string(time.description), "seconds": .int(time.seconds), "precision": .string(time.precision.rawValue)]
    }
}
