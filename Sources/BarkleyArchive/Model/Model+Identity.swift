// Identities and printed words of the domain values.

extension Edition: Identifiable {
    /// What names an edition: its race and year (the schema's `UNIQUE (race, year)`).
    public struct ID: Hashable, Sendable, Codable, CustomStringConvertible {
        public var race: String
        public var year: Int

        public init(race: String, year: Int) {
            self.race = race
            self.year = year
        }

        /// `Barkley Marathons 2024`.
        public var description: String { "\(race) \(year)" }
    }

    public var id: ID { ID(race: race, year: year) }
}

// Enums print the archive's own words, as edition files, the schema and JSON write them
// (`fun_run`, not `funRun`).

extension Outcome: CustomStringConvertible {
    public var description: String { rawValue }
}

extension Sex: CustomStringConvertible {
    /// `F` or `M`.
    public var description: String { rawValue }
}

extension Direction: CustomStringConvertible {
    public var description: String { rawValue }
}

extension EntrantList: CustomStringConvertible {
    public var description: String { rawValue }
}

extension RaceTime.Precision: CustomStringConvertible {
    public var description: String { rawValue }
}

/// What names one runner's entry in a race's history: the year and the runner's name
/// (the identity of a finish or a fun run).
public struct EntryID: Hashable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var runner: String

    public init(year: Int, runner: String) {
        self.year = year
        self.runner = runner
    }

    /// `2024 Jasmin Paris`.
    public var description: String { "\(year) \(runner)" }
}
