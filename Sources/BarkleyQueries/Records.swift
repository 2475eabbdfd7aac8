import BarkleyArchive
import SQLiteLayer

/// The records of one format: fastest and slowest finish, the smallest margin, the fastest
/// time to the end of each loop, and the fastest fun run.
///
/// Each record lists every entry tied for it, usually one. Times published only to the minute
/// compare as if their seconds were zero.
public struct Records: Sendable, Hashable, Codable {
    /// The loops of a finish in the editions compared (5: the 100-mile race since 1995).
    public var loops: Int
    /// The race the compared editions belong to (the 3-loop race for 3 loops).
    public var category: RaceCategory
    public var fastestFinish: [Finish]
    public var slowestFinish: [Finish]
    /// The finish closest to the limit (Jasmin Paris 2024, 99 seconds).
    public var smallestMargin: [Finish]
    /// For each loop with a known time, the fastest cumulative time at its end.
    public var fastestLoops: [LoopRecord]
    public var fastestFunRun: [FunRun]
    /// Where the finish records may be beaten by a finish that is not named or has no time.
    public var finishCompleteness: Completeness
    /// Where the loop records may be beaten: times are known for only some of the named runners,
    /// and every partial entrant list may hide a faster one.
    public var loopCompleteness: Completeness
    /// Where the fun-run record may be beaten by a fun run that is not named or has no time.
    public var funRunCompleteness: Completeness

    enum CodingKeys: String, CodingKey {
        case loops, category
        case fastestFinish = "fastest_finish"
        case slowestFinish = "slowest_finish"
        case smallestMargin = "smallest_margin"
        case fastestLoops = "fastest_loops"
        case fastestFunRun = "fastest_fun_run"
        case finishCompleteness = "finish_completeness"
        case loopCompleteness = "loop_completeness"
        case funRunCompleteness = "fun_run_completeness"
    }
}

/// The fastest cumulative time at the end of one loop.
public struct LoopRecord: Sendable, Hashable, Codable {
    public var loop: Int
    public var time: ElapsedTime
    /// Everyone who reached the end of the loop in that time.
    public var holders: [Holder]

    /// One runner who holds a loop record.
    public struct Holder: Sendable, Hashable, Codable {
        public var year: Int
        public var runner: String

        enum CodingKeys: String, CodingKey {
            case year, runner
        }
    }

    enum CodingKeys: String, CodingKey {
        case loop, time, holders
    }
}

extension SQL {
    static let fastestLoops = NamedQuery("fastest time at the end of each loop", """
        SELECT loop, seconds, precision, year, runner FROM (
            SELECT loop_time.loop AS loop, loop_time.elapsed_seconds AS seconds, loop_time.precision AS precision,
                   edition.year AS year, runner.name AS runner, entry.position AS position,
                   rank() OVER (PARTITION BY loop_time.loop ORDER BY loop_time.elapsed_seconds) AS rank
            FROM edition
            CROSS JOIN entry ON entry.edition_id = edition.id
            CROSS JOIN loop_time ON loop_time.entry_id = entry.id
            CROSS JOIN runner ON runner.id = entry.runner_id
            WHERE edition.race = ?1 AND edition.held = 1 AND edition.finish_loops = ?2
              AND loop_time.unofficial IS NULL AND +entry.outcome <> 'disqualified')
        WHERE rank = 1
        ORDER BY loop, year, position
        """, sample: [.text(Edition.barkley), .integer(5)])
}

extension History {
    /// The records of the race run over `loops` loops.
    ///
    /// ```swift
    /// let records = try history.records()
    /// records.fastestFinish.first?.runner      // "Brett Maune" (52:03:08, 2012)
    /// records.smallestMargin.first?.marginSeconds  // 99 (Jasmin Paris, 2024)
    /// ```
    /// Only editions with the same distance are compared: Ed Furtaw's 1988 finish of the then
    /// 3-loop race is a 3-loop record, not a 100-mile one. An unofficial loop (off course, after
    /// the limit) and the times of a disqualified entry hold no record.
    ///
    /// - Parameter loops: the loops of a finish; nil means the format of the latest edition that
    ///   has one (5 loops).
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func records(loops: Int? = nil) throws -> Records {
        let allEditions = try editionFacts()
        let loops = loops ?? allEditions.last(where: { $0.held && $0.finishLoops != nil })?.finishLoops ?? 5
        let editions = allEditions.filter { $0.held && $0.finishLoops == loops }
        let category = editions.first?.category ?? RaceCategory.derived(fromLoops: loops)
        let years = Set(editions.map(\.year))

        let finishes = try allFinishes().finishes.filter { years.contains($0.year) }
        let times = finishes.compactMap { $0.time?.seconds }
        let fastest = times.min(), slowest = times.max(), smallestMargin = finishes.compactMap(\.marginSeconds).min()
        let namedFinishes = try namedCounts(of: .finish)
        let untimedFinishYears = Set(finishes.filter { $0.time == nil }.map(\.year))
        // Every finish time of the distance is compared; the holders are shown whole.
        var finishDisputes = try disputes(counting: .finish, in: editions, times: true)
        let fastestFinish = finishes.filter { $0.time != nil && $0.time?.seconds == fastest }
        let slowestFinish = finishes.filter { $0.time != nil && $0.time?.seconds == slowest }
        let closest = finishes.filter { $0.marginSeconds != nil && $0.marginSeconds == smallestMargin }
        for finish in fastestFinish + slowestFinish + closest { finishDisputes.entrant(finish.year, finish.runner, DisputesUsed.shownFields) }
        let finishCompleteness = Completeness.of(editions, disputes: finishDisputes) {
            !$0.namesEvery(.finish, named: namedFinishes[$0.id, default: 0]) || untimedFinishYears.contains($0.year)
        }

        let funRuns = try allFunRuns().filter { years.contains($0.year) }
        let fastestFunRun = funRuns.compactMap { $0.time?.seconds }.min()
        let namedFunRuns = try namedCounts(of: .funRun)
        let untimedFunRunYears = Set(funRuns.filter { $0.time == nil }.map(\.year))
        let fastestFunRuns = funRuns.filter { $0.time != nil && $0.time?.seconds == fastestFunRun }
        var funRunDisputes = try disputes(counting: .funRun, in: editions, times: true)
        for funRun in fastestFunRuns { funRunDisputes.entrant(funRun.year, funRun.runner, DisputesUsed.shownFields) }
        let funRunCompleteness = Completeness.of(editions, disputes: funRunDisputes) {
            !$0.namesEvery(.funRun, named: namedFunRuns[$0.id, default: 0]) || untimedFunRunYears.contains($0.year)
        }

        // Every loop time of the distance is compared; a holder's presence and outcome are used.
        let fastestLoops = try fastestLoops(loops: loops)
        var loopDisputes = try disputesUsed()
        loopDisputes.loopTimes(years: years, outcome: nil) { _ in nil }
        for holder in fastestLoops.flatMap(\.holders) { loopDisputes.entrant(holder.year, holder.runner, DisputesUsed.outcomeFields) }

        return Records(
            loops: loops, category: category,
            fastestFinish: fastestFinish,
            slowestFinish: slowestFinish,
            smallestMargin: closest,
            fastestLoops: fastestLoops,
            fastestFunRun: fastestFunRuns,
            finishCompleteness: finishCompleteness,
            loopCompleteness: .ofStarts(in: editions, disputes: loopDisputes),
            funRunCompleteness: funRunCompleteness)
    }

    private func fastestLoops(loops: Int) throws -> [LoopRecord] {
        var records: [LoopRecord] = []
        for row in try connection.rows(SQL.fastestLoops.sql, [race, loops]) {
            let loop: Int = try row.require("loop")
            let holder = LoopRecord.Holder(year: try row.require("year"), runner: try row.require("runner"))
            if records.last?.loop == loop {
                records[records.count - 1].holders.append(holder)
            } else {
                let time = ElapsedTime(seconds: try row.require("seconds"),
                                       isApproximate: try row.require("precision", as: String.self) == "approximate")
                records.append(LoopRecord(loop: loop, time: time, holders: [holder]))
            }
        }
        return records
    }
}
