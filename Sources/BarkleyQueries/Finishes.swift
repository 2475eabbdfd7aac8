import BarkleyArchive
import SQLiteLayer

extension SQL {
    private static let finishColumns = """
        SELECT edition.year AS year, edition.finish_loops AS loops, edition.finish_limit_seconds AS limit_seconds,
               runner.name AS runner, entry.country AS country, entry.sex AS sex, entry.first_attempt AS first_attempt,
               entry.finish_seconds AS seconds, loop_time.precision AS precision,
               row_number() OVER (PARTITION BY edition.id
                                  ORDER BY entry.finish_seconds IS NULL, entry.finish_seconds, entry.position) AS place
        FROM edition
        CROSS JOIN entry ON entry.edition_id = edition.id
        CROSS JOIN runner ON runner.id = entry.runner_id
        LEFT JOIN loop_time ON loop_time.entry_id = entry.id AND loop_time.loop = edition.finish_loops
        WHERE edition.race = ?1 AND +entry.outcome = 'finish'
        """

    static let finishes = NamedQuery("every finish", finishColumns + "\nORDER BY edition.year, place",
                                     sample: [.text(Edition.barkley)])
    static let finishesOfYear = NamedQuery("finishes of one year", finishColumns + " AND edition.year = ?2\nORDER BY place",
                                           sample: [.text(Edition.barkley), .integer(2024)])

    private static let funRunColumns = """
        SELECT edition.year AS year, runner.name AS runner, entry.country AS country, entry.sex AS sex,
               entry.first_attempt AS first_attempt, entry.loops_completed AS loops_completed,
               loop_time.elapsed_seconds AS seconds, loop_time.precision AS precision
        FROM edition
        CROSS JOIN entry ON entry.edition_id = edition.id
        CROSS JOIN runner ON runner.id = entry.runner_id
        LEFT JOIN loop_time ON loop_time.entry_id = entry.id AND loop_time.loop = edition.fun_run_loops
        WHERE edition.race = ?1 AND +entry.outcome = 'fun_run'
        """
    private static let funRunOrder = "\nORDER BY edition.year, loop_time.elapsed_seconds IS NULL, loop_time.elapsed_seconds, entry.position"

    static let funRuns = NamedQuery("every fun run", funRunColumns + funRunOrder, sample: [.text(Edition.barkley)])
    static let funRunsOfYear = NamedQuery("fun runs of one year", funRunColumns + " AND edition.year = ?2" + funRunOrder,
                                          sample: [.text(Edition.barkley), .integer(2024)])
}

extension Finish {
    init(row: Row) throws {
        self.init(year: try row.require("year"), place: try row.require("place"), runner: try row.require("runner"),
                  country: try row.optional("country"),
                  sex: try row.optional("sex", as: String.self).flatMap(Sex.init(rawValue:)),
                  firstAttempt: try row.optional("first_attempt"), loops: try row.optional("loops"),
                  time: ElapsedTime(seconds: try row.optional("seconds"), precision: try row.optional("precision")),
                  timeLimit: try row.optional("limit_seconds", as: Int.self).map { ElapsedTime(seconds: $0) })
    }
}

extension FunRun {
    init(row: Row) throws {
        year = try row.require("year")
        runner = try row.require("runner")
        country = try row.optional("country")
        sex = try row.optional("sex", as: String.self).flatMap(Sex.init(rawValue:))
        firstAttempt = try row.optional("first_attempt")
        loopsCompleted = try row.optional("loops_completed")
        time = ElapsedTime(seconds: try row.optional("seconds"), precision: try row.optional("precision"))
    }
}

extension History {
    /// The finishers of one year, fastest first.
    ///
    /// ```swift
    /// try history.finishers(in: 2024).finishes.map(\.runner)
    /// // ["Ihor Verys", "John Kelly", "Jared Campbell", "Greig Hamilton", "Jasmin Paris"]
    /// ```
    /// A year that was not held (2002, 2020) has no finishes and `held == false`.
    ///
    /// - Throws: ``QueryError/noEdition(race:year:)`` when the archive has no such year;
    ///   `SQLiteError` when the archive cannot be read.
    public func finishers(in year: Int) throws -> EditionFinishes {
        let edition = try editionFacts(year: year)
        let finishes = try connection.rows(SQL.finishesOfYear.sql, [race, year]).map(Finish.init(row:))
        let disputes = try self.disputes(counting: .finish, in: [edition], also: DisputesUsed.shownFields, times: true)
        let completeness = Completeness.of([edition], disputes: disputes) { !$0.namesEvery(.finish, named: finishes.count) }
        return EditionFinishes(year: year, held: edition.held, statedFinishers: edition.statedFinishers,
                               finishes: finishes, completeness: completeness)
    }

    /// Every finish in the race's history, by year and place.
    ///
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func allFinishes() throws -> FinishList {
        let finishes = try connection.rows(SQL.finishes.sql, [race]).map(Finish.init(row:))
        return FinishList(finishes: finishes, completeness: try finishCompleteness(showing: true))
    }

    /// How many finishes there have been and by how many runners, in all and for each distance.
    ///
    /// Through 2025: 27 finishes by 21 runners, counting Ed Furtaw's 1988 finish of the then
    /// 3-loop race; 26 five-loop (100-mile) finishes by 20 runners.
    ///
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func finishTotals() throws -> FinishTotals {
        let list = try allFinishes()
        let byLoops = Dictionary(grouping: list.finishes, by: \.loops)
            .map { loops, finishes in
                FinishTotals.LoopsTotal(loops: loops, finishes: finishes.count, finishers: Set(finishes.map(\.runner)).count,
                                        firstYear: finishes.map(\.year).min() ?? 0, lastYear: finishes.map(\.year).max() ?? 0)
            }
            .sorted { ($0.loops ?? .max) < ($1.loops ?? .max) }
        return FinishTotals(finishes: list.finishes.count, finishers: Set(list.finishes.map(\.runner)).count,
                            byLoops: byLoops, completeness: try finishCompleteness())
    }

    /// Runners who finished more than once, with their years: most finishes first, then the
    /// earliest first finish.
    ///
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func repeatFinishers() throws -> RepeatFinishers {
        let list = try allFinishes()
        let runners = Dictionary(grouping: list.finishes, by: \.runner)
            .filter { $0.value.count > 1 }
            .map { RepeatFinisher(runner: $0.key, finishes: $0.value.count, years: $0.value.map(\.year).sorted()) }
            .sorted { ($1.finishes, $0.years[0], $0.runner) < ($0.finishes, $1.years[0], $1.runner) }
        return RepeatFinishers(runners: runners, completeness: try finishCompleteness())
    }

    /// Where the list of finishes may be short: a held edition with a partial list and no stated
    /// number of finishers that the named ones reach.
    ///
    /// - Parameter showing: true when the answer lists the finishes with their times, countries
    ///   and the rest (their disputed values are then used); false when it only counts them.
    func finishCompleteness(in editions: [EditionFacts]? = nil, showing: Bool = false) throws -> Completeness {
        let editions = try editions ?? editionFacts()
        let disputes = try self.disputes(counting: .finish, in: editions, also: showing ? DisputesUsed.shownFields : [], times: showing)
        return Completeness.ofOutcome(.finish, in: editions, named: try namedCounts(of: .finish), disputes: disputes)
    }

    /// Every fun run in the race's history, by year and time (fun runs without a time last).
    func allFunRuns() throws -> [FunRun] {
        try connection.rows(SQL.funRuns.sql, [race]).map(FunRun.init(row:))
    }

    /// The fun runs of one year.
    func funRuns(in year: Int) throws -> [FunRun] {
        try connection.rows(SQL.funRunsOfYear.sql, [race, year]).map(FunRun.init(row:))
    }
}
