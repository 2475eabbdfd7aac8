import SQLiteLayer

extension Archive {
    /// The stored edition of `race` in `year`, with its entrants, times and sources; nil when absent.
    public func edition(year: Int, race: String = Edition.barkley) throws -> Edition? {
        guard let row = try connection.row("SELECT * FROM edition WHERE race = ? AND year = ?", [race, year]) else { return nil }
        let editionID: Int64 = try row.require("id")
        var edition = Edition(race: try row.require("race"), year: try row.require("year"))
        edition.held = try row.require("held")
        edition.startDate = try row.optional("start_date")
        edition.startTime = try row.optional("start_time")
        edition.format = RaceFormat(loops: try row.optional("finish_loops"),
                                    timeLimit: try row.optional("finish_limit_seconds", as: Int.self).map { RaceTime(seconds: $0) },
                                    funRunLoops: try row.optional("fun_run_loops"),
                                    funRunTimeLimit: try row.optional("fun_run_limit_seconds", as: Int.self).map { RaceTime(seconds: $0) })
        edition.starters = try row.optional("starters")
        edition.entrantList = EntrantList(rawValue: try row.require("entrant_list")) ?? .unknown
        edition.statedFinishers = try row.optional("stated_finishers")
        edition.statedFunRuns = try row.optional("stated_fun_runs")
        edition.notes = try row.optional("notes")
        edition.category = try row.optional("category", as: String.self).flatMap(RaceCategory.init(rawValue:))
        edition.course = try course(ofEdition: editionID)
        for cutoff in try connection.rows("SELECT loop, cutoff_seconds FROM loop_cutoff WHERE edition_id = ?", [editionID]) {
            edition.format.cutoffs[try cutoff.require("loop")] = RaceTime(seconds: try cutoff.require("cutoff_seconds"))
        }
        edition.loopCounts = try connection.rows("SELECT * FROM loop_count WHERE edition_id = ? ORDER BY loop", [editionID]).map {
            LoopCount(loop: try $0.require("loop"), started: try $0.optional("started"), completed: try $0.optional("completed"))
        }
        let sources = try connection.rows("""
            SELECT key, citation, cite_position FROM edition_source JOIN source ON source.id = source_id
            WHERE edition_id = ? ORDER BY position
            """, [editionID])
        edition.sources = try sources.map { SourceReference(key: try $0.require("key"), citation: try $0.require("citation")) }
        edition.cited = try sources.compactMap { row -> (Int, String)? in
            guard let position = try row.optional("cite_position", as: Int.self) else { return nil }
            return (position, try row.require("key"))
        }.sorted { $0.0 < $1.0 }.map(\.1)
        edition.entrants = try entrants(ofEdition: editionID)
        try readDisputes(into: &edition, editionID: editionID)
        return edition
    }

    private func entrants(ofEdition editionID: Int64) throws -> [Entrant] {
        var citations: [Int64: [String]] = [:]
        for row in try connection.rows("SELECT entry_id, key FROM entry_source WHERE edition_id = ? ORDER BY entry_id, position", [editionID]) {
            citations[try row.require("entry_id"), default: []].append(try row.require("key"))
        }
        var distinct: [Int64: [String]] = [:]
        for row in try connection.rows("SELECT entry_id, name FROM entry_distinct_from WHERE edition_id = ? ORDER BY entry_id, position", [editionID]) {
            distinct[try row.require("entry_id"), default: []].append(try row.require("name"))
        }
        var timeCitations: [Int64: [Int: [String]]] = [:]
        for row in try connection.rows("SELECT entry_id, loop, key FROM loop_time_source WHERE edition_id = ? ORDER BY entry_id, loop, position", [editionID]) {
            timeCitations[try row.require("entry_id"), default: [:]][try row.require("loop"), default: []].append(try row.require("key"))
        }
        var times: [Int64: [LoopTime]] = [:]
        for row in try connection.rows("""
            SELECT loop_time.* FROM loop_time JOIN entry ON entry.id = loop_time.entry_id
            WHERE entry.edition_id = ? ORDER BY loop_time.entry_id, loop_time.loop
            """, [editionID]) {
            let entryID: Int64 = try row.require("entry_id")
            let loop: Int = try row.require("loop")
            let precision = RaceTime.Precision(rawValue: try row.require("precision")) ?? .exact
            times[entryID, default: []].append(LoopTime(
                loop: loop, elapsed: RaceTime(seconds: try row.require("elapsed_seconds"), precision: precision),
                direction: try row.optional("direction", as: String.self).flatMap(Direction.init(rawValue:)),
                cited: timeCitations[entryID]?[loop] ?? [], note: try row.optional("note"),
                unofficial: try row.optional("unofficial", as: String.self).flatMap(UnofficialReason.init(rawValue:))))
        }
        return try connection.rows("SELECT * FROM entry WHERE edition_id = ? ORDER BY position", [editionID]).map { row in
            let entryID: Int64 = try row.require("id")
            var entrant = Entrant(name: try row.require("name"), listedAs: try row.optional("listed_as"), country: try row.optional("country"),
                           sex: try row.optional("sex", as: String.self).flatMap(Sex.init(rawValue:)),
                           firstAttempt: try row.optional("first_attempt"), loopsCompleted: try row.optional("loops_completed"),
                           statedOutcome: try row.optional("stated_outcome", as: String.self).flatMap(Outcome.init(rawValue:)),
                           times: times[entryID] ?? [], cited: citations[entryID] ?? [], note: try row.optional("note"),
                           distinctFrom: distinct[entryID] ?? [])
            try readReasonAndIDs(row, into: &entrant)
            return entrant
        }
    }

    /// The (race, year) of every stored edition, oldest first.
    public func editionKeys() throws -> [(race: String, year: Int)] {
        try connection.rows("SELECT race, year FROM edition ORDER BY year, race").map { (try $0.require("race"), try $0.require("year")) }
    }

    /// Runners whose name or another spelling of it matches `name`, ignoring case and accents.
    public func runners(named name: String) throws -> [Runner] {
        let key = NameKey.fold(name)
        return try connection.rows("""
            SELECT id, name FROM runner WHERE search_key = ?1
            UNION SELECT runner.id, runner.name FROM entry JOIN runner ON runner.id = entry.runner_id WHERE entry.listed_as_key = ?1
            ORDER BY name
            """, [key]).map { try Runner(row: $0, archive: self) }
    }
}

/// One person across the editions they ran.
public struct Runner: Hashable, Sendable, Codable, Identifiable {
    public let id: Int64
    /// The name as usually written.
    public let name: String
    /// Other spellings sources have used.
    public let aliases: [String]

    init(row: Row, archive: Archive) throws {
        id = try row.require("id")
        name = try row.require("name")
        aliases = try archive.connection.rows("""
            SELECT DISTINCT name AS alias FROM entry WHERE runner_id = ?1 AND name <> ?2
            UNION SELECT DISTINCT listed_as FROM entry WHERE runner_id = ?1 AND listed_as IS NOT NULL
            ORDER BY 1
            """, [id, name]).map { try $0.require("alias") }
    }
}
