import BarkleyArchive

/// The fun runs of one edition.
public struct EditionFunRuns: Sendable, Hashable, Codable {
    public var year: Int
    /// False for a year with no race (2002, 2020).
    public var held: Bool
    /// The number of fun runs the sources state, besides the finishers.
    public var statedFunRuns: Int?
    /// Fastest first; fun runs without a time last, in the sources' order.
    public var funRuns: [FunRun]
    public var completeness: Completeness

    enum CodingKeys: String, CodingKey {
        case year, held, completeness
        case statedFunRuns = "stated_fun_runs"
        case funRuns = "fun_runs"
    }
}

/// Every fun run in the race's history.
public struct FunRunList: Sendable, Hashable, Codable {
    /// By year, then time; fun runs without a time last in their year.
    public var funRuns: [FunRun]
    public var completeness: Completeness

    enum CodingKeys: String, CodingKey {
        case completeness
        case funRuns = "fun_runs"
    }
}

extension History {
    /// The fun runs of one year: the fun-run distance inside its limit, without a finish.
    ///
    /// ```swift
    /// try history.funRunCompleters(in: 2025).funRuns.map(\.runner)   // ["John Kelly"]
    /// ```
    /// A year that was not held (2002, 2020) has no fun runs and `held == false`.
    ///
    /// - Throws: ``QueryError/noEdition(race:year:)`` when the archive has no such year;
    ///   `SQLiteError` when the archive cannot be read.
    public func funRunCompleters(in year: Int) throws -> EditionFunRuns {
        let edition = try editionFacts(year: year)
        let funRuns = try funRuns(in: year)
        let disputes = try self.disputes(counting: .funRun, in: [edition], also: DisputesUsed.shownFields, times: true)
        let completeness = Completeness.of([edition], disputes: disputes) { !$0.namesEvery(.funRun, named: funRuns.count) }
        return EditionFunRuns(year: year, held: edition.held, statedFunRuns: edition.statedFunRuns,
                              funRuns: funRuns, completeness: completeness)
    }

    /// Every fun run in the race's history, by year and time; ``FunRunList/completeness`` lists
    /// the editions whose sources count more fun runs than they name, or count none.
    ///
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func allFunRunCompletions() throws -> FunRunList {
        let editions = try editionFacts()
        return FunRunList(funRuns: try allFunRuns(),
                          completeness: .ofOutcome(.funRun, in: editions, named: try namedCounts(of: .funRun),
                                                   disputes: try disputes(counting: .funRun, in: editions, also: DisputesUsed.shownFields, times: true)))
    }
}
