import BarkleyArchive
import SQLiteLayer

extension SQL {
    static let editionRow = NamedQuery("one edition", """
        SELECT id, year, held, start_date, start_time, finish_loops, finish_limit_seconds, fun_run_loops,
               fun_run_limit_seconds, starters, entrant_list, stated_finishers, stated_fun_runs, notes, category
        FROM edition WHERE race = ?1 AND year = ?2
        """, sample: [.text(Edition.barkley), .integer(2024)])

    static let loopCutoffs = NamedQuery("an edition's cutoffs", """
        SELECT loop_cutoff.loop AS loop, loop_cutoff.cutoff_seconds AS seconds
        FROM edition CROSS JOIN loop_cutoff ON loop_cutoff.edition_id = edition.id
        WHERE edition.race = ?1 AND edition.year = ?2 ORDER BY loop_cutoff.loop
        """, sample: [.text(Edition.barkley), .integer(2012)])

    static let editionSources = NamedQuery("an edition's sources", """
        SELECT edition_source.key AS key, source.citation AS citation, edition_source.cite_position AS cite_position
        FROM edition
        CROSS JOIN edition_source ON edition_source.edition_id = edition.id
        CROSS JOIN source ON source.id = edition_source.source_id
        WHERE edition.race = ?1 AND edition.year = ?2 ORDER BY edition_source.position
        """, sample: [.text(Edition.barkley), .integer(2024)])
}

extension History {
    /// One edition: format, starters, how many started and completed each loop, fun runs,
    /// finishes, notes and sources.
    ///
    /// - Throws: ``QueryError/noEdition(race:year:)`` when the archive has no such year;
    ///   `SQLiteError` when the archive cannot be read.
    public func editionSummary(year: Int) throws -> EditionSummary {
        guard let row = try connection.row(SQL.editionRow.sql, [race, year]) else {
            throw QueryError.noEdition(race: race, year: year)
        }
        let edition = try EditionFacts(row: row)
        let cutoffs = try connection.rows(SQL.loopCutoffs.sql, [race, year]).map {
            FormatSummary.Cutoff(loop: try $0.require("loop"), time: ElapsedTime(seconds: try $0.require("seconds")))
        }
        let format = FormatSummary(
            loops: edition.finishLoops, timeLimit: edition.finishLimitSeconds.map { ElapsedTime(seconds: $0) },
            funRunLoops: edition.funRunLoops,
            funRunTimeLimit: try row.optional("fun_run_limit_seconds", as: Int.self).map { ElapsedTime(seconds: $0) },
            cutoffs: cutoffs)
        let sources = try sources(forEdition: year)

        let finishes = try finishers(in: year).finishes
        let funRuns = try funRuns(in: year)
        // The summary shows the edition's own values, cutoffs and loop counts, and its finishes
        // and fun runs with their times: not the other entrants' values.
        var disputes = try self.disputes(counting: .finish, in: [edition], also: DisputesUsed.shownFields, times: true)
        disputes.formUnion(try self.disputes(counting: .funRun, in: [edition], also: DisputesUsed.shownFields, times: true))
        disputes.editionLevel(year)
        let completeness = Completeness.of([edition], disputes: disputes) {
            !$0.namesEvery(.finish, named: finishes.count) || !$0.namesEvery(.funRun, named: funRuns.count)
        }
        return EditionSummary(
            year: year, held: edition.held, startDate: try row.optional("start_date"), startTime: try row.optional("start_time"),
            format: format, starters: edition.starters, entrantList: edition.entrantList,
            loops: try attrition(of: edition).loops,
            funRunCompleters: edition.knownCount(of: .funRun, named: funRuns.count), funRuns: funRuns,
            finishers: edition.knownCount(of: .finish, named: finishes.count), finishes: finishes,
            notes: try row.optional("notes"), sources: sources.all, cited: sources.cited.map(\.key),
            completeness: completeness, category: edition.category, course: try archive.course(ofEdition: edition.id))
    }

    /// The held editions where nobody finished; years not held are listed apart.
    ///
    /// Through 2025, 22 of the 38 held editions had no finisher (1986, 1987, 1989–1994,
    /// 1996–2000, 2005–2007, 2015, 2018, 2019, 2021, 2022, 2025), or 23 counting only 5-loop
    /// finishes (1988 joins them).
    ///
    /// - Parameter loops: count only finishes of this many loops; nil counts every finish. An
    ///   edition run over another distance has no finish of this one.
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func editionsWithoutFinisher(loops: Int? = nil) throws -> EditionsWithoutFinisher {
        var result = EditionsWithoutFinisher(loops: loops, years: [], notHeld: [], unknown: [])
        for (edition, finishers) in try finisherCounts(loops: loops) {
            if !edition.held {
                result.notHeld.append(edition.year)
            } else if let finishers {
                if finishers == 0 { result.years.append(edition.year) }
            } else {
                result.unknown.append(edition.year)
            }
        }
        return result
    }

    /// Finishers and fun runs in every year, held or not, oldest first.
    ///
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func resultsPerYear() throws -> [YearResults] {
        let namedFinishes = try namedCounts(of: .finish)
        let namedFunRuns = try namedCounts(of: .funRun)
        return try editionFacts().map { edition in
            let finishes = namedFinishes[edition.id, default: 0], funRuns = namedFunRuns[edition.id, default: 0]
            return YearResults(year: edition.year, held: edition.held, starters: edition.starters,
                               finishers: edition.knownCount(of: .finish, named: finishes), namedFinishers: finishes,
                               funRuns: edition.knownCount(of: .funRun, named: funRuns), namedFunRuns: funRuns)
        }
    }

    /// Every run of consecutive held editions without a finisher, longest first (the earlier
    /// of two equal runs first).
    ///
    /// - Parameter loops: count only finishes of this many loops; nil counts every finish.
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func droughts(loops: Int? = nil) throws -> [Drought] {
        let counts = try finisherCounts(loops: loops)
        let latestHeld = counts.last(where: { $0.edition.held })?.edition.year
        var droughts: [Drought] = []
        var current: Drought?
        var previousYear: Int?
        for (edition, finishers) in counts {
            // A year missing from the archive is unknown, so it ends a run like an unknown count.
            if let previousYear, edition.year != previousYear + 1, let run = current {
                droughts.append(run)
                current = nil
            }
            previousYear = edition.year
            if !edition.held {
                continue
            }
            if finishers == 0 {
                var run = current ?? Drought(firstYear: edition.year, lastYear: edition.year - 1, editions: 0, years: [],
                                             notHeld: [], isOngoing: false)
                run.notHeld += Array((run.lastYear + 1)..<edition.year)
                run.lastYear = edition.year
                run.editions += 1
                run.years.append(edition.year)
                run.isOngoing = edition.year == latestHeld
                current = run
            } else if let run = current {
                droughts.append(run)
                current = nil
            }
        }
        if let run = current { droughts.append(run) }
        return droughts.sorted { ($1.editions, $0.firstYear) < ($0.editions, $1.firstYear) }
    }

    /// The longest run of consecutive held editions without a finisher (1989–1994: six
    /// editions); the earlier one when two are equal. Years not held are skipped, not counted.
    ///
    /// - Parameter loops: count only finishes of this many loops; nil counts every finish.
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func longestDrought(loops: Int? = nil) throws -> Drought? {
        try droughts(loops: loops).first
    }

    /// Every edition with its number of finishers of `loops` loops (any when nil); nil when unknown.
    private func finisherCounts(loops: Int?) throws -> [(edition: EditionFacts, finishers: Int?)] {
        let named = try namedCounts(of: .finish)
        return try editionFacts().map { edition in
            let count = edition.knownCount(of: .finish, named: named[edition.id, default: 0])
            guard let loops, count != 0 else { return (edition, count) }
            // Finishes of another distance are not finishes of this one; an unknown distance is unknown.
            guard let editionLoops = edition.finishLoops else { return (edition, nil) }
            return (edition, editionLoops == loops ? count : 0)
        }
    }
}
