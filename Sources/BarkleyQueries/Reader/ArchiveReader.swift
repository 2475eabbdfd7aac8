import BarkleyArchive
import Dispatch
import SQLiteLayer

/// Asks the ``History`` questions of an archive file from any task, several at once.
///
/// ```swift
/// let reader = try ArchiveReader(path: "barkley.sqlite", connections: 4)
/// async let finishes = reader.finishers(in: 2024)
/// async let paris = reader.career(of: "Jasmin Paris")
/// print(try await finishes.finishes.count, try await paris.finishes)
/// ```
///
/// A reader owns a small pool of read-only connections to the file. Each question runs in one
/// read transaction: its answer is the archive as one commit left it, never half of an import
/// by another connection — this process's or a `barkley import`. Archives use SQLite's rollback
/// journal (one self-contained file, readable on read-only media), so while a writer commits,
/// readers wait for it (up to the connection's busy timeout) instead of reading beside it. The blocking SQLite calls run on Dispatch's global queue, not on
/// the task's thread; a question that finds every connection busy waits for one without
/// holding a thread.
///
/// Every question throws what the ``History`` question of the same name throws; and
/// `SQLiteError` when the file cannot be read.
public final class ArchiveReader: Sendable {
    /// The archive file.
    public let path: String
    /// The race whose history the questions ask about.
    public let race: String
    private let pool: ConnectionPool

    /// Opens `connections` read-only connections to the archive file at `path`.
    ///
    /// Opening never creates or changes the file.
    /// - Throws: `SQLiteError` `cantOpen` when there is no file there,
    ///   `notADatabase` when it is not an archive; `MigrationError` or `readOnly`
    ///   when its schema is not this version's.
    public init(path: String, race: String = Edition.barkley, connections: Int = 4) throws {
        self.path = path
        self.race = race
        pool = try ConnectionPool(path: path, count: connections)
    }

    /// Runs `question` on a connection of its own, in one read transaction, and returns its answer.
    ///
    /// ```swift
    /// let years = try await reader.read { history in try history.resultsPerYear().map(\.year) }
    /// ```
    public func read<Answer: Sendable>(_ question: @escaping @Sendable (History) throws -> Answer) async throws -> Answer {
        let lease = await pool.checkOut()
        defer { pool.checkIn(lease) }
        let race = race
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result {
                    try lease.archive.connection.readTransaction {
                        try question(History(archive: lease.archive, race: race))
                    }
                })
            }
        }
    }
}

// MARK: - The History questions, asked from any task

extension ArchiveReader {
    /// The stored edition of `year`, with its entrants, times and sources; nil when absent.
    public func edition(year: Int) async throws -> Edition? {
        try await read { try $0.archive.edition(year: year, race: $0.race) }
    }

    /// See ``History/finishers(in:)``.
    public func finishers(in year: Int) async throws -> EditionFinishes { try await read { try $0.finishers(in: year) } }
    /// See ``History/allFinishes()``.
    public func allFinishes() async throws -> FinishList { try await read { try $0.allFinishes() } }
    /// See ``History/finishTotals()``.
    public func finishTotals() async throws -> FinishTotals { try await read { try $0.finishTotals() } }
    /// See ``History/repeatFinishers()``.
    public func repeatFinishers() async throws -> RepeatFinishers { try await read { try $0.repeatFinishers() } }
    /// See ``History/funRunCompleters(in:)``.
    public func funRunCompleters(in year: Int) async throws -> EditionFunRuns { try await read { try $0.funRunCompleters(in: year) } }
    /// See ``History/allFunRunCompletions()``.
    public func allFunRunCompletions() async throws -> FunRunList { try await read { try $0.allFunRunCompletions() } }
    /// See ``History/records(loops:)``.
    public func records(loops: Int? = nil) async throws -> Records { try await read { try $0.records(loops: loops) } }
    /// See ``History/firsts(loops:category:)``.
    public func firsts(loops: Int? = nil, category: RaceCategory? = nil) async throws -> Firsts {
        try await read { try $0.firsts(loops: loops, category: category) }
    }
    /// See ``History/career(of:)``.
    public func career(of name: String) async throws -> Career { try await read { try $0.career(of: name) } }
    /// See ``History/mostStarts(limit:loops:category:)``.
    public func mostStarts(limit: Int? = 10, loops: Int? = nil, category: RaceCategory? = nil) async throws -> RunnerRanking {
        try await read { try $0.mostStarts(limit: limit, loops: loops, category: category) }
    }
    /// See ``History/mostFinishes(limit:loops:category:)``.
    public func mostFinishes(limit: Int? = 10, loops: Int? = nil, category: RaceCategory? = nil) async throws -> RunnerRanking {
        try await read { try $0.mostFinishes(limit: limit, loops: loops, category: category) }
    }
    /// See ``History/mostFunRuns(limit:loops:category:)``.
    public func mostFunRuns(limit: Int? = 10, loops: Int? = nil, category: RaceCategory? = nil) async throws -> RunnerRanking {
        try await read { try $0.mostFunRuns(limit: limit, loops: loops, category: category) }
    }
    /// See ``History/countries(loops:)``.
    public func countries(loops: Int? = nil) async throws -> CountryTable { try await read { try $0.countries(loops: loops) } }
    /// See ``History/searchRunners(_:suggestions:)``.
    public func searchRunners(_ text: String, suggestions: Int = 5) async throws -> RunnerSearch {
        try await read { try $0.searchRunners(text, suggestions: suggestions) }
    }
    /// See ``History/attrition(year:)``.
    public func attrition(year: Int) async throws -> EditionAttrition { try await read { try $0.attrition(year: year) } }
    /// See ``History/attritionAcrossHistory()``.
    public func attritionAcrossHistory() async throws -> HistoryAttrition { try await read { try $0.attritionAcrossHistory() } }
    /// See ``History/editionSummary(year:)``.
    public func editionSummary(year: Int) async throws -> EditionSummary { try await read { try $0.editionSummary(year: year) } }
    /// See ``History/editionsWithoutFinisher(loops:)``.
    public func editionsWithoutFinisher(loops: Int? = nil) async throws -> EditionsWithoutFinisher {
        try await read { try $0.editionsWithoutFinisher(loops: loops) }
    }
    /// See ``History/resultsPerYear()``.
    public func resultsPerYear() async throws -> [YearResults] { try await read { try $0.resultsPerYear() } }
    /// See ``History/droughts(loops:)``.
    public func droughts(loops: Int? = nil) async throws -> [Drought] { try await read { try $0.droughts(loops: loops) } }
    /// See ``History/longestDrought(loops:)``.
    public func longestDrought(loops: Int? = nil) async throws -> Drought? { try await read { try $0.longestDrought(loops: loops) } }
    /// See ``History/sources(forEdition:)``.
    public func sources(forEdition year: Int) async throws -> EditionSources { try await read { try $0.sources(forEdition: year) } }
    /// See ``History/sources(forEntryOf:year:)``.
    public func sources(forEntryOf runnerName: String, year: Int) async throws -> EntrySources {
        try await read { try $0.sources(forEntryOf: runnerName, year: year) }
    }
}
