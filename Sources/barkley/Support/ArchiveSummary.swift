import BarkleyArchive
import BarkleyQueries

/// The numbers behind the overview: one race's editions, finishes and latest edition, read
/// through `BarkleyQueries` (the same answers as `finishers`, `fun-runs` and the rest).
struct ArchiveSummary {
    struct FinishesByDistance {
        var loops: Int?
        var finishes: Int
        var finishers: Int
    }

    struct Finisher {
        var name: String
        var country: String?
        var sex: String?
        var time: RaceTime?
    }

    struct LatestEdition {
        var race: String
        var year: Int
        var starters: Int?
        /// The stated count; a known 0 stays 0.
        var statedFinishers: Int?
        var statedFunRuns: Int?
        var finishers: [Finisher]
    }

    var editions: Int
    var editionsHeld: Int
    var firstYear: Int?
    var lastYear: Int?
    var yearsNotHeld: [Int]
    /// Entries whose outcome is a finish, over every distance.
    var finishes: Int
    /// Distinct runners with at least one finish.
    var finishers: Int
    /// Finishes by the number of loops a finish needed that year, most loops first.
    var finishesByDistance: [FinishesByDistance]
    /// Finishes of each race (100-mile, 3-loop), the headline counts.
    var finishesByCategory: [CategoryTotal]
    /// The most recent edition that was held.
    var latest: LatestEdition?

    /// The numbers of `race`'s history in `archive`, as `BarkleyQueries` answers them.
    init(archive: Archive, race: String = Edition.barkley) throws {
        let history = History(archive: archive, race: race)
        let years = try history.resultsPerYear()
        editions = years.count
        editionsHeld = years.filter(\.held).count
        firstYear = years.first?.year
        lastYear = years.last?.year
        yearsNotHeld = years.filter { !$0.held }.map(\.year)
        let totals = try history.finishTotals()
        finishes = totals.finishes
        finishers = totals.finishers
        // Most loops first; a distance that is unknown last.
        finishesByDistance = totals.byLoops
            .sorted { ($0.loops ?? .min) > ($1.loops ?? .min) }
            .map { FinishesByDistance(loops: $0.loops, finishes: $0.finishes, finishers: $0.finishers) }
        finishesByCategory = try history.finishTotalsByCategory()
        guard let year = years.last(where: \.held) else {
            latest = nil
            return
        }
        let finishes = try history.finishers(in: year.year)
        latest = LatestEdition(
            race: race, year: year.year, starters: year.starters, statedFinishers: finishes.statedFinishers,
            statedFunRuns: try history.funRunCompleters(in: year.year).statedFunRuns,
            finishers: finishes.finishes.map {
                Finisher(name: $0.runner, country: $0.country, sex: $0.sex?.rawValue, time: $0.time?.raceTime)
            })
    }
}
