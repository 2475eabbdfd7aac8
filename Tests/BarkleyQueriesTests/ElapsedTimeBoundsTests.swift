import BarkleyQueries
import Testing

/// A difference of two times, one known only to the minute: exact bounds, never a wrong minute.
@Suite struct ElapsedTimeBoundsTests {
    @Test func aTimeToTheMinuteMinusOneToTheSecondIsARange() {
        let record = ElapsedTime(seconds: 8 * 3600 + 2 * 60, isApproximate: true)   // 8:02:--
        let newRecord = ElapsedTime(seconds: 7 * 3600 + 58 * 60 + 58)                // 7:58:58
        #expect(record.differenceBounds(minus: newRecord) == 182...241)               // 0:03:02 to 0:04:01
        #expect(newRecord.differenceBounds(minus: record) == -241 ... -182)
    }

    @Test func twoTimesToTheSecondDifferByOneValue() {
        #expect(ElapsedTime(seconds: 100).differenceBounds(minus: ElapsedTime(seconds: 40)) == 60...60)
    }

    @Test func twoTimesToTheMinuteDifferByUpToAMinuteEitherWay() {
        let a = ElapsedTime(seconds: 600, isApproximate: true), b = ElapsedTime(seconds: 300, isApproximate: true)
        #expect(a.differenceBounds(minus: b) == 241...359)
        #expect(a.possibleSeconds == 600...659)
    }
}
