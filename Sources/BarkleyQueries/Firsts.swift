import BarkleyArchive

/// The first time something happened: the year, and everyone who did it that year.
///
/// `year` is nil when it has not happened as far as the data show. ``completeness`` lists the
/// years up to and including the milestone (all years when it has not happened) where an
/// earlier or tied case could be hidden: an entry the sources do not name, or a named entry
/// whose sex, country or first attempt is unknown.
public struct Milestone<Achiever: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    public var year: Int?
    /// In order of time within the year (the sources' order for entries without one).
    public var achievers: [Achiever]
    public var completeness: Completeness

    enum CodingKeys: String, CodingKey {
        case year, achievers, completeness
    }
}

/// The first finisher from one country.
public struct CountryFirst: Sendable, Hashable, Codable {
    /// ISO 3166-1 alpha-3.
    public var country: String
    public var milestone: Milestone<Finish>

    enum CodingKeys: String, CodingKey {
        case country, milestone
    }
}

/// The race's firsts.
public struct Firsts: Sendable, Hashable, Codable {
    /// The distance counted: finishes of this many loops only, or every finish of ``category`` when nil.
    public var loops: Int?
    /// The race counted: the 100-mile race or the 3-loop race, never both.
    public var category: RaceCategory
    /// The first finish (the 100-mile race: Mark Williams 1995; the 3-loop race: Ed Furtaw 1988).
    public var finish: Milestone<Finish>
    public var womanFinish: Milestone<Finish>
    /// The first finish by a runner on a first attempt.
    public var firstAttemptFinish: Milestone<Finish>
    /// The first finisher from each country, earliest first.
    public var finishByCountry: [CountryFirst]
    /// Where a country's first finish could be earlier than listed, or a country is missing:
    /// finishes that are not named or whose country is unknown.
    public var countryCompleteness: Completeness
    public var funRun: Milestone<FunRun>
    public var womanFunRun: Milestone<FunRun>

    /// The first finisher from `country`, if any.
    public func firstFinish(from country: String) -> Milestone<Finish>? {
        finishByCountry.first { $0.country == country }?.milestone
    }

    enum CodingKeys: String, CodingKey {
        case loops, finish, category
        case womanFinish = "woman_finish"
        case firstAttemptFinish = "first_attempt_finish"
        case finishByCountry = "finish_by_country"
        case countryCompleteness = "country_completeness"
        case funRun = "fun_run"
        case womanFunRun = "woman_fun_run"
    }
}

extension History {
    /// The first finisher ever, the first woman to finish, the first finisher from each country,
    /// the first to finish on a first attempt, the first fun run and the first fun run by a woman.
    ///
    /// ```swift
    /// try history.firsts().finish.achievers.first?.runner                      // "Mark Williams" (1995)
    /// try history.firsts(category: .threeLoop).finish.achievers.first?.runner  // "Ed Furtaw" (1988)
    /// try history.firsts().funRun.year                                         // 1991
    /// try history.firsts().womanFinish.year                                    // 2024
    /// ```
    /// The two races are never mixed: Furtaw's 1988 finish of the 3-loop race is the first of that
    /// race, not of the 100-mile race (one source calls it "the first fun run").
    ///
    /// - Parameters:
    ///   - loops: count only editions whose finish was this many loops (5: the 100-mile race since 1995).
    ///   - category: the race counted; nil: the 3-loop race for `loops` 3, otherwise the 100-mile race.
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func firsts(loops: Int? = nil, category: RaceCategory? = nil) throws -> Firsts {
        let category = category ?? (loops == 3 ? .threeLoop : .hundredMile)
        let editions = try editionFacts().filter { $0.held && $0.category == category && (loops == nil || $0.finishLoops == loops) }
        let years = Set(editions.map(\.year))
        let finishes = try allFinishes().finishes.filter { years.contains($0.year) }
        let funRuns = try allFunRuns().filter { years.contains($0.year) }
        let namedFinishes = try namedCounts(of: .finish)
        let namedFunRuns = try namedCounts(of: .funRun)
        let unnamedFinishes = Set(editions.filter { !$0.namesEvery(.finish, named: namedFinishes[$0.id, default: 0]) }.map(\.year))
        let unnamedFunRuns = Set(editions.filter { !$0.namesEvery(.funRun, named: namedFunRuns[$0.id, default: 0]) }.map(\.year))
        let index = try disputeIndex()

        /// The earliest year's achievers; within that year, the one(s) who got there first when
        /// every time is known (Possert's 28:52 in 1995, not all five fun runs), else all of them.
        ///
        /// The milestone uses, over the editions up to its year, the presence, outcome and loops of
        /// every entrant with that outcome and their `field` (sex, first attempt, country), and the
        /// times of its year when they pick the achiever.
        func first<T>(_ entries: [T], year: (T) -> Int, seconds: (T) -> Int?, unnamed: Set<Int>, outcome: Outcome,
                      field: DisputedField? = nil, matches: (T) -> Bool?) throws -> Milestone<T> {
            let found = entries.filter { matches($0) == true }.map(year).min()
            let unknownYears = Set(entries.filter { matches($0) == nil }.map(year))
            let scope = editions.filter { $0.year <= found ?? .max }
            var achievers = entries.filter { year($0) == found && matches($0) == true }
            let times = achievers.compactMap(seconds)
            // Times pick among several achievers of the year, and only when every one is known.
            let timesPick = achievers.count > 1 && times.count == achievers.count
            if times.count == achievers.count, let fastest = times.min() {
                achievers = achievers.filter { seconds($0) == fastest }
            }
            var disputes = try self.disputes(counting: outcome, in: scope, also: field.map { [$0] } ?? [], index: index)
            if timesPick, let found {
                disputes.formUnion(try self.disputes(counting: outcome, in: scope.filter { $0.year == found }, times: true, index: index))
            }
            return Milestone(year: found, achievers: achievers,
                             completeness: .of(scope, disputes: disputes) { unnamed.contains($0.year) || unknownYears.contains($0.year) })
        }
        let finishSeconds: (Finish) -> Int? = { $0.time?.seconds }
        let funRunSeconds: (FunRun) -> Int? = { $0.time?.seconds }

        let countries = Set(finishes.compactMap(\.country)).sorted()
        let byCountry = try countries.map { country in
            CountryFirst(country: country, milestone: try first(finishes, year: \.year, seconds: finishSeconds, unnamed: unnamedFinishes,
                                                                outcome: .finish, field: .country) {
                $0.country.map { $0 == country }
            })
        }.sorted { ($0.milestone.year ?? .max, $0.country) < ($1.milestone.year ?? .max, $1.country) }
        let unknownCountry = Set(finishes.filter { $0.country == nil }.map(\.year))

        return Firsts(
            loops: loops, category: category,
            finish: try first(finishes, year: \.year, seconds: finishSeconds, unnamed: unnamedFinishes, outcome: .finish) { _ in true },
            womanFinish: try first(finishes, year: \.year, seconds: finishSeconds, unnamed: unnamedFinishes, outcome: .finish, field: .sex) {
                $0.sex.map { $0 == .female }
            },
            firstAttemptFinish: try first(finishes, year: \.year, seconds: finishSeconds, unnamed: unnamedFinishes, outcome: .finish,
                                          field: .firstAttempt) { $0.firstAttempt },
            finishByCountry: byCountry,
            countryCompleteness: .of(editions, disputes: try disputes(counting: .finish, in: editions, also: [.country], index: index)) {
                unnamedFinishes.contains($0.year) || unknownCountry.contains($0.year)
            },
            funRun: try first(funRuns, year: \.year, seconds: funRunSeconds, unnamed: unnamedFunRuns, outcome: .funRun) { _ in true },
            womanFunRun: try first(funRuns, year: \.year, seconds: funRunSeconds, unnamed: unnamedFunRuns, outcome: .funRun, field: .sex) {
                $0.sex.map { $0 == .female }
            })
    }
}
