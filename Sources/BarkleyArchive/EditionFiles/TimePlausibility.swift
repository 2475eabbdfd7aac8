import Foundation

/// Loop times and limits that can only be a mistake, refused with the likely cause named.
///
/// The bounds are the format's (``RaceFormat/minimumLoopTime``, the edition's time limit); this
/// type only applies them. What it catches: a zero placeholder, a cumulative time faster than
/// the loops allow, times that go backwards, a loop added faster than any loop can be run, and
/// the shapes a spreadsheet gives a duration it has misread (a 24-hour wrap, a day fraction, a
/// date). The same rules run for YAML files and CSV spreadsheets, and `barkley check` runs them
/// on stored editions.
enum TimePlausibility {
    /// Reports a problem: rule, field path, message.
    typealias Report = (ImportProblem.Rule, String, String) -> Void

    /// The fix for a duration column a spreadsheet shows modulo 24 hours.
    static let wrapFix = "format the column as [h]:mm:ss (not h:mm:ss) and save it again"

    /// Checks an entrant's cumulative times, in the order written, against `format`.
    ///
    /// Each time is compared with the last earlier time that passed, so one bad time is reported
    /// once and does not make the times after it look wrong.
    static func checkTimes(of entrant: Entrant, path: String, format: RaceFormat, report: Report) {
        var previous: (loop: Int, time: RaceTime)?
        for (index, loopTime) in entrant.times.enumerated() {
            var field: String { "\(path).times[\(index)].elapsed" }  // built only for a message
            let time = loopTime.elapsed, loop = loopTime.loop
            guard time.seconds > 0 else {
                report(.invalidValue, field, "\(time) is not a loop time (a placeholder?): leave the time out when it is unknown")
                continue
            }
            let fastest = RaceFormat.fastestPossible(atLoop: loop)
            let earlier = previous.flatMap { $0.loop < loop ? $0 : nil }
            if time < fastest {
                report(.implausibleTime, field, "\(time) at loop \(loop) is faster than \(loopsText(loop)) can be run (at least \(fastest), "
                       + "\(RaceFormat.minimumLoopTime) a loop)" + likelyCause(format.unwrappedReadings(of: time, atLoop: loop, after: earlier)))
                continue
            }
            guard let earlier else {
                if let wrap = hiddenWrap(of: time, atLoop: loop, after: nil, format: format) {
                    report(.implausibleTime, field, wrap)
                    continue
                }
                // Loops out of order are the validator's to report; compare from here on.
                previous = (loop, time)
                continue
            }
            if time <= earlier.time {
                report(.timesNotIncreasing, field, "\(time) at loop \(loop) is not after \(earlier.time) at loop \(earlier.loop)"
                       + likelyCause(of: time, atLoop: loop, after: earlier, format: format))
                continue
            }
            let gap = loop - earlier.loop
            let least = RaceFormat.fastestPossible(atLoop: gap)
            if time.seconds - earlier.time.seconds < least.seconds {
                let added = RaceTime(seconds: time.seconds - earlier.time.seconds, precision: time.precision)
                report(.implausibleTime, field, "\(time) at loop \(loop) is only \(added) after \(earlier.time) at loop \(earlier.loop); "
                       + "\(loopsText(gap)) take at least \(least)" + likelyCause(of: time, atLoop: loop, after: earlier, format: format))
                continue
            }
            if let wrap = hiddenWrap(of: time, atLoop: loop, after: earlier, format: format) {
                report(.implausibleTime, field, wrap)
                continue
            }
            previous = (loop, time)
        }
    }

    /// Checks the format's own times: its limits and cutoffs are not zero, and not faster than
    /// their loops can be run (a limit typed into a spreadsheet wraps like any duration).
    static func checkFormat(_ format: RaceFormat, report: Report) {
        func check(_ limit: RaceTime?, loops: Int?, field: String, what: String) {
            guard let limit else { return }
            guard limit.seconds > 0 else {
                report(.invalidValue, field, "\(limit) is not a \(what): leave it out when it is unknown")
                return
            }
            guard let loops, limit < RaceFormat.fastestPossible(atLoop: loops) else { return }
            report(.implausibleTime, field, "a \(what) of \(limit) for \(loopsText(loops)) is less than they can be run in "
                   + "(at least \(RaceFormat.fastestPossible(atLoop: loops)))" + likelyCause(RaceFormat().unwrappedReadings(of: limit, atLoop: loops)))
        }
        check(format.timeLimit, loops: format.loops, field: "format.time_limit", what: "time limit")
        check(format.funRunTimeLimit, loops: format.funRunLoops, field: "format.fun_run_time_limit", what: "fun-run time limit")
        for (loop, cutoff) in format.cutoffs.sorted(by: { $0.key < $1.key }) {
            check(cutoff, loops: loop, field: "format.cutoffs", what: "cutoff for loop \(loop)")
        }
    }

    /// "1 loop", "3 loops".
    private static func loopsText(_ loops: Int) -> String { loops == 1 ? "1 loop" : "\(loops) loops" }

    /// The likely cause of a time out of step with the entrant's earlier loop: a 24-hour wrap
    /// when a reading a day (or days) later fits the format, else a 12-hour clock when one 12
    /// hours later does, else a typo. (A time below the floor alone is only ever called a wrap
    /// or a typo: with nothing to compare it with, 12 hours later is a guess.)
    static func likelyCause(of time: RaceTime, atLoop loop: Int, after earlier: (loop: Int, time: RaceTime)?, format: RaceFormat) -> String {
        let readings = format.unwrappedReadings(of: time, atLoop: loop, after: earlier)
        guard readings.isEmpty, let later = format.twelveHourReading(of: time, atLoop: loop, after: earlier) else { return likelyCause(readings) }
        // A day later may be the truth too, over the limit (Hunt 1999: three loops in 47:48, a
        // wrap to 23:48 reads as 35:48 first): name it beside the 12-hour reading.
        let dayLater = RaceTime(seconds: time.seconds + 24 * 3600, precision: time.precision)
        let orWrapped = earlier.map { dayLater > $0.time } ?? true
            ? " — or 24 hours short (\(dayLater)?), a spreadsheet's duration wrapped at 24 hours" : ""
        return "; it looks like a time 12 hours short (\(later)?), a time of day without its PM\(orWrapped): write the elapsed time as H:MM:SS"
    }

    /// The likely cause of an impossible time: a 24-hour wrap when `readings` (the times it
    /// could have been) has any, else a typo.
    private static func likelyCause(_ readings: [RaceTime]) -> String {
        guard !readings.isEmpty else { return "; a typo?" }
        let list = readings.map(\.description).joined(separator: " or ")
        return "; it looks like a time a spreadsheet wrapped at 24 hours (\(list)?): \(wrapFix)"
    }

    /// Why `text` is not a time, naming what it looks like when a spreadsheet made it:
    /// a day fraction (`2.499`: 59:58:34), a date serial number (`45371.5`), a date and time
    /// (`1900-01-02 11:58:21`, how Excel shows 59:58:21 in a date format) or a 12-hour clock.
    static func notATime(_ text: String) -> String {
        let plain = "'\(text)' is not a time: write H:MM:SS (or H:MM when known only to the minute)"
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let number = spreadsheetNumber(trimmed) {
            if number >= 367 {
                // Excel's serial dates count days from 1899-12-30 (for any date after February 1900).
                let date = Date(timeIntervalSince1970: (number - 25569) * 86400)
                let format = DateFormatter()
                format.locale = Locale(identifier: "en_US_POSIX")
                format.timeZone = TimeZone(identifier: "UTC")
                format.dateFormat = "yyyy-MM-dd HH:mm"
                return "'\(text)' looks like a spreadsheet's date serial number (\(format.string(from: date))), not a duration: \(wrapFix)"
            }
            if number < 4, trimmed.contains(where: { $0 == "." || $0 == "," }) {
                let seconds = Int((number * 86400).rounded())
                return "'\(text)' looks like a spreadsheet's day fraction (\(RaceTime(seconds: seconds))), not a duration: \(wrapFix)"
            }
            return plain
        }
        if let reading = spreadsheetDate(trimmed) {
            let excel = reading.map { " (as a duration, \($0)?)" } ?? ""
            return "'\(text)' looks like a date and time a spreadsheet made of a duration\(excel): \(wrapFix)"
        }
        let upper = trimmed.uppercased()
        if upper.hasSuffix("AM") || upper.hasSuffix("PM"), RaceTime(parsing: String(trimmed.dropLast(2)).trimmingCharacters(in: .whitespaces)) != nil {
            return "'\(text)' looks like a time of day, not a duration: \(wrapFix)"
        }
        return plain
    }

    /// `text` as a plain decimal number (a comma or a point before the fraction), or nil.
    private static func spreadsheetNumber(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }),
              text.utf8.filter({ $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }).count <= 1 else { return nil }
        return Double(text.replacingOccurrences(of: ",", with: "."))
    }

    /// Whether `text` is a date with a time (`1900-01-02 11:58:21`, `1900-01-02T11:58`,
    /// `1/2/1900 11:58:21`); the value is the duration it stands for when the date is in Excel's
    /// first days (1900-01-0D is D days; 1899-12-30 and -31 are days 0 and 1 elsewhere), nil
    /// when it cannot be told. Nil for text that is not a date.
    private static func spreadsheetDate(_ text: String) -> RaceTime?? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        guard parts.count >= 2 || text.contains("-") || text.contains("/") else { return nil }
        let datePart = parts[0]
        let separator: Character = datePart.contains("-") ? "-" : "/"
        let fields = datePart.split(separator: separator).map { Int($0) }
        guard fields.count == 3, fields.allSatisfy({ $0 != nil }) else { return nil }
        let numbers = fields.map { $0! }
        // ISO order (year first), or month/day/year as US spreadsheets write it.
        let (year, month, day) = separator == "-" ? (numbers[0], numbers[1], numbers[2]) : (numbers[2], numbers[0], numbers[1])
        let clock = parts.count >= 2 ? RaceTime(parsing: parts[1]) : RaceTime(seconds: 0)
        guard let clock else { return .some(nil) }
        let days: Int
        switch (year, month) {
        case (1900, 1) where day <= 3: days = day
        case (1899, 12) where day == 30 || day == 31: days = day - 30
        default: return .some(nil)
        }
        return .some(RaceTime(seconds: days * 86400 + clock.seconds, precision: clock.precision))
    }
}
