import BarkleyArchive
import SQLiteLayer

/// The sources behind one entry: its facts (country, loops, outcome…) and each loop time.
///
/// A fact without citations of its own rests on the level above it: a time on its entry's
/// sources, an entry on its edition's. ``entry`` and each time's sources are resolved that way,
/// and say whether they were cited directly.
public struct EntrySources: Sendable, Hashable, Codable {
    public var year: Int
    public var runner: String
    /// The sources behind the entry's facts.
    public var entry: [Source]
    /// False when the entry cites nothing itself and ``entry`` is the edition's sources.
    public var entryCitedDirectly: Bool
    /// Each loop time with the sources behind it.
    public var times: [TimeSources]
    /// The sources behind the edition-level facts (format, starters, counts).
    public var edition: [Source]

    enum CodingKeys: String, CodingKey {
        case year, runner, entry, times, edition
        case entryCitedDirectly = "entry_cited_directly"
    }
}

/// One loop time and the sources behind it.
public struct TimeSources: Sendable, Hashable, Codable {
    public var loop: Int
    public var time: ElapsedTime
    public var sources: [Source]
    /// False when the time cites nothing itself and ``sources`` are its entry's.
    public var citedDirectly: Bool

    enum CodingKeys: String, CodingKey {
        case loop, time, sources
        case citedDirectly = "cited_directly"
    }
}

/// The sources of one edition.
public struct EditionSources: Sendable, Hashable, Codable {
    public var year: Int
    /// Behind the edition-level facts (format, starters, counts), in the order cited.
    public var cited: [Source]
    /// Every source the edition file lists, in its order.
    public var all: [Source]

    enum CodingKeys: String, CodingKey {
        case year, cited, all
    }
}

extension SQL {
    static let entryOfRunner = NamedQuery("one runner's entry in one year", """
        SELECT entry.id AS id FROM edition CROSS JOIN entry ON entry.edition_id = edition.id
        WHERE edition.race = ?1 AND edition.year = ?2 AND entry.runner_id = ?3
        """, sample: [.text(Edition.barkley), .integer(2024), .integer(1)])

    static let entrySources = NamedQuery("an entry's sources", """
        SELECT edition_source.key AS key, source.citation AS citation
        FROM entry_source
        CROSS JOIN edition_source ON edition_source.edition_id = entry_source.edition_id AND edition_source.key = entry_source.key
        CROSS JOIN source ON source.id = edition_source.source_id
        WHERE entry_source.entry_id = ?1
        ORDER BY entry_source.position
        """, sample: [.integer(1)])

    static let timeSources = NamedQuery("an entry's loop times and their sources", """
        SELECT loop_time.loop AS loop, loop_time.elapsed_seconds AS seconds, loop_time.precision AS precision,
               edition_source.key AS key, source.citation AS citation
        FROM loop_time
        LEFT JOIN loop_time_source ON loop_time_source.entry_id = loop_time.entry_id AND loop_time_source.loop = loop_time.loop
        LEFT JOIN edition_source ON edition_source.edition_id = loop_time_source.edition_id AND edition_source.key = loop_time_source.key
        LEFT JOIN source ON source.id = edition_source.source_id
        WHERE loop_time.entry_id = ?1
        ORDER BY loop_time.loop, loop_time_source.position
        """, sample: [.integer(1)])
}

extension History {
    /// The sources behind a runner's entry in one year and behind each of its loop times.
    ///
    /// ```swift
    /// let sources = try history.sources(forEntryOf: "Jasmin Paris", year: 2024)
    /// sources.times.first?.sources.map(\.key)     // the entry's: ["irunfar", "sportskeeda", …]
    /// ```
    /// - Throws: ``QueryError/noRunner(name:suggestions:)``, ``QueryError/ambiguousRunner(name:candidates:)``,
    ///   ``QueryError/noEdition(race:year:)``, or ``QueryError/noEntry(runner:year:)`` when the runner
    ///   did not start that year; `SQLiteError` when the archive cannot be read.
    public func sources(forEntryOf runnerName: String, year: Int) throws -> EntrySources {
        let runner = try resolveRunner(runnerName)
        let edition = try sources(forEdition: year)
        guard let entryID = try connection.scalar(SQL.entryOfRunner.sql, [race, year, runner.id], as: Int64.self) else {
            throw QueryError.noEntry(runner: runner.name, year: year)
        }
        let own = try connection.rows(SQL.entrySources.sql, [entryID]).map(Source.init(row:))
        let entry = own.isEmpty ? edition.cited : own

        var times: [TimeSources] = []
        for row in try connection.rows(SQL.timeSources.sql, [entryID]) {
            let loop: Int = try row.require("loop")
            if times.last?.loop != loop {
                let time = ElapsedTime(seconds: try row.require("seconds"),
                                       isApproximate: try row.require("precision", as: String.self) == "approximate")
                times.append(TimeSources(loop: loop, time: time, sources: [], citedDirectly: false))
            }
            if let key: String = try row.optional("key") {
                times[times.count - 1].sources.append(Source(key: key, citation: try row.require("citation")))
                times[times.count - 1].citedDirectly = true
            }
        }
        for index in times.indices where times[index].sources.isEmpty {
            times[index].sources = entry
        }
        return EntrySources(year: year, runner: runner.name, entry: entry, entryCitedDirectly: !own.isEmpty,
                            times: times, edition: edition.cited)
    }

    /// The sources of one edition: those behind its edition-level facts, and every one it lists.
    ///
    /// - Throws: ``QueryError/noEdition(race:year:)`` when the archive has no such year;
    ///   `SQLiteError` when the archive cannot be read.
    public func sources(forEdition year: Int) throws -> EditionSources {
        _ = try editionFacts(year: year)
        let rows = try connection.rows(SQL.editionSources.sql, [race, year])
        let all = try rows.map(Source.init(row:))
        let cited = try rows.compactMap { row -> (Int, Source)? in
            guard let position = try row.optional("cite_position", as: Int.self) else { return nil }
            return (position, try Source(row: row))
        }.sorted { $0.0 < $1.0 }.map(\.1)
        return EditionSources(year: year, cited: cited, all: all)
    }
}

extension Source {
    init(row: Row) throws {
        self.init(key: try row.require("key"), citation: try row.require("citation"))
    }
}
