import BarkleyArchive
import SQLiteLayer

/// Every disputed fact of a race (or of one edition): where the sources disagree, the value the
/// archive prefers (and every query uses) and the others, each with its sources.
public struct DisputeList: Sendable, Hashable, Codable {
    /// The edition asked about; nil for the whole race.
    public var year: Int?
    public var disputes: [DisputedFactAnswer]

    enum CodingKeys: String, CodingKey {
        case year, disputes
    }

    /// `year` is written null for the whole race, never left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(disputes, forKey: .disputes)
    }
}

/// One disputed fact: what it is and its values, the preferred first.
public struct DisputedFactAnswer: Sendable, Hashable, Codable {
    public var year: Int
    /// What is disputed, as answers name it: `2022 start_time`, `2014 Jared Campbell loop 5 elapsed`.
    public var fact: String
    /// The field, as edition files name it (`start_time`, `elapsed`, `entered`…).
    public var field: String
    /// The entrant the fact is about; nil for the edition's own facts, cutoffs and loop counts.
    public var runner: String?
    /// The loop of a cutoff, loop count or loop time.
    public var loop: Int?
    /// The preferred value first, then the alternatives in the file's order.
    public var values: [DisputedValueAnswer]

    enum CodingKeys: String, CodingKey {
        case year, fact, field, runner, loop, values
    }

    /// Unknown values are written null, never left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(fact, forKey: .fact)
        try container.encode(field, forKey: .field)
        try container.encode(runner, forKey: .runner)
        try container.encode(loop, forKey: .loop)
        try container.encode(values, forKey: .values)
    }
}

/// One value of a disputed fact, as its field is written (`07:54`, `38`, `57:53:20`, `false`).
public struct DisputedValueAnswer: Sendable, Hashable, Codable {
    public var value: String
    /// True for the value the archive uses.
    public var preferred: Bool
    /// The sources that give it (for the preferred value, those cited where the field is written).
    public var sources: [Source]
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case value, preferred, sources, note
    }

    /// A missing note is written null, never left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(preferred, forKey: .preferred)
        try container.encode(sources, forKey: .sources)
        try container.encode(note, forKey: .note)
    }
}

extension History {
    /// Every disputed fact of the race, oldest edition first, or of the edition of `year`.
    ///
    /// - Throws: ``QueryError/noEdition(race:year:)`` when `year` is given and the archive has no
    ///   such edition; `SQLiteError` when the archive cannot be read.
    public func disputes(year: Int? = nil) throws -> DisputeList {
        let years: [Int]
        if let year {
            years = [year]
        } else {
            years = try connection.rows(SQL.disputedYears.sql, [race]).map { try $0.require("year") }
        }
        var answers: [DisputedFactAnswer] = []
        for year in years {
            guard let edition = try archive.edition(year: year, race: race) else { throw QueryError.noEdition(race: race, year: year) }
            let citations = Dictionary(edition.sources.map { ($0.key, $0.citation) }, uniquingKeysWith: { first, _ in first })
            func sources(_ keys: [String]) -> [Source] {
                keys.map { Source(key: $0, citation: citations[$0] ?? "") }
            }
            for fact in edition.disputedFacts {
                let values = [DisputedValueAnswer(value: fact.preferred, preferred: true, sources: sources(fact.preferredCited), note: nil)]
                    + fact.alternatives.map { DisputedValueAnswer(value: $0.value, preferred: false, sources: sources($0.cited), note: $0.note) }
                answers.append(DisputedFactAnswer(year: year, fact: fact.label, field: fact.field.rawValue, runner: fact.runner,
                                                  loop: fact.loop, values: values))
            }
        }
        return DisputeList(year: year, disputes: answers)
    }
}

extension SQL {
    static let disputedYears = NamedQuery("editions with a disputed value", """
        SELECT DISTINCT edition.year AS year
        FROM edition CROSS JOIN disputed_value ON disputed_value.edition_id = edition.id
        WHERE edition.race = ?1 ORDER BY edition.year
        """, sample: [.text(Edition.barkley)])
}
