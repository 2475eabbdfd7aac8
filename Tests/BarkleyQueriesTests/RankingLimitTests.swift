import BarkleyArchive
@testable import BarkleyQueries
import Testing

/// `limit` N of a ranking returns the first N and everyone tied with the N-th, on the real
/// archive's ties: four runners share third place with 6 starts of the 100-mile race (Wood,
/// Satterfield, Thompson, Coury) and seventeen share fourth with one finish (finishes.csv).
@Suite("Rankings keep a tie at the limit whole")
struct RankingLimitTests {
    let history: History
    init() throws { history = try realHistory() }

    @Test("most starts, limit 5: the fifth place cuts a tie of four with 6 starts, so all four are listed")
    func startsTieAcrossTheLimit() throws {
        let ranking = try history.mostStarts(limit: 5)
        #expect(ranking.runners.map { "\($0.rank) \($0.runner) \($0.count)" } == [
            "1 Jared Campbell 7", "1 John Kelly 7",
            "3 Blake Wood 6", "3 DeWayne Satterfield 6", "3 Andrew Thompson 6", "3 Jamil Coury 6",
        ])
        #expect(ranking.limit == 5)
        #expect(ranking.tiedPastLimit == 1)
    }

    @Test("most finishes, limit 4: everyone with Mark Williams's one finish is listed, ranked 4th")
    func finishesTieAcrossTheLimit() throws {
        let every = try history.mostFinishes(limit: nil)
        let ranking = try history.mostFinishes(limit: 4)
        // 26 finishes of the 100-mile race by 20 runners: Campbell 4, Kelly 3, Maune 2, then 17 with one.
        #expect(ranking.runners.count == 20)
        #expect(ranking.tiedPastLimit == 16)
        #expect(ranking.runners.prefix(4).map(\.runner) == ["Jared Campbell", "John Kelly", "Brett Maune", "Mark Williams"])
        #expect(ranking.runners.dropFirst(3).allSatisfy { $0.count == 1 && $0.rank == 4 })
        #expect(ranking.runners == every.runners, "the tie for fourth runs to the last runner")
    }

    @Test("a limit at the end of a tie lists exactly that many and adds nothing")
    func limitAtTheEndOfATie() throws {
        // Brett Maune is alone in third place with 2 finishes (2012, 2014).
        let finishes = try history.mostFinishes(limit: 3)
        #expect(finishes.runners.map(\.runner) == ["Jared Campbell", "John Kelly", "Brett Maune"])
        #expect(finishes.tiedPastLimit == 0)
        // The four with 6 starts end at the sixth place.
        let starts = try history.mostStarts(limit: 6)
        #expect(starts.runners.count == 6)
        #expect(starts.tiedPastLimit == 0)
    }

    @Test("nil lists every runner, ranked over all of them; a limit below 1 lists none")
    func everyoneAndNobody() throws {
        let every = try history.mostFunRuns(limit: nil)
        #expect(every.limit == nil)
        #expect(every.tiedPastLimit == 0)
        #expect(every.runners.count > 10)
        // The ranks of a cut ranking are those of the whole one.
        let cut = try history.mostFunRuns(limit: 3)
        #expect(cut.runners == Array(every.runners.prefix(cut.runners.count)))
        #expect(try history.mostFunRuns(limit: 0).runners.isEmpty)
    }

    @Test("the tie rule on its own: first N, then those tied with the N-th")
    func cutKeepingTies() {
        let counts = [7, 7, 6, 6, 6, 6, 5]
        let cut = counts.cut(keepingTiesAt: 3, tied: ==)
        #expect(cut.elements == [7, 7, 6, 6, 6, 6])
        #expect(cut.pastLimit == 3)
        #expect(counts.cut(keepingTiesAt: 2, tied: ==).elements == [7, 7])
        #expect(counts.cut(keepingTiesAt: 2, tied: ==).pastLimit == 0)
        #expect(counts.cut(keepingTiesAt: 100, tied: ==).elements == counts)
        #expect(counts.cut(keepingTiesAt: nil, tied: ==).elements == counts)
        #expect(counts.cut(keepingTiesAt: -1, tied: ==).elements.isEmpty)
    }
}
