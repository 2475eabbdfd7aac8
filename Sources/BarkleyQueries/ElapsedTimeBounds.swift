extension ElapsedTime {
    /// The seconds this time can be: one second for a time to the second, the 60 seconds of its
    /// minute (`8:02:--` is 8:02:00 to 8:02:59) for a time known only to the minute.
    public var possibleSeconds: ClosedRange<Int> { seconds...(seconds + (isApproximate ? 59 : 0)) }

    /// The least and the most `self − other` can be, in seconds: a single value when both are
    /// to the second; `8:02:--` − `7:58:58` is 182...241 (0:03:02 to 0:04:01), where subtracting
    /// the stored seconds and reading the result to the minute would say 0:03.
    public func differenceBounds(minus other: ElapsedTime) -> ClosedRange<Int> {
        let mine = possibleSeconds, theirs = other.possibleSeconds
        return (mine.lowerBound - theirs.upperBound)...(mine.upperBound - theirs.lowerBound)
    }
}
