import BarkleyArchive

/// One edition's results page: every entrant, loop by loop, with cumulative time, split,
/// direction and gap to the leader at that loop.
///
/// Unknown stays unknown: an entrant known to have completed three loops with one time
/// published has three loops here, two of them without a time.
public struct EditionSplits: Sendable, Hashable, Codable {
    public var year: Int
    public var held: Bool
    /// Loops of a finish that year; nil when unknown.
    public var loops: Int?
    /// In the edition's order (its file's), which is the order of the results.
    public var entrants: [EntrantSplits]

    public init(year: Int, held: Bool, loops: Int?, entrants: [EntrantSplits]) {
        self.year = year
        self.held = held
        self.loops = loops
        self.entrants = entrants
    }

    enum CodingKeys: String, CodingKey {
        case year, held, loops, entrants
    }
}

/// One entrant of ``EditionSplits``.
public struct EntrantSplits: Sendable, Hashable, Codable {
    /// 1-based, in the edition's order.
    public var position: Int
    /// The runner's name as this edition's file writes it.
    public var runner: String
    /// ISO 3166 alpha-3; nil when unknown.
    public var country: String?
    /// Nil when unknown.
    public var sex: Sex?
    /// Under the edition's format: what the times show, else what a source states.
    public var outcome: Outcome
    /// Loops completed as the file states it; nil when not stated (the times may still show some).
    public var loopsCompleted: Int?
    /// Loop 1 to the last loop the entrant is known to have completed (by count or by time);
    /// empty when none is known.
    public var loops: [SplitLoop]

    public init(position: Int, runner: String, country: String? = nil, sex: Sex? = nil, outcome: Outcome = .unknown,
                loopsCompleted: Int? = nil, loops: [SplitLoop] = []) {
        self.position = position
        self.runner = runner
        self.country = country
        self.sex = sex
        self.outcome = outcome
        self.loopsCompleted = loopsCompleted
        self.loops = loops
    }

    enum CodingKeys: String, CodingKey {
        case position, runner, country, sex, outcome, loops
        case loopsCompleted = "loops_completed"
    }
}

/// One loop of one entrant: nil wherever the sources do not give the value.
public struct SplitLoop: Sendable, Hashable, Codable {
    public var loop: Int
    /// Cumulative since the start.
    public var time: ElapsedTime?
    /// The loop alone: known when the end of the previous loop is (or for loop 1).
    public var split: ElapsedTime?
    public var direction: Direction?
    /// Behind the fastest known time at the end of this loop that year (0 for the leader). The
    /// leader's time is an official one of an entrant not disqualified (as in the records), and
    /// a disqualified entrant's or an unofficial loop's time has no gap: nil, as when unknown.
    public var gapToLeader: ElapsedTime?
    /// Why the loop, though run, does not count (Robbins' loop 5 of 2017 ended after the 60-hour
    /// limit: `after_limit`); nil for a loop that counts, or one without a time.
    public var unofficial: UnofficialReason?

    public init(loop: Int, time: ElapsedTime? = nil, split: ElapsedTime? = nil, direction: Direction? = nil, gapToLeader: ElapsedTime? = nil,
                unofficial: UnofficialReason? = nil) {
        self.loop = loop
        self.time = time
        self.split = split
        self.direction = direction
        self.gapToLeader = gapToLeader
        self.unofficial = unofficial
    }

    enum CodingKeys: String, CodingKey {
        case loop, time, split, direction, unofficial
        case gapToLeader = "gap_to_leader"
    }
}

extension ElapsedTime {
    /// `self − other`, approximate when either is.
    func minus(_ other: ElapsedTime) -> ElapsedTime {
        ElapsedTime(seconds: seconds - other.seconds, isApproximate: isApproximate || other.isApproximate)
    }
}

extension History {
    /// Every entrant of one edition, loop by loop: time, split, direction, gap to the leader.
    ///
    /// - Throws: ``QueryError/noEdition(race:year:)`` when the archive has no such year;
    ///   `SQLiteError` when the archive cannot be read.
    public func splits(year: Int) throws -> EditionSplits {
        guard let edition = try archive.edition(year: year, race: race) else { throw QueryError.noEdition(race: race, year: year) }
        return EditionSplits(edition: edition)
    }
}

extension EditionSplits {
    /// The results page of `edition`, in time linear in its entrants and their times: the
    /// leader of each loop is found once.
    public init(edition: Edition) {
        let outcomes = edition.entrants.map { $0.outcome(under: edition.format) }
        /// Whether a time stands in the race's order: Possert's DQ'd 1988 loops and Robbins'
        /// 60:00:06 of 2017 do not.
        func ranks(_ time: LoopTime, of index: Int) -> Bool { time.unofficial == nil && outcomes[index] != .disqualified }
        var leaders: [Int: ElapsedTime] = [:]
        for (index, entrant) in edition.entrants.enumerated() {
            for time in entrant.times where ranks(time, of: index) {
                let elapsed = ElapsedTime(time.elapsed)
                if leaders[time.loop].map({ elapsed.seconds < $0.seconds }) ?? true { leaders[time.loop] = elapsed }
            }
        }
        let entrants = edition.entrants.enumerated().map { index, entrant -> EntrantSplits in
            var times: [Int: LoopTime] = [:]
            for time in entrant.times where times[time.loop] == nil { times[time.loop] = time }
            // Bounded by what a race can have, whatever the archive holds.
            let last = min(max(entrant.loopsCompleted ?? 0, times.keys.max() ?? 0), RaceBounds.maxLoops)
            let loops = last < 1 ? [] : (1...last).map { loop -> SplitLoop in
                let time = times[loop].map { ElapsedTime($0.elapsed) }
                let previous = loop == 1 ? ElapsedTime(seconds: 0) : times[loop - 1].map { ElapsedTime($0.elapsed) }
                return SplitLoop(loop: loop, time: time, split: time.flatMap { time in previous.map { time.minus($0) } },
                                 direction: times[loop]?.direction,
                                 gapToLeader: times[loop].flatMap { ranks($0, of: index) ? time : nil }
                                    .flatMap { time in leaders[loop].map { time.minus($0) } },
                                 unofficial: times[loop]?.unofficial)
            }
            return EntrantSplits(position: index + 1, runner: entrant.name, country: entrant.country, sex: entrant.sex,
                                 outcome: outcomes[index], loopsCompleted: entrant.loopsCompleted, loops: loops)
        }
        self.init(year: edition.year, held: edition.held, loops: edition.format.loops, entrants: entrants)
    }
}
