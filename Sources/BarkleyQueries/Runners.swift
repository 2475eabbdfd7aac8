import BarkleyArchive
import SQLiteLayer

extension SQL {
    static let runnerByName = NamedQuery("a runner by name or another spelling", """
        SELECT runner.id AS id, runner.name AS name FROM runner
        WHERE runner.search_key = ?1
          AND EXISTS (SELECT 1 FROM entry CROSS JOIN edition ON edition.id = entry.edition_id
                      WHERE entry.runner_id = runner.id AND edition.race = ?2)
        UNION
        SELECT runner.id, runner.name
        FROM entry CROSS JOIN edition ON edition.id = entry.edition_id CROSS JOIN runner ON runner.id = entry.runner_id
        WHERE entry.listed_as_key = ?1 AND edition.race = ?2
        UNION
        SELECT runner.id, runner.name FROM runner
        WHERE runner.key = ?3
          AND EXISTS (SELECT 1 FROM entry CROSS JOIN edition ON edition.id = entry.edition_id
                      WHERE entry.runner_id = runner.id AND edition.race = ?2)
        ORDER BY name
        """, sample: [.text("jasmin paris"), .text(Edition.barkley), .text("jasmin-paris")])

    static let runnerAliases = NamedQuery("a runner's other spellings", """
        SELECT entry.name AS alias FROM entry CROSS JOIN edition ON edition.id = entry.edition_id
        WHERE entry.runner_id = ?1 AND edition.race = ?2 AND entry.name <> ?3
        UNION
        SELECT entry.listed_as FROM entry CROSS JOIN edition ON edition.id = entry.edition_id
        WHERE entry.runner_id = ?1 AND edition.race = ?2 AND entry.listed_as IS NOT NULL
        ORDER BY 1
        """, sample: [.integer(1), .text(Edition.barkley), .text("Jasmin Paris")])

    static let careerEntries = NamedQuery("a runner's entries", """
        SELECT edition.year AS year, entry.id AS entry_id, entry.listed_as AS listed_as, entry.country AS country,
               entry.sex AS sex, entry.first_attempt AS first_attempt, entry.loops_completed AS loops_completed,
               entry.outcome AS outcome, entry.note AS note, entry.reason AS reason, entry.reason_note AS reason_note
        FROM entry CROSS JOIN edition ON edition.id = entry.edition_id
        WHERE entry.runner_id = ?1 AND edition.race = ?2
        ORDER BY edition.year
        """, sample: [.integer(1), .text(Edition.barkley)])

    static let careerTimes = NamedQuery("a runner's loop times", """
        SELECT loop_time.entry_id AS entry_id, loop_time.loop AS loop, loop_time.elapsed_seconds AS seconds,
               loop_time.precision AS precision, loop_time.direction AS direction, loop_time.unofficial AS unofficial
        FROM entry CROSS JOIN edition ON edition.id = entry.edition_id CROSS JOIN loop_time ON loop_time.entry_id = entry.id
        WHERE entry.runner_id = ?1 AND edition.race = ?2
        ORDER BY loop_time.entry_id, loop_time.loop
        """, sample: [.integer(1), .text(Edition.barkley)])

    /// `loops` is the parameter of the distance counted: NULL counts every edition.
    private static func tallyColumns(loops: String) -> String {
        """
        SELECT runner.name AS runner, count(*) AS n, group_concat(edition.year) AS years
        FROM edition
        CROSS JOIN entry ON entry.edition_id = edition.id
        CROSS JOIN runner ON runner.id = entry.runner_id
        WHERE edition.race = ?1 AND (\(loops) IS NULL OR edition.finish_loops = \(loops))
        """
    }
    static let tallies = NamedQuery("starts per runner", tallyColumns(loops: "?2") + "\nGROUP BY entry.runner_id",
                                    sample: [.text(Edition.barkley), .integer(5)])
    static let talliesOfOutcome = NamedQuery("one outcome per runner",
                                             tallyColumns(loops: "?3") + " AND +entry.outcome = ?2\nGROUP BY entry.runner_id",
                                             sample: [.text(Edition.barkley), .text("fun_run"), .integer(5)])

    static let countries = NamedQuery("entries by country", """
        SELECT entry.country AS country, count(*) AS starts, count(DISTINCT entry.runner_id) AS runners,
               sum(entry.outcome = 'fun_run') AS fun_runs, sum(entry.outcome = 'finish') AS finishes,
               count(DISTINCT CASE WHEN entry.outcome = 'finish' THEN entry.runner_id END) AS finishers
        FROM edition CROSS JOIN entry ON entry.edition_id = edition.id
        WHERE edition.race = ?1 AND (?2 IS NULL OR edition.finish_loops = ?2)
        GROUP BY entry.country
        """, sample: [.text(Edition.barkley), .integer(5)])
}

extension History {
    /// A runner's every year in the race: loops completed, times and outcome.
    ///
    /// ```swift
    /// let career = try history.career(of: "jasmin paris")    // case and accents are ignored
    /// career.years.map(\.year)                                // [2022, 2023, 2024]
    /// try history.career(of: "jasmin-paris").runner            // "Jasmin Paris": by the runner's key
    /// ```
    /// - Parameter name: the runner's name or a spelling a source used, ignoring case and accents;
    ///   or the runner's key (``Career/key``, the slug the site's URLs use), exactly as stored.
    /// - Throws: ``QueryError/noRunner(name:suggestions:)`` with close names when nobody has that
    ///   name; ``QueryError/ambiguousRunner(name:candidates:)`` when it is a spelling of several
    ///   runners; `SQLiteError` when the archive cannot be read.
    public func career(of name: String) throws -> Career {
        try career(of: name, in: try CareerRaceFacts(history: self))
    }

    /// The careers of `names`, one at a time and in order, each handed to `body` with its name
    /// before the next is read: the race's editions and disputed facts, which every career's completeness
    /// rests on, are read once for all of them rather than once a runner.
    ///
    /// ```swift
    /// try history.careers(of: ["Jasmin Paris", "Jared Campbell"]) { name, career in print(name, career.finishes) }
    /// ```
    /// - Parameters:
    ///   - names: as ``career(of:)`` takes them.
    ///   - body: called with each name and its career, in the order of `names`.
    /// - Throws: what ``career(of:)`` throws, for the first name that fails; what `body` throws.
    public func careers(of names: some Sequence<String>, _ body: (String, Career) throws -> Void) throws {
        let race = try CareerRaceFacts(history: self)
        for name in names { try body(name, try career(of: name, in: race)) }
    }

    private func career(of name: String, in raceFacts: CareerRaceFacts) throws -> Career {
        let runner = try resolveRunner(name)
        var times: [Int64: [LoopSplit]] = [:]
        for row in try connection.rows(SQL.careerTimes.sql, [runner.id, race]) {
            let entryID: Int64 = try row.require("entry_id")
            let loop: Int = try row.require("loop")
            let time = ElapsedTime(seconds: try row.require("seconds"),
                                   isApproximate: try row.require("precision", as: String.self) == "approximate")
            let previous = times[entryID]?.last
            let split = previous.flatMap { $0.loop == loop - 1 ? $0.time : nil }.map {
                ElapsedTime(seconds: time.seconds - $0.seconds, isApproximate: time.isApproximate || $0.isApproximate)
            } ?? (loop == 1 ? time : nil)
            times[entryID, default: []].append(LoopSplit(
                loop: loop, time: time, split: split,
                direction: try row.optional("direction", as: String.self).flatMap(Direction.init(rawValue:)),
                unofficial: try row.optional("unofficial", as: String.self).flatMap(UnofficialReason.init(rawValue:))))
        }
        let years = try connection.rows(SQL.careerEntries.sql, [runner.id, race]).map { row in
            var year = CareerYear(year: try row.require("year"), listedAs: try row.optional("listed_as"), country: try row.optional("country"),
                       sex: try row.optional("sex", as: String.self).flatMap(Sex.init(rawValue:)),
                       firstAttempt: try row.optional("first_attempt"), loopsCompleted: try row.optional("loops_completed"),
                       outcome: Outcome(rawValue: try row.require("outcome")) ?? .unknown,
                       times: times[try row.require("entry_id")] ?? [], note: try row.optional("note"))
            year.reason = try row.optional("reason", as: String.self).flatMap(DropReason.init(rawValue:))
            year.reasonNote = try row.optional("reason_note")
            return year
        }
        let aliases = try connection.rows(SQL.runnerAliases.sql, [runner.id, race, runner.name]).map { try $0.require("alias", as: String.self) }
        let entered = Set(years.map(\.year))
        let identity = try self.identity(ofRunner: runner.id)
        var disputes = DisputesUsed(raceFacts.disputes)
        for year in years { disputes.wholeEntrant(year.year, runner.name) }
        return Career(runner: runner.name, key: identity.key, externalIDs: identity.ids, aliases: aliases, years: years, starts: years.count,
                      finishes: years.filter { $0.outcome == .finish }.count,
                      funRuns: years.filter { $0.outcome == .funRun }.count,
                      completeness: .of(raceFacts.editions, disputes: disputes) {
                          $0.hasPartialList && !entered.contains($0.year)
                      })
    }

    /// What a career reads of the whole race, the same for every runner.
    private struct CareerRaceFacts {
        var editions: [EditionFacts]
        var disputes: DisputeIndex

        init(history: History) throws {
            editions = try history.editionFacts()
            disputes = try history.disputeIndex()
        }
    }

    /// The runners with the most starts (entries) of one race, most first.
    ///
    /// - Parameters:
    ///   - limit: how many runners to list: the first `limit` and everyone tied with the `limit`-th
    ///     (``RunnerRanking/tiedPastLimit`` says how many more that is); nil lists every runner.
    ///   - loops: count only editions whose finish was this many loops (5: the 100-mile race); nil counts every
    ///     edition of the race counted.
    ///   - category: the race counted, never both; nil: the 100-mile race unless `loops` is given
    ///     (1986–1988 are the 3-loop race's), as ``mostFinishes(limit:loops:category:)``.
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func mostStarts(limit: Int? = 10, loops: Int? = nil, category: RaceCategory? = nil) throws -> RunnerRanking {
        let editions = try editions(loops: loops, category: category)
        return try ranking(SQL.tallies, [race, loops], limit: limit, years: editions.years, loops: loops,
                           completeness: .ofStarts(in: editions.facts, disputes: try disputes(countingStartsIn: editions.facts)))
    }

    /// The runners with the most fun runs (completed without a finish) of one race, most first.
    ///
    /// - Parameters:
    ///   - limit: how many runners to list: the first `limit` and everyone tied with the `limit`-th
    ///     (``RunnerRanking/tiedPastLimit`` says how many more that is); nil lists every runner.
    ///   - loops: count only editions whose finish was this many loops; nil counts every edition of the race counted.
    ///   - category: the race counted, never both; nil: the 100-mile race unless `loops` is given.
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func mostFunRuns(limit: Int? = 10, loops: Int? = nil, category: RaceCategory? = nil) throws -> RunnerRanking {
        let editions = try editions(loops: loops, category: category)
        return try ranking(SQL.talliesOfOutcome, [race, Outcome.funRun.rawValue, loops], limit: limit, years: editions.years, loops: loops,
                           completeness: .ofOutcome(.funRun, in: editions.facts, named: try namedCounts(of: .funRun),
                                                    disputes: try disputes(counting: .funRun, in: editions.facts)))
    }

    /// The runners with the most finishes of one race, most first (Jared Campbell, 4).
    ///
    /// - Parameters:
    ///   - limit: how many runners to list: the first `limit` and everyone tied with the `limit`-th
    ///     (``RunnerRanking/tiedPastLimit`` says how many more that is); nil lists every runner.
    ///   - loops: count only finishes of this many loops (5: the 100-mile race); nil counts every
    ///     distance of the race counted.
    ///   - category: the race counted, never both; nil: the 100-mile race unless `loops` is given
    ///     (Ed Furtaw's 1988 finish is the 3-loop race's).
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func mostFinishes(limit: Int? = 10, loops: Int? = nil, category: RaceCategory? = nil) throws -> RunnerRanking {
        let editions = try editions(loops: loops, category: category)
        return try ranking(SQL.talliesOfOutcome, [race, Outcome.finish.rawValue, loops], limit: limit, years: editions.years, loops: loops,
                           completeness: try finishCompleteness(in: editions.facts))
    }

    /// The editions a ranking counts: of `loops` loops, and of one race — `category`, or the
    /// 100-mile race when neither is given. `years` is nil when every edition of `loops` counts.
    private func editions(loops: Int?, category: RaceCategory?) throws -> (facts: [EditionFacts], years: Set<Int>?) {
        let counted = category ?? (loops == nil ? .hundredMile : nil)
        let facts = try editionFacts(loops: loops).filter { counted == nil || $0.category == counted }
        return (facts, counted.map { _ in Set(facts.map(\.year)) })
    }

    /// Starts, runners, fun runs and finishes by country.
    ///
    /// Through 2025 the USA has 21 finishes, 20 of them of the 100-mile race (`loops: 5`).
    ///
    /// - Parameter loops: count only editions whose finish was this many loops; nil counts every edition.
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func countries(loops: Int? = nil) throws -> CountryTable {
        let rows = try connection.rows(SQL.countries.sql, [race, loops]).map { row in
            CountryRow(country: try row.optional("country"), starts: try row.require("starts"), runners: try row.require("runners"),
                       funRuns: try row.require("fun_runs"), finishes: try row.require("finishes"), finishers: try row.require("finishers"))
        }
        let known = rows.filter { $0.country != nil }.sorted {
            ($1.finishes, $1.funRuns, $1.starts, $0.country ?? "") < ($0.finishes, $0.funRuns, $0.starts, $1.country ?? "")
        }
        let editions = try editionFacts(loops: loops)
        return CountryTable(countries: known + rows.filter { $0.country == nil },
                            startsCompleteness: .ofStarts(in: editions, disputes: try disputes(countingStartsIn: editions, also: [.country])),
                            funRunsCompleteness: .ofOutcome(.funRun, in: editions, named: try namedCounts(of: .funRun),
                                                            disputes: try disputes(counting: .funRun, in: editions, also: [.country])),
                            finishesCompleteness: .ofOutcome(.finish, in: editions, named: try namedCounts(of: .finish),
                                                             disputes: try disputes(counting: .finish, in: editions, also: [.country])),
                            loops: loops)
    }

    /// Runners ranked by the rows of `query`; with `years`, counting only those years. Ranks are
    /// given over every runner, then the ranking is cut at `limit` keeping ties whole
    /// (`Array.cut(keepingTiesAt:tied:)`, the one tie rule).
    private func ranking(_ query: NamedQuery, _ values: [DatabaseValueConvertible?], limit: Int?, years only: Set<Int>?,
                         loops: Int?, completeness: Completeness) throws -> RunnerRanking {
        let tallies = try connection.rows(query.sql, values).compactMap { row -> RankedRunner? in
            var years = try row.require("years", as: String.self).split(separator: ",").compactMap { Int($0) }.sorted()
            var count: Int = try row.require("n")
            if let only {
                years = years.filter(only.contains)
                count = years.count
                guard count > 0 else { return nil }
            }
            return RankedRunner(rank: 0, runner: try row.require("runner"), count: count, years: years)
        }.sorted { ($1.count, $0.years.first ?? 0, $0.runner) < ($0.count, $1.years.first ?? 0, $1.runner) }
        var ranked: [RankedRunner] = []
        for (index, var tally) in tallies.enumerated() {
            tally.rank = index > 0 && ranked[index - 1].count == tally.count ? ranked[index - 1].rank : index + 1
            ranked.append(tally)
        }
        let cut = ranked.cut(keepingTiesAt: limit) { $0.count == $1.count }
        return RunnerRanking(runners: cut.elements, completeness: completeness, loops: loops, limit: limit, tiedPastLimit: cut.pastLimit)
    }

    /// The one runner of this race whose name or another spelling folds to the same key as `name`,
    /// or whose stable key is `name` lower-cased (`jasmin-paris`: keys are made lower case from
    /// the folded name, spaces as hyphens). A key and a name can only meet for the same runner or
    /// a hyphenated spelling of another, which the ambiguity error then names.
    ///
    /// - Throws: ``QueryError/noRunner(name:suggestions:)`` or ``QueryError/ambiguousRunner(name:candidates:)``.
    func resolveRunner(_ name: String) throws -> (id: Int64, name: String) {
        let key = name.lowercased()
        let matches = try connection.rows(SQL.runnerByName.sql, [NameKey.fold(name), race, key]).map {
            (id: try $0.require("id", as: Int64.self), name: try $0.require("name", as: String.self))
        }
        guard let match = matches.first else {
            // Close spellings ("Jared Campbel"); or, for part of a name ("wood"), the runners it matches.
            let search = try searchRunners(name)
            throw QueryError.noRunner(name: name, suggestions: search.matches.map(\.runner) + search.suggestions.map(\.runner))
        }
        guard matches.count == 1 else { throw QueryError.ambiguousRunner(name: name, candidates: matches.map(\.name)) }
        return match
    }
}
