import BarkleyArchive
import SQLiteLayer

/// How each record of one distance fell, edition by edition.
///
/// A record falls in an edition whose best beats every earlier edition's best; equalling it
/// is not breaking it. Times published only to the minute compare as if their seconds were
/// zero, as in ``Records``. The date is the edition's start date: the sources do not date a
/// finish apart from its edition.
public struct RecordProgression: Sendable, Hashable, Codable {
    /// The loops of a finish in the editions compared.
    public var loops: Int
    /// Fastest finish, smallest margin, fastest to the end of each loop, fastest fun run.
    public var records: [Progression]
    /// Where a record may have fallen earlier or to someone else: an edition whose entrant
    /// list is partial may hide a faster time.
    public var completeness: Completeness

    public init(loops: Int, records: [Progression], completeness: Completeness) {
        self.loops = loops
        self.records = records
        self.completeness = completeness
    }

    /// Which record a ``Progression`` follows.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case fastestFinish = "fastest_finish"
        case smallestMargin = "smallest_margin"
        /// The fastest cumulative time at the end of ``Progression/loop``.
        case fastestToLoop = "fastest_to_loop"
        case fastestFunRun = "fastest_fun_run"
    }

    /// One record, from its first holder to its present one.
    public struct Progression: Sendable, Hashable, Codable {
        public var record: Kind
        /// For ``Kind/fastestToLoop``, the loop; nil otherwise.
        public var loop: Int?
        /// Oldest first; the last is the standing record. Empty when no time is known.
        public var steps: [Step]

        public init(record: Kind, loop: Int? = nil, steps: [Step]) {
            self.record = record
            self.loop = loop
            self.steps = steps
        }

        enum CodingKeys: String, CodingKey {
            case record, loop, steps
        }
    }

    /// One edition where the record fell (one step per holder when runners tied).
    public struct Step: Sendable, Hashable, Codable {
        public var year: Int
        /// The edition's start date, `YYYY-MM-DD`; nil when unknown.
        public var startDate: String?
        public var runner: String
        /// The new record: a time, or for ``Kind/smallestMargin`` the time to spare.
        public var time: ElapsedTime
        /// By how much it beat the record before it; nil for the first. When either time is known
        /// only to the minute, the least it can be (see ``improvementAtMost``).
        public var improvement: ElapsedTime?
        /// The most it can have beaten the record by, when either time is known only to the
        /// minute (`8:02:--` → `7:58:58` is 0:03:02 to 0:04:01); nil when both are to the second.
        public var improvementAtMost: ElapsedTime?

        public init(year: Int, startDate: String? = nil, runner: String, time: ElapsedTime, improvement: ElapsedTime? = nil,
                    improvementAtMost: ElapsedTime? = nil) {
            self.year = year
            self.startDate = startDate
            self.runner = runner
            self.time = time
            self.improvement = improvement
            self.improvementAtMost = improvementAtMost
        }

        /// The step that beat `record` (nil for the first) with `time`: the improvement as exact
        /// bounds when a time is known only to the minute, never as a minute that may be wrong.
        init(year: Int, startDate: String?, runner: String, time: ElapsedTime, beating record: ElapsedTime?) {
            let bounds = record.map { $0.differenceBounds(minus: time) }
            self.init(year: year, startDate: startDate, runner: runner, time: time,
                      improvement: bounds.map { ElapsedTime(seconds: $0.lowerBound) },
                      improvementAtMost: bounds.flatMap { $0.lowerBound == $0.upperBound ? nil : ElapsedTime(seconds: $0.upperBound) })
        }

        enum CodingKeys: String, CodingKey {
            case year, runner, time, improvement
            case startDate = "start_date"
            case improvementAtMost = "improvement_at_most"
        }
    }

    enum CodingKeys: String, CodingKey {
        case loops, records, completeness
    }
}

extension SQL {
    static let loopTimesOfDistance = NamedQuery("every loop time of one distance", """
        SELECT loop_time.loop AS loop, loop_time.elapsed_seconds AS seconds, loop_time.precision AS precision,
               edition.year AS year, runner.name AS runner
        FROM edition
        CROSS JOIN entry ON entry.edition_id = edition.id
        CROSS JOIN loop_time ON loop_time.entry_id = entry.id
        CROSS JOIN runner ON runner.id = entry.runner_id
        WHERE edition.race = ?1 AND edition.held = 1 AND edition.finish_loops = ?2
          AND loop_time.unofficial IS NULL AND +entry.outcome <> 'disqualified'
        ORDER BY edition.year, entry.position, loop_time.loop
        """, sample: [.text(Edition.barkley), .integer(5)])
}

extension History {
    /// How each record of the race run over `loops` loops fell: fastest finish, smallest
    /// margin, fastest to the end of each loop, fastest fun run. As in ``records(loops:)``, an
    /// unofficial loop (off course, after the limit) and the times of a disqualified entry are
    /// no step: Possert's 1988 loops, run faster than Furtaw's, never held a record.
    ///
    /// - Parameter loops: the loops of a finish; nil means the latest format's (5 loops).
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func recordProgression(loops: Int? = nil) throws -> RecordProgression {
        let allEditions = try editionFacts()
        let loops = loops ?? allEditions.last(where: { $0.held && $0.finishLoops != nil })?.finishLoops ?? 5
        let editions = allEditions.filter { $0.held && $0.finishLoops == loops }
        let years = Set(editions.map(\.year))
        let yearOfEdition = Dictionary(uniqueKeysWithValues: allEditions.map { ($0.id, $0.year) })
        var dates: [Int: String] = [:]
        for row in try connection.rows(SQL.editionStarts.sql, [race]) {
            if let year = yearOfEdition[try row.require("id")], let date: String = try row.optional("start_date") { dates[year] = date }
        }
        typealias Candidate = (year: Int, runner: String, time: ElapsedTime)
        func steps(_ candidates: [Candidate]) -> [RecordProgression.Step] {
            var steps: [RecordProgression.Step] = []
            var record: ElapsedTime?
            for (year, entries) in Dictionary(grouping: candidates, by: \.year).sorted(by: { $0.key < $1.key }) {
                guard let best = entries.map(\.time.seconds).min(), record.map({ best < $0.seconds }) ?? true else { continue }
                var holders: Set<String> = []
                for entry in entries where entry.time.seconds == best && holders.insert(entry.runner).inserted {
                    steps.append(RecordProgression.Step(year: year, startDate: dates[year], runner: entry.runner, time: entry.time,
                                                        beating: record))
                }
                record = entries.first { $0.time.seconds == best }?.time
            }
            return steps
        }

        let finishes = try allFinishes().finishes.filter { years.contains($0.year) }
        var records = [
            RecordProgression.Progression(record: .fastestFinish, steps: steps(finishes.compactMap { finish in
                finish.time.map { (finish.year, finish.runner, $0) }
            })),
            RecordProgression.Progression(record: .smallestMargin, steps: steps(finishes.compactMap { finish in
                finish.marginSeconds.map { (finish.year, finish.runner, ElapsedTime(seconds: $0, isApproximate: finish.time?.isApproximate ?? false)) }
            })),
        ]
        var byLoop: [Int: [Candidate]] = [:]
        for row in try connection.rows(SQL.loopTimesOfDistance.sql, [race, loops]) {
            let time = ElapsedTime(seconds: try row.require("seconds"),
                                   isApproximate: try row.require("precision", as: String.self) == "approximate")
            byLoop[try row.require("loop"), default: []].append((try row.require("year"), try row.require("runner"), time))
        }
        for (loop, candidates) in byLoop.sorted(by: { $0.key < $1.key }) {
            records.append(RecordProgression.Progression(record: .fastestToLoop, loop: loop, steps: steps(candidates)))
        }
        let funRuns = try allFunRuns().filter { years.contains($0.year) }
        records.append(RecordProgression.Progression(record: .fastestFunRun, steps: steps(funRuns.compactMap { funRun in
            funRun.time.map { (funRun.year, funRun.runner, $0) }
        })))
        // Every finish, loop and fun-run time of the distance is compared.
        var disputes = try self.disputes(counting: .finish, in: editions, times: true)
        disputes.formUnion(try self.disputes(counting: .funRun, in: editions, times: true))
        disputes.loopTimes(years: years, outcome: nil) { _ in nil }
        return RecordProgression(loops: loops, records: records, completeness: .ofStarts(in: editions, disputes: disputes))
    }
}
