/// Wrapped times above the floor: a time no loop count forbids, but that only a spreadsheet's
/// wrap (or a lost "PM") explains.
///
/// A loop-4 time shown modulo 24 hours is 22:00:00 to 24:00:00: above four loops' floor
/// (``RaceFormat/minimumLoopTime`` × 4 = 22:00:00), so the floor lets it through, yet it is an
/// average of under 6 hours a loop, which nobody has run over two loops or more
/// (``RaceFormat/fastestAverageOverLoops``). When such a time, or the part of it since the
/// entrant's previous given loop, is that fast and the time a day (or 12 hours) later fits
/// the format's limits and the loops before it, the later time is the likely one.
extension TimePlausibility {
    /// The message refusing `time` at loop `loop` as a hidden wrap, or nil when it is not one.
    ///
    /// - Parameters:
    ///   - earlier: the entrant's last earlier time that passed, if any.
    ///   - format: the edition's format, whose limits bound the readings.
    static func hiddenWrap(of time: RaceTime, atLoop loop: Int, after earlier: (loop: Int, time: RaceTime)?, format: RaceFormat) -> String? {
        let average = RaceFormat.fastestAverageOverLoops.seconds
        let pace: String
        if loop >= 2, time.seconds < loop * average {
            pace = "\(time) for \(counted(loop, "loop"))"
        } else if let earlier, loop - earlier.loop >= 2, time.seconds - earlier.time.seconds < (loop - earlier.loop) * average {
            let added = RaceTime(seconds: time.seconds - earlier.time.seconds, precision: time.precision)
            pace = "\(added) for loops \(earlier.loop + 1) to \(loop) (after \(earlier.time) at loop \(earlier.loop))"
        } else {
            return nil
        }
        let readings = format.unwrappedReadings(of: time, atLoop: loop, after: earlier)
        let fast = "\(time) at loop \(loop) is \(pace), under \(RaceFormat.fastestAverageOverLoops) a loop, faster than anyone has run "
            + "two loops or more"
        if !readings.isEmpty {
            let list = readings.map(\.description).joined(separator: " or ")
            return fast + "; it looks like a time a spreadsheet wrapped at 24 hours (\(list)?): \(wrapFix)"
        }
        guard let later = format.twelveHourReading(of: time, atLoop: loop, after: earlier) else { return nil }
        return fast + "; it looks like a time 12 hours short (\(later)?), a time of day without its PM: write the elapsed time as H:MM:SS"
    }
}
