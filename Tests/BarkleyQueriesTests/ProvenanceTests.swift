@testable import BarkleyQueries
import Testing

/// Sources, checked against the sources columns of finishes.csv, loop_splits.csv and editions.csv.
@Suite("Provenance")
struct ProvenanceTests {
    let history: History
    init() throws { history = try realHistory() }

    @Test("Jasmin Paris 2024: the finish's sources (finishes.csv); the time cites none, so it rests on them")
    func paris2024() throws {
        let sources = try history.sources(forEntryOf: "Jasmin Paris", year: 2024)
        #expect(sources.runner == "Jasmin Paris")
        #expect(sources.entryCitedDirectly)
        #expect(Set(sources.entry.map(\.citation)) == [
            "https://irunfar.com/2024-barkley-marathons-results",
            "https://www.sportskeeda.com/us/olympics/news-barkley-marathon-2024-results-jasmin-paris-becomes-first-woman-finish-race-ukrainian-canadian-ihor-verys-clocks-fastest-time",
            "https://tri-today.com/2024/03/magnificent-denouement-barkley-marathons-five-runners-cross-finish-line-including-first-woman/",
            "https://sportswirewomen.com/self-confidence-an-interview-with-jasmin-paris-about-her-2024-barkley-marathons-finish-2/",
            "https://inspirationwebs.com/?p=7015",
        ])
        #expect(sources.times.map { "\($0.loop) \($0.time) \($0.citedDirectly)" } == ["5 59:58:21 false"])
        #expect(sources.times.first?.sources == sources.entry)
        #expect(sources.edition.contains { $0.citation == "https://irunfar.com/2024-barkley-marathons-results" })
    }

    @Test("Ihor Verys 2024, loop 3: cited directly by the seven sources of loop_splits.csv")
    func verysLoop3() throws {
        let sources = try history.sources(forEntryOf: "ihor verys", year: 2024)
        let loop3 = try #require(sources.times.first { $0.loop == 3 })
        #expect(loop3.citedDirectly)
        #expect(Set(loop3.sources.map(\.citation)) == [
            "https://eoinkeith.wordpress.com/2024/03/21/barkley-marathons-2024-loop-3-rush-hour/",
            "https://run247.com/running-news/trail/barkley-marathons-2024-records",
            "https://run247.com/running-news/trail/barkley-marathons-2024-loop-four-report",
            "https://inspirationwebs.com/how-many-barkley-marathons-finishers-will-we-see-in-2024",
            "https://irunfar.com/2024-barkley-marathons-results",
            "https://www.sportskeeda.com/us/olympics/news-barkley-marathon-2024-results-jasmin-paris-becomes-first-woman-finish-race-ukrainian-canadian-ihor-verys-clocks-fastest-time",
            "https://www.sportskeeda.com/us/olympics/barkley-marathon-2024-everything-one-hardest-ultramarathon-race-17-people-ever-finished",
        ])
    }

    @Test("an edition's sources: 2002, not held (editions.csv)")
    func edition2002() throws {
        let sources = try history.sources(forEdition: 2002)
        #expect(Set(sources.all.map(\.citation)) == [
            "https://www.mattmahoney.net/barkley/12mahoney.txt",
            "https://runningmagazine.ca/trail-running/barkley-marathons-brief-timeline/",
        ])
        #expect(sources.cited.count == 2)
    }

    @Test("no entry that year, or no such runner, is an error")
    func errors() throws {
        #expect(throws: QueryError.noEntry(runner: "Jasmin Paris", year: 2021)) {
            try history.sources(forEntryOf: "Jasmin Paris", year: 2021)
        }
        #expect(throws: QueryError.self) { try history.sources(forEntryOf: "Nobody At All", year: 2024) }
    }
}
