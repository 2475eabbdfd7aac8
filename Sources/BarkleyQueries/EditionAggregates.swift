import BarkleyArchive

/// The aggregates a reader asks of the year-by-year index, each with the editions it rests on.
///
/// Every figure names the editions it was computed from (`known`) and the held editions it had
/// to leave out because a value is unknown (`unknown`), so "mean winning time 57:06:40" always
/// reads with "over 15 editions; 1 unknown".
public struct EditionAggregates: Sendable, Hashable, Codable {
    /// Editions in the archive, held or not.
    public var editions: Int
    /// Editions held.
    public var held: Int
    /// Winning times are compared over editions whose finish was this many loops (5: the
    /// 100-mile race): a 3-loop winning time is not a 5-loop one.
    public var loops: Int
    /// The mean of ``winningTimes``; approximate when any time it averages is. Nil when none is known.
    public var meanWinningTime: ElapsedTime?
    /// The median of ``winningTimes`` (the mean of the middle two for an even count).
    public var medianWinningTime: ElapsedTime?
    /// The editions of ``loops`` loops with a known winning time, and those with a finish whose
    /// winner or time is unknown. Editions nobody finished have no winning time and are in neither.
    public var winningTimes: Basis
    /// The most starters in one edition, with every year that had that many.
    public var largestField: Extreme<Int>
    /// The earliest start time of day (local, `HH:MM`).
    public var earliestStart: Extreme<String>
    /// The latest start time of day (local, `HH:MM`).
    public var latestStart: Extreme<String>
    /// Held editions without a finisher (of any distance), with the years not held and the
    /// editions whose number of finishers is unknown.
    public var withoutFinisher: EditionsWithoutFinisher

    /// Which editions a figure was computed from, and which it could not use.
    public struct Basis: Sendable, Hashable, Codable {
        /// Editions whose value is known, by year.
        public var known: [Int]
        /// Held editions whose value is unknown, by year: the figure may change when they are.
        public var unknown: [Int]
        /// The disputed facts the figure used (as ``Completeness/disputed`` names them): the
        /// median winning time rests on Jared Campbell's 2014 time, which the sources dispute.
        public var disputed: [String]

        public init(known: [Int], unknown: [Int], disputed: [String] = []) {
            self.known = known
            self.unknown = unknown
            self.disputed = disputed
        }

        enum CodingKeys: String, CodingKey {
            case known, unknown, disputed
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            known = try container.decode([Int].self, forKey: .known)
            unknown = try container.decode([Int].self, forKey: .unknown)
            disputed = try container.decodeIfPresent([String].self, forKey: .disputed) ?? []
        }
    }

    /// The largest or smallest value of a field, the years that had it, and what it rests on.
    public struct Extreme<Value: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
        /// Nil when no edition knows the value.
        public var value: Value?
        /// Every edition with that value, oldest first.
        public var years: [Int]
        public var basis: Basis

        public init(value: Value?, years: [Int], basis: Basis) {
            self.value = value
            self.years = years
            self.basis = basis
        }

        enum CodingKeys: String, CodingKey {
            case value, years, basis
        }
    }

    enum CodingKeys: String, CodingKey {
        case editions, held, loops
        case meanWinningTime = "mean_winning_time"
        case medianWinningTime = "median_winning_time"
        case winningTimes = "winning_times"
        case largestField = "largest_field"
        case earliestStart = "earliest_start"
        case latestStart = "latest_start"
        case withoutFinisher = "without_finisher"
    }
}

extension EditionAggregates {
    /// The aggregates of `index`, with winning times compared over `loops`-loop editions.
    ///
    /// - Parameters:
    ///   - index: the editions, in any order.
    ///   - loops: the distance whose winning times are averaged.
    ///   - withoutFinisher: the held editions without a finisher (``History/editionsWithoutFinisher(loops:)``).
    public init(index: EditionIndex, loops: Int, withoutFinisher: EditionsWithoutFinisher) {
        let lines = index.editions.sorted { $0.year < $1.year }
        let held = lines.filter(\.held)
        let distance = held.filter { $0.loops == loops && $0.finishers != 0 }
        let timed = distance.compactMap { line in line.winningTime.map { (year: line.year, time: $0) } }
        editions = lines.count
        self.held = held.count
        self.loops = loops
        let lineDisputes = index.lineDisputes
        // Every known winning time is averaged and ordered, so each one's disputes are used.
        winningTimes = Basis(known: timed.map(\.year), unknown: distance.filter { $0.winningTime == nil }.map(\.year),
                             disputed: timed.flatMap { lineDisputes[$0.year]?.winner ?? [] })
        let times = timed.map(\.time).sorted { $0.seconds < $1.seconds }
        if !times.isEmpty {
            // Rounded to the nearest second, halves up: times are whole seconds. The mean is
            // approximate when any time is; the median when the time(s) in the middle are.
            let total = times.reduce(0) { $0 + $1.seconds }
            meanWinningTime = ElapsedTime(seconds: (2 * total + times.count) / (2 * times.count),
                                          isApproximate: times.contains(where: \.isApproximate))
            let middle = times.count % 2 == 1 ? [times[times.count / 2]] : [times[times.count / 2 - 1], times[times.count / 2]]
            medianWinningTime = ElapsedTime(seconds: (middle.reduce(0) { $0 + $1.seconds } * 2 + middle.count) / (2 * middle.count),
                                            isApproximate: middle.contains(where: \.isApproximate))
        }
        largestField = Self.extreme(of: held, \.starters, largest: true, disputed: { lineDisputes[$0]?.starters ?? [] })
        earliestStart = Self.extreme(of: held, \.startTime, largest: false, disputed: { lineDisputes[$0]?.start ?? [] })
        latestStart = Self.extreme(of: held, \.startTime, largest: true, disputed: { lineDisputes[$0]?.start ?? [] })
        self.withoutFinisher = withoutFinisher
    }

    /// The extreme of `field`; every known value is compared, so `disputed(year)` of each is used.
    private static func extreme<Value: Comparable>(of lines: [EditionLine], _ field: KeyPath<EditionLine, Value?>, largest: Bool,
                                                   disputed: (Int) -> [String]) -> Extreme<Value> {
        let known = lines.filter { $0[keyPath: field] != nil }
        let values = known.compactMap { $0[keyPath: field] }
        let value = largest ? values.max() : values.min()
        return Extreme(value: value, years: known.filter { $0[keyPath: field] == value }.map(\.year),
                       basis: Basis(known: known.map(\.year), unknown: lines.filter { $0[keyPath: field] == nil }.map(\.year),
                                    disputed: known.flatMap { disputed($0.year) }))
    }
}

extension History {
    /// Mean and median winning time, largest field, earliest and latest start, and the years
    /// without a finisher, each with the editions it rests on.
    ///
    /// - Parameter loops: the distance whose winning times are compared; nil means the format
    ///   of the latest edition that has one (5 loops).
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func editionAggregates(loops: Int? = nil) throws -> EditionAggregates {
        let index = try editionIndex()
        let loops = loops ?? index.editions.last(where: { $0.held && $0.loops != nil })?.loops ?? 5
        return EditionAggregates(index: index, loops: loops, withoutFinisher: try editionsWithoutFinisher())
    }
}
