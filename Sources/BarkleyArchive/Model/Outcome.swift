/// How an entry ended, derived from its loops and the edition's format.
public enum Outcome: String, Sendable, Hashable, CaseIterable, Codable {
    /// The full distance inside the limit.
    case finish
    /// The fun-run distance inside its limit, without a finish ("a fun run is still a DNF").
    case funRun = "fun_run"
    /// Loops completed, but over the limit that would have counted them.
    case overLimit = "over_limit"
    /// Stopped, quit or cut off during a loop.
    case dropped
    /// Disqualified (Possert 1988, a skipped section): stated by a source, whatever the times.
    /// A DQ keeps its loop times, but they count for no record.
    case disqualified
    /// Entered but did not start: stated by a source; no loops.
    case didNotStart = "did_not_start"
    /// The sources do not say enough.
    case unknown
}

/// The rules that decide an outcome: one edition's format.
public struct RaceFormat: Hashable, Sendable {
    /// Loops for a finish.
    public var loops: Int?
    public var timeLimit: RaceTime?
    public var funRunLoops: Int?
    public var funRunTimeLimit: RaceTime?
    /// Cumulative cutoff by loop number, where published.
    public var cutoffs: [Int: RaceTime]

    public init(loops: Int? = nil, timeLimit: RaceTime? = nil, funRunLoops: Int? = nil,
                funRunTimeLimit: RaceTime? = nil, cutoffs: [Int: RaceTime] = [:]) {
        self.loops = loops
        self.timeLimit = timeLimit
        self.funRunLoops = funRunLoops
        self.funRunTimeLimit = funRunTimeLimit
        self.cutoffs = cutoffs
    }

    public var isEmpty: Bool { self == RaceFormat() }

    /// What the times alone show, or nil when they cannot decide.
    ///
    /// A finish needs the finish loop inside the limit (or a limit nobody recorded); a fun run
    /// needs the fun-run loop inside its limit; loops completed over those limits are
    /// ``Outcome/overLimit``; fewer loops than either distance is ``Outcome/dropped``.
    public func outcome(loopsCompleted: Int?, times: [Int: RaceTime]) -> Outcome? {
        let loopsDone = loopsCompleted ?? times.keys.max()
        if let loops, let loopsDone, loopsDone >= loops {
            guard let finishTime = times[loops] else { return nil }
            if timeLimit == nil || finishTime.seconds <= timeLimit!.seconds { return .finish }
        }
        var overALimit = false
        if let loops, let finishTime = times[loops], let timeLimit, finishTime.seconds > timeLimit.seconds {
            overALimit = true
        }
        if let funRunLoops, let loopsDone, loopsDone >= funRunLoops {
            guard let funRunTime = times[funRunLoops] else { return nil }
            if funRunTimeLimit == nil || funRunTime.seconds <= funRunTimeLimit!.seconds { return .funRun }
            overALimit = true
        }
        if overALimit { return .overLimit }
        guard let loopsDone, loopsCompleted != nil else { return nil }
        if let loops, loopsDone >= loops { return nil }
        return .dropped
    }
}
