@testable import BarkleyQueries
import Testing

/// Records, checked against facts.md ("Records") and the times in finishes.csv, fun_runs.csv and
/// loop_splits.csv (editions of 1995 on, the 5-loop race).
@Suite("Records")
struct RecordsTests {
    let records: Records
    init() throws { records = try realHistory().records() }

    @Test("the default compares 5-loop editions")
    func format() { #expect(records.loops == 5) }

    @Test("fastest finish: Brett Maune 52:03:08 (2012), the course record")
    func fastest() {
        #expect(records.fastestFinish.map { "\($0.year) \($0.runner) \(text($0.time))" } == ["2012 Brett Maune 52:03:08"])
    }

    @Test("slowest finish: Jasmin Paris 59:58:21 (2024)")
    func slowest() {
        #expect(records.slowestFinish.map { "\($0.year) \($0.runner) \(text($0.time))" } == ["2024 Jasmin Paris 59:58:21"])
    }

    @Test("smallest margin under the limit: Paris, 99 seconds (60:00:00 − 59:58:21)")
    func margin() {
        #expect(records.smallestMargin.map { "\($0.year) \($0.runner) \($0.marginSeconds ?? -1)" } == ["2024 Jasmin Paris 99"])
    }

    @Test("fastest time to the end of each loop, from loop_splits.csv and the finish and fun-run times")
    func loops() {
        #expect(records.fastestLoops.map { loop in "\(loop.loop) \(loop.time) " + loop.holders.map { "\($0.year) \($0.runner)" }.joined(separator: ", ") } == [
            "1 7:58:58 1999 Randy Isler",
            "2 18:06 1995 Tom Possert, 1995 Heiki Ingstrom",  // level at 40 miles in Mahoney's 1995 table
            "3 28:52 1995 Tom Possert",
            "4 45:06 1995 Mark Williams",
            "5 52:03:08 2012 Brett Maune",
        ])
        #expect(!records.loopCompleteness.isComplete)
    }

    @Test("fastest fun run: Tom Possert 28:52 (1995), the first to finish the 60-mile course")
    func funRun() {
        #expect(records.fastestFunRun.map { "\($0.year) \($0.runner) \(text($0.time))" } == ["1995 Tom Possert 28:52"])
        #expect(records.fastestFunRun.first?.time?.isApproximate == true)
    }

    @Test("the finish records are complete (every finish named and timed); the fun-run record is not")
    func completeness() {
        #expect(records.finishCompleteness.isComplete)
        // Fun runs without a time (fun_runs.csv rows with no time_after_3_loops) or not all named
        // (editions.csv fun_run_completers blank, or above the named ones).
        #expect(records.funRunCompleteness.incompleteYears.contains(1996))  // Williams and Wilson: "about 35 hours"
        #expect(records.funRunCompleteness.incompleteYears.contains(2024))  // 7 stated, 6 named
        #expect(!records.funRunCompleteness.incompleteYears.contains(2019)) // six named, all timed
    }

    @Test("the 3-loop race of 1988 has its own records: Furtaw 32:14:50")
    func threeLoops() throws {
        let records = try realHistory().records(loops: 3)
        #expect(records.fastestFinish.map { "\($0.year) \($0.runner) \(text($0.time))" } == ["1988 Ed Furtaw 32:14:50"])
        #expect(records.smallestMargin.isEmpty)  // no time limit is recorded for 1988
    }
}
