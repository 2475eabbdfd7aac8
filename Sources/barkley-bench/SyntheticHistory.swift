import BarkleyArchive

/// A deterministic, synthetic history shaped like the Barkley's, of any size.
///
/// Each race has an edition a year from 1986 to 2025 (2020 not held), fields of 35–47
/// entrants, runners who come back year after year, loop times of 8–14 hours, many drops at
/// every loop and few finishers, under one format: 5 loops in 60 hours, a 3-loop fun run in 40.
/// Race 0 is named "Barkley Marathons", so questions asked without a race have answers; the
/// others are "Synthetic 0001", "Synthetic 0002"… A history of `entries` entrants is as many
/// races as that takes, the last one cut short so that the total is exact.
///
/// ```swift
/// for race in SyntheticHistory(seed: 1986, entries: 100_000).races() {
///     for edition in race.editions { … }    // 39 held editions of ~41 entrants each
/// }
/// ```
///
/// Races are generated one at a time from their own seeded stream, so memory stays flat and
/// any race can be generated again, alone, with the same result.
struct SyntheticHistory {
    static let years = 1986...2025
    static let notHeld: Set<Int> = [2020]
    static let format = RaceFormat(
        loops: 5, timeLimit: RaceTime(hours: 60, minutes: 0),
        funRunLoops: 3, funRunTimeLimit: RaceTime(hours: 40, minutes: 0),
        cutoffs: [1: RaceTime(hours: 13, minutes: 20), 2: RaceTime(hours: 26, minutes: 40), 3: RaceTime(hours: 40, minutes: 0),
                  4: RaceTime(hours: 53, minutes: 20), 5: RaceTime(hours: 60, minutes: 0)])
    /// Names have room for this many races (see ``RunnerNames``): about 10 million entries.
    static let maximumRaces = 6_400

    let seed: UInt64
    /// The exact number of entrants (entry rows) in the whole history.
    let entries: Int

    /// The races in order, each generated when the sequence reaches it.
    func races() -> some Sequence<SyntheticRace> {
        let seed = self.seed
        return sequence(state: (index: 0, remaining: entries)) { state -> SyntheticRace? in
            guard state.remaining > 0 else { return nil }
            precondition(state.index < Self.maximumRaces, "more races than synthetic names can tell apart")
            var race = SyntheticRace.generate(index: state.index, seed: seed)
            race.keepFirst(entries: state.remaining)
            state.remaining -= race.entryCount
            state.index += 1
            return race
        }
    }

    static func raceName(_ index: Int) -> String {
        guard index > 0 else { return Edition.barkley }
        let digits = String(index)
        return "Synthetic " + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// One synthetic race: its editions in year order.
struct SyntheticRace {
    let index: Int
    let name: String
    private(set) var editions: [Edition]
    /// For each edition, how many loops each entrant started (a drop during a loop started it),
    /// which the edition's `loop_counts` are made from.
    private var startedLoops: [[Int]]

    var entryCount: Int { editions.reduce(0) { $0 + $1.entrants.count } }

    /// Cuts the race after its first `entries` entrants (the last edition kept may lose some).
    mutating func keepFirst(entries: Int) {
        var remaining = entries
        for position in editions.indices {
            let count = editions[position].entrants.count
            guard count > remaining else {
                remaining -= count
                continue
            }
            // This edition holds more entrants than remain: keep that many of them (if any),
            // and no edition after it.
            if remaining == 0 {
                editions.removeSubrange(position...)
                startedLoops.removeSubrange(position...)
            } else {
                editions[position].entrants.removeSubrange(remaining...)
                startedLoops[position].removeSubrange(remaining...)
                Self.deriveCounts(&editions[position], startedLoops: startedLoops[position])
                editions.removeSubrange((position + 1)...)
                startedLoops.removeSubrange((position + 1)...)
            }
            return
        }
    }

    static func generate(index: Int, seed: UInt64) -> SyntheticRace {
        var rng = SeededGenerator(seed: seed, stream: UInt64(index))
        let race = SyntheticHistory.raceName(index)
        let names = RunnerNames(race: index)
        var pool: [PoolRunner] = []
        var editions: [Edition] = []
        var startedLoops: [[Int]] = []
        for year in SyntheticHistory.years {
            var edition = Edition(race: race, year: year, entrantList: .complete)
            let slug = race.lowercased().split(separator: " ").joined(separator: "-")
            edition.sources = [SourceReference(key: "results", citation: "https://example.org/barkley-bench/\(slug)/\(year)")]
            if year >= 2010 {
                edition.sources.append(SourceReference(key: "report", citation: "Synthetic race report, \(race) \(year), p. \(rng.int(in: 1...40))"))
            }
            edition.cited = ["results"]
            guard !SyntheticHistory.notHeld.contains(year) else {
                edition.held = false
                edition.entrantList = .unknown
                edition.notes = "Not held (synthetic history)."
                editions.append(edition)
                startedLoops.append([])
                continue
            }
            edition.format = SyntheticHistory.format
            edition.startDate = "\(year)-03-\(rng.int(in: 15...31))"
            edition.startTime = twoDigits(rng.int(in: 0...12)) + ":" + twoDigits(rng.int(in: 0...59))
            if rng.chance(0.1) {
                edition.notes = "Synthetic notes for \(race) \(year).\nA second line, so the file holds a literal block."
            }

            // About half the field are veterans of the last six years; the rest are newcomers.
            let fieldSize = rng.int(in: 35...47)
            let recent = pool.indices.filter { year - pool[$0].lastYear <= 6 }
            let veterans = Int(Double(fieldSize) * rng.double(in: 0.4...0.6))
            var field = Array(rng.shuffled(recent).prefix(veterans))
            while field.count < fieldSize {
                pool.append(PoolRunner.newcomer(number: pool.count, names: names, rng: &rng))
                field.append(pool.count - 1)
            }
            var started: [Int] = []
            for runner in rng.shuffled(field) {
                let (entrant, loopsStarted) = pool[runner].run(year: year, rng: &rng)
                edition.entrants.append(entrant)
                started.append(loopsStarted)
            }
            deriveCounts(&edition, startedLoops: started)
            editions.append(edition)
            startedLoops.append(started)
        }
        return SyntheticRace(index: index, name: race, editions: editions, startedLoops: startedLoops)
    }

    /// Starters, stated finishers and fun runs, and per-loop counts, from the entrants: what a
    /// complete results page would state.
    private static func deriveCounts(_ edition: inout Edition, startedLoops: [Int]) {
        let outcomes = edition.entrants.map { $0.outcome(under: edition.format) }
        edition.starters = edition.entrants.count
        edition.statedFinishers = outcomes.filter { $0 == .finish }.count
        edition.statedFunRuns = outcomes.filter { $0 == .funRun }.count
        edition.loopCounts = (1...(edition.format.loops ?? 5)).map { loop in
            LoopCount(loop: loop, started: startedLoops.filter { $0 >= loop }.count,
                      completed: edition.entrants.filter { ($0.loopsCompleted ?? 0) >= loop }.count)
        }
    }
}

/// A runner of one synthetic race, across the years they come back.
private struct PoolRunner {
    let name: String
    let country: String
    let sex: Sex
    /// Hours for a first loop on a first attempt.
    let loopHours: Double
    var starts = 0
    var lastYear = 0

    static let countries: [(String, Double)] = [
        ("USA", 45), ("GBR", 9), ("CAN", 6), ("FRA", 4), ("DEU", 3), ("BEL", 3), ("NLD", 2), ("CHE", 2), ("AUS", 3),
        ("NZL", 2), ("JPN", 2), ("ESP", 2), ("ITA", 2), ("IRL", 2), ("SWE", 2), ("UKR", 2), ("POL", 1), ("CZE", 1),
        ("DNK", 1), ("NOR", 1), ("FIN", 1), ("ZAF", 1), ("BRA", 1), ("MEX", 1), ("LTU", 1), ("HUN", 1),
    ]

    static func newcomer(number: Int, names: RunnerNames, rng: inout SeededGenerator) -> PoolRunner {
        let sex: Sex = rng.chance(0.15) ? .female : .male
        return PoolRunner(name: names.name(runner: number, sex: sex), country: rng.pick(countries), sex: sex,
                          loopHours: 8.6 + 4.4 * rng.unit() * rng.unit().squareRoot())
    }

    /// One attempt: loops are run until a drop during a loop, a missed cutoff, a stop after the
    /// fun run, or the end; returns the entrant and the number of loops started.
    mutating func run(year: Int, rng: inout SeededGenerator) -> (Entrant, Int) {
        let format = SyntheticHistory.format
        // Experience helps, a little, for five attempts.
        let pace = loopHours * (1 - 0.025 * Double(min(starts, 5)))
        let dropDuringLoop = [0.25, 0.35, 0.35, 0.55, 0.5]
        var entrant = Entrant(name: name, country: country, sex: sex, firstAttempt: starts == 0)
        if rng.chance(0.03) {
            // Another spelling a source used: the family name in capitals.
            let parts = name.split(separator: " ", maxSplits: 1)
            entrant.listedAs = parts[0] + " " + parts[1].uppercased()
        }
        var elapsed = 0
        var completed = 0
        var started = 0
        let approximate = year < 2000
        let lastLoops: (Direction, Direction) = rng.chance(0.5) ? (.clockwise, .counterclockwise) : (.counterclockwise, .clockwise)
        for loop in 1...(format.loops ?? 5) {
            if loop == 4, rng.chance(0.5) { break }  // the fun run done; not going out again
            started = loop
            if rng.chance(dropDuringLoop[loop - 1] + max(0, pace - 10.5) * 0.1) { break }
            elapsed += Int(pace * 3600 * (1 + 0.07 * Double(loop - 1)) * rng.double(in: 0.9...1.15))
            if approximate { elapsed -= elapsed % 60 }
            completed = loop
            var time = LoopTime(loop: loop, elapsed: RaceTime(seconds: elapsed, precision: approximate ? .approximate : .exact))
            if year >= 2000 {
                time.direction = switch loop {
                case 4: lastLoops.0
                case 5: lastLoops.1
                default: loop % 2 == 1 ? .clockwise : .counterclockwise
                }
            }
            if loop == 5, year >= 2010 { time.cited = ["report"] }
            entrant.times.append(time)
            if let cutoff = format.cutoffs[loop], elapsed > cutoff.seconds { break }  // timed out
        }
        entrant.loopsCompleted = completed
        if entrant.outcome(under: format) == .finish { entrant.cited = ["results"] }
        if rng.chance(0.01) { entrant.note = "Synthetic note: lost the course on loop \(max(1, started))." }
        starts += 1
        lastYear = year
        return (entrant, started)
    }
}

/// Runner names that are unique across the whole synthetic history, even once folded, and
/// far enough apart that the import never takes one for another spelled differently (see
/// `NearNames`: two edits apart at most for a name this long).
///
/// A name is a given name and a family name of six consonant-vowel syllables: a Reed–Solomon
/// codeword over GF(83) (a cubic's values at 1…6) whose four coefficients are the race's and
/// the runner's numbers, each permuted and written in base 83. Two different (race, runner)
/// pairs give cubics that agree at three points at most, so their family names differ in at
/// least three syllables; and since every family name alternates consonants and vowels, no
/// shift makes two of them closer than their differing letters. Accents (added to whole races)
/// fold away without making two names meet. The given name is the runner's number's: the
/// same runner has the same name in every seed's history (the bench imports one history over
/// another), and no female and male given names are within two edits of each other.
struct RunnerNames {
    private static let consonants = Array("bdfgklmnprstvzhjc")
    private static let vowels = Array("aeiou")
    /// A prime no greater than the 85 syllables.
    private static let field = 83
    static let female = ["Jasmin", "Maggie", "Sue", "Nadia", "Beverley", "Kaci", "Åsa", "Zoë", "Ana", "Mika",
                         "Claire", "Ottilie", "Ingrid", "Rosa", "Ayumi", "Priya"]
    static let male = ["John", "Gary", "Ihor", "Jared", "Brett", "Aurélien", "Jérôme", "Søren", "Karel", "Mark",
                       "Nick", "Tomás", "Keith", "Blake", "Damian", "Travis", "Ed", "Guillaume", "Kenji",
                       "Andrew", "Lazarus", "Leonard", "Hiroshi"]

    /// The race's two coefficients.
    private let race: (Int, Int)
    private let accented: Bool

    init(race: Int) {
        precondition(race < SyntheticHistory.maximumRaces)
        // A fixed permutation of the race numbers, so neighbouring races do not look alike.
        let permuted = (race &* 7_919 &+ 4_321) % (Self.field * Self.field)
        self.race = (permuted / Self.field, permuted % Self.field)
        accented = race % 5 == 3
    }

    func name(runner number: Int, sex: Sex) -> String {
        precondition(number < 6_400, "more runners in one race than names")
        // The given name follows from the runner's number (not the generator), so a runner keeps
        // it in every history of the race; a runner of the other sex in another seed's history
        // has a given name at least three letters from every name of this list.
        let given = sex == .female ? Self.female[number % Self.female.count] : Self.male[number % Self.male.count]
        let permuted = (number &* 7_919 &+ 1_234) % (Self.field * Self.field)
        let coefficients = [race.0, race.1, permuted / Self.field, permuted % Self.field]
        var family = String((1...6).flatMap { x -> [Character] in
            let value = coefficients.reversed().reduce(0) { ($0 * x + $1) % Self.field }
            return [Self.consonants[value / Self.vowels.count], Self.vowels[value % Self.vowels.count]]
        })
        if accented, let e = family.firstIndex(of: "e") { family.replaceSubrange(e...e, with: "é") }
        return given + " " + family.prefix(1).uppercased() + family.dropFirst()
    }
}

func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
