@testable import BarkleyQueries
import Testing

/// Loop counts, checked against the notes of editions.csv (starters, "N finished loop 1",
/// "N started loop 4"…) and what they imply with the finishes.
@Suite("Attrition")
struct AttritionTests {
    let history: History
    init() throws { history = try realHistory() }

    func describe(_ loop: LoopAttrition) -> String {
        "\(loop.loop): \(loop.started.map(String.init) ?? "?")/\(loop.completed.map(String.init) ?? "?")"
    }

    @Test("2012: 34 of 41 finished loop 1; five started loop 4, three started loop 5 and all three finished")
    func edition2012() throws {
        let attrition = try history.attrition(year: 2012)
        #expect(attrition.loops.map(describe) == ["1: 41/34", "2: ?/?", "3: ?/?", "4: 5/?", "5: 3/3"])
        #expect(attrition.loops[4].completedIsDeduced)
        #expect(!attrition.loops[4].startedIsDeduced)
        #expect(attrition.loops[4].namedCompleted == 3)
    }

    @Test("2014: Campbell the only runner past 60 miles, and the only finisher")
    func edition2014() throws {
        // editions.csv: 40 starters; loop 4 started by 1 ("only runner past 60 miles"), who finished.
        #expect(try history.attrition(year: 2014).loops.map(describe) == ["1: 40/?", "2: ?/?", "3: ?/?", "4: 1/1", "5: 1/1"])
    }

    @Test("2021: no one started loop 4, so no one started or completed loop 5")
    func edition2021() throws {
        // Canadian Running: 14 went on to loop 2, only Campbell and Nelson made the 26:40 cutoff.
        #expect(try history.attrition(year: 2021).loops.map(describe) == ["1: ?/16", "2: 14/2", "3: 2/2", "4: 0/0", "5: 0/0"])
    }

    @Test("a year not held has no loops")
    func notHeld() throws {
        let attrition = try history.attrition(year: 2020)
        #expect(!attrition.held)
        #expect(attrition.loops.isEmpty)
    }

    @Test("across history, summed over editions where both counts are known")
    func acrossHistory() throws {
        let history = try history.attritionAcrossHistory()
        #expect(history.loops.map(\.loop) == [1, 2, 3, 4, 5])
        // Loop 1: 1987 16/3 (cactustoclouds), 1995 39/34, 1998 35/28 (Mahoney), 2006 33/22,
        // 2012 41/34, 2019 40/28, 2022 40/30, 2025 40/10 (editions.csv); 2015 40/24 (Youngren:
        // "19th of 24 (40 starters)"); 2016 40/28, 2017 40/26, 2018 40/26 (cactustoclouds).
        #expect(history.loops[0].years == [1987, 1995, 1998, 2006, 2012, 2015, 2016, 2017, 2018, 2019, 2022, 2025])
        #expect([history.loops[0].started, history.loops[0].completed] == [444, 293])
        // Loop 2: 1987 2/0 (both off course), 1998 23/13; 2016 25/8, 2017 24/8, 2018 20/5
        // (cactustoclouds, outofshape), 2021 14/2 (Canadian Running), 2022 27/6 (Canadian Running,
        // ultrarunninghistory).
        #expect(history.loops[1].years == [1987, 1998, 2016, 2017, 2018, 2021, 2022])
        #expect([history.loops[1].started, history.loops[1].completed] == [135, 42])
        // Loop 3: 1986 and 1987 0/0 (no loop 2 counted: Douglas 1986, Pilon and Possert 1987 off
        // course), 1988 2/1 (Furtaw; Possert disqualified), 1998 7/5; 2016 7/3, 2017 7/6, 2018
        // 5/1, 2019 6/6, 2021 2/2, 2025 3/1 (xc-run, Outside).
        #expect(history.loops[2].years == [1986, 1987, 1988, 1998, 2016, 2017, 2018, 2019, 2021, 2025])
        #expect([history.loops[2].started, history.loops[2].completed] == [39, 25])
        // Loop 4: 1998 1/0 (Horton), 2000 2/1 (Tilden, Wood), 2014 1/1, 2016 3/3 (Campbell
        // finished, Robbins and Kelly completed 4 loops), 2017 2/2, 2019 2/0 (Sabbe and Hamilton),
        // 2021 0/0, 2022 2/0 (Sabbe and Hamilton again), 2024 10/7 (run247).
        #expect(history.loops[3].years == [1998, 2000, 2014, 2016, 2017, 2019, 2021, 2022, 2024])
        #expect([history.loops[3].started, history.loops[3].completed] == [23, 14])
        // Loop 5: 1998 0/0, 2000 1/0 (Wood), 2011 1/1 (Maune; guerra), 2012 3/3, 2014 1/1, 2016 3/1, 2017 2/1 (Robbins late
        // and off course), 2019, 2021 and 2022 0/0, 2023 4/3, 2024 7/5.
        #expect(history.loops[4].years == [1998, 2000, 2011, 2012, 2014, 2016, 2017, 2019, 2021, 2022, 2023, 2024])
        #expect([history.loops[4].started, history.loops[4].completed] == [22, 15])
        #expect(history.loops[0].unknownYears.contains(1986))  // 13 started; how many completed loop 1 is unknown
        #expect(!history.loops[0].unknownYears.contains(2002))
    }
}
