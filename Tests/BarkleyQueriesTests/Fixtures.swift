import BarkleyArchive
import BarkleyBuiltInArchive
@testable import BarkleyQueries
import Foundation

/// The real history from `SampleData/`, freshly imported for each test.
func realHistory() throws -> History {
    History(archive: try BuiltInArchive.open())
}

/// Runner names of a list of results, for compact expectations.
func names(_ finishes: [Finish]) -> [String] { finishes.map(\.runner) }

/// `H:MM:SS` or `H:MM` text of an optional time, "-" when unknown.
func text(_ time: ElapsedTime?) -> String { time?.description ?? "-" }

/// A small archive built in code: editions of two races, one with a complete entrant list.
enum Synthetic {
    static func edition(_ year: Int, race: String = Edition.barkley, list: EntrantList = .complete,
                        starters: Int? = nil, finishers: Int? = nil, funRuns: Int? = nil,
                        loopCounts: [LoopCount] = [], entrants: [Entrant]) -> ParsedEdition {
        let format = RaceFormat(loops: 5, timeLimit: RaceTime(hours: 60, minutes: 0),
                                funRunLoops: 3, funRunTimeLimit: RaceTime(hours: 40, minutes: 0))
        let edition = Edition(race: race, year: year, format: format, starters: starters ?? entrants.count, entrantList: list,
                              statedFinishers: finishers, statedFunRuns: funRuns, loopCounts: loopCounts,
                              sources: [SourceReference(key: "results", citation: "https://example.org/\(race)/\(year)")],
                              cited: ["results"], entrants: entrants)
        return ParsedEdition(edition: edition, fileName: "\(year).yaml", checksum: "\(race)\(year)")
    }

    /// `loops` cumulative times of 10 hours a loop, plus `extra` seconds on the last.
    static func runner(_ name: String, loops: Int, extra: Int = 0, country: String? = nil, sex: Sex? = nil) -> Entrant {
        Entrant(name: name, country: country, sex: sex, loopsCompleted: loops,
                times: (0..<loops).map { LoopTime(loop: $0 + 1, elapsed: RaceTime(seconds: ($0 + 1) * 36_000 + ($0 == loops - 1 ? extra : 0))) })
    }

    static func archive(_ editions: [ParsedEdition]) throws -> Archive {
        let archive = try Archive.inMemory()
        try archive.importEditions(editions)
        return archive
    }
}
