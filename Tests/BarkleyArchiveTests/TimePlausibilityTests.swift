import BarkleyArchive
import Foundation
import Testing

/// Times that can only be a mistake are refused, naming the likely cause and the fix; real
/// results (every time in SampleData/) are not.
@Suite("Plausible times for this race")
struct TimePlausibilityTests {
    /// 2023 as a historian might type it; each test changes one time.
    static let edition2023 = """
        year: 2023
        format:
          loops: 5
          time_limit: "60:00:00"
          fun_run_loops: 3
          fun_run_time_limit: "40:00:00"
        entrant_list: partial
        entrants:
        - name: Karel Sabbe
          loops_completed: 5
          times:
          - {loop: 5, elapsed: "59:53:33"}
        - name: Jasmin Paris
          loops_completed: 3
          times:
          - {loop: 3, elapsed: "35:40:46"}
        - name: Aurélien Sanchez
          loops_completed: 5
          times:
          - {loop: 2, elapsed: "20:51:10"}
          - {loop: 4, elapsed: "46:49:02"}
          - {loop: 5, elapsed: "58:23:12"}

        """

    /// The problems importing `text` (with `old` replaced by `new`) reports, dry run and import
    /// alike, or none; the archive is unchanged either way the import fails.
    static func problems(replacing old: String, with new: String, in text: String = edition2023) throws -> [ImportProblem] {
        precondition(text.contains(old), "no \(old) in the fixture")
        let fixture = try TemporaryArchive()
        let url = try fixture.file("2023.yaml", text.replacingOccurrences(of: old, with: new))
        let before = try fixture.snapshot()
        do {
            try fixture.archive.importFiles([url], dryRun: true)
        } catch let dryRun as ImportError {
            let error = try #require(throws: ImportError.self) { try fixture.archive.importFiles([url]) }
            #expect(error.problems == dryRun.problems)
            #expect(try fixture.snapshot() == before)
            return error.problems
        }
        try fixture.archive.importFiles([url])
        return []
    }

    @Test("the fixture itself imports")
    func fixtureImports() throws {
        #expect(try Self.problems(replacing: "year: 2023", with: "year: 2023").isEmpty)
    }

    @Test("a finish time wrapped at 24 hours is refused, naming the wrap, the true time and the fix")
    func wrappedFinish() throws {
        let problems = try Self.problems(replacing: "59:53:33", with: "11:53:33")
        let problem = try #require(problems.first { $0.rule == .implausibleTime })
        #expect(problem.field == "entrants[0].times[0].elapsed")
        #expect(problem.line == Sample.line(of: "11:53:33", in: Self.edition2023.replacingOccurrences(of: "59:53:33", with: "11:53:33")))
        #expect(problem.message.contains("wrapped at 24 hours"))
        #expect(problem.message.contains("59:53:33"))
        #expect(problem.message.contains("[h]:mm:ss"))
    }

    @Test("a wrapped fun-run time is refused too (loop 3 of a 40-hour fun run)")
    func wrappedFunRun() throws {
        let problem = try #require(try Self.problems(replacing: "35:40:46", with: "11:40:46").first)
        #expect(problem.rule == .implausibleTime)
        #expect(problem.message.contains("35:40:46"))
    }

    @Test("a wrapped time that the loop floor cannot see is caught by the loops before it, with the wrap named")
    func wrappedAfterEarlierLoop() throws {
        // 46:49:02 shown modulo 24 hours is 22:49:02, not below four loops' floor (22:00:00), but
        // only 1:57:52 after loop 2.
        let problem = try #require(try Self.problems(replacing: "46:49:02", with: "22:49:02").first)
        #expect(problem.rule == .implausibleTime)
        #expect(problem.field == "entrants[2].times[1].elapsed")
        #expect(problem.message.contains("(46:49:02?)"), "\(problem.message)")
        #expect(problem.message.contains("[h]:mm:ss"))
    }

    @Test("a wrapped time below an earlier loop's time reads as times going back, with the wrap named")
    func wrappedGoingBack() throws {
        let problems = try Self.problems(replacing: "  loops_completed: 3\n  times:\n  - {loop: 3, elapsed: \"35:40:46\"}\n",
                                         with: "  loops_completed: 4\n  times:\n  - {loop: 3, elapsed: \"35:40:46\"}\n  - {loop: 4, elapsed: \"23:10:00\"}\n")
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.rule == .timesNotIncreasing)
        #expect(problem.field == "entrants[1].times[1].elapsed")
        #expect(problem.message.contains("(47:10:00?)"), "\(problem.message)")
    }

    @Test("a loop added faster than any loop can be run is refused")
    func loopTooFast() throws {
        let problem = try #require(try Self.problems(replacing: "58:23:12", with: "48:23:12").first)
        #expect(problem.rule == .implausibleTime)
        #expect(problem.field == "entrants[2].times[2].elapsed")
        #expect(problem.message.contains("1:34:10 after 46:49:02"))
    }

    @Test("a cumulative time below the format's floor with no wrap to explain it is called a typo")
    func belowFloorTypo() throws {
        let problem = try #require(try Self.problems(replacing: "59:53:33", with: "25:53:33").first)
        #expect(problem.rule == .implausibleTime)
        #expect(problem.message.contains("27:30:00"))
        #expect(problem.message.contains("typo"))
        #expect(!problem.message.contains("wrapped"))
    }

    @Test("a zero placeholder is refused in the dry run as in the import")
    func zeroPlaceholder() throws {
        let problem = try #require(try Self.problems(replacing: "20:51:10", with: "0:00").first)
        #expect(problem.rule == .invalidValue)
        #expect(problem.field == "entrants[2].times[0].elapsed")
        #expect(problem.message.contains("leave the time out"))
    }

    @Test("a time limit wrapped at 24 hours is refused", arguments: [("time_limit: \"60:00:00\"", "time_limit: \"12:00:00\"", "60:00:00"),
                                                                     ("fun_run_time_limit: \"40:00:00\"", "fun_run_time_limit: \"16:00:00\"", "40:00:00")])
    func wrappedLimit(_ change: (String, String, String)) throws {
        let problem = try #require(try Self.problems(replacing: change.0, with: change.1).first { $0.rule == .implausibleTime })
        #expect(problem.field.hasPrefix("format."))
        #expect(problem.message.contains(change.2))
    }

    @Test("what a spreadsheet makes of a duration is named, with the fix", arguments: [
        ("2.4955", "day fraction", "59:53:31"),
        ("2,4955", "day fraction", "59:53:31"),
        ("45004.7", "date serial", "2023-03-19 16:48"),
        ("1900-01-02 11:53:33", "date and time", "59:53:33"),
        ("1900-01-02T11:53:33", "date and time", "59:53:33"),
        ("1/2/1900 11:53:33", "date and time", "59:53:33"),
        ("11:53:33 AM", "time of day", "[h]:mm:ss"),
    ])
    func spreadsheetShapes(_ shape: (String, String, String)) throws {
        let problem = try #require(try Self.problems(replacing: "\"59:53:33\"", with: "\"\(shape.0)\"").first)
        #expect(problem.rule == .unparsableTime)
        #expect(problem.field == "entrants[0].times[0].elapsed")
        #expect(problem.message.contains(shape.1), "\(problem.message)")
        #expect(problem.message.contains(shape.2), "\(problem.message)")
        #expect(problem.message.contains("[h]:mm:ss"))
    }

    @Test("a spreadsheet of entrants with a wrapped column is refused naming the wrap and the fix")
    func wrappedCSVColumn() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2023.yaml", Self.edition2023)])
        let before = try fixture.snapshot()
        let csv = """
            name,loops_completed,loop_1,loop_2,loop_3,loop_4,loop_5
            Karel Sabbe,5,,,,,59:53:33
            Jasmin Paris,3,,,11:40:46,,
            Aurélien Sanchez,5,,20:51:10,,46:49:02,10:23:12

            """
        let url = try fixture.file("entrants-2023.csv", csv)
        let dryRun = try #require(throws: ImportError.self) { try fixture.archive.importEntrantsCSV(url, year: 2023, dryRun: true) }
        let error = try #require(throws: ImportError.self) { try fixture.archive.importEntrantsCSV(url, year: 2023) }
        #expect(error.problems == dryRun.problems)
        #expect(error.problems.map(\.line) == [3, 4])
        #expect(error.problems.allSatisfy { $0.message.contains("wrapped at 24 hours") && $0.message.contains("[h]:mm:ss") })
        #expect(error.problems[0].message.contains("35:40:46"))
        #expect(error.problems[1].message.contains("58:23:12"))
        #expect(try fixture.snapshot() == before)
    }

    @Test("every real time in SampleData passes; every one wrapped at 24 hours is refused with its true time")
    func realTimesAndTheirWraps() throws {
        var (checked, wrapped, refusedWraps) = (0, 0, 0)
        for url in try SampleDataFiles.urls() {
            let parsed = try EditionFileReader.read(contentsOf: url)
            #expect(EditionValidator.problems(in: parsed).isEmpty, "\(url.lastPathComponent)")
            for (entrantIndex, entrant) in parsed.edition.entrants.enumerated() {
                for (timeIndex, time) in entrant.times.enumerated() {
                    checked += 1
                    guard time.elapsed.seconds >= 24 * 3600 else { continue }
                    var broken = parsed
                    broken.edition.entrants[entrantIndex].times[timeIndex].elapsed =
                        RaceTime(seconds: time.elapsed.seconds % (24 * 3600), precision: time.elapsed.precision)
                    let field = "entrants[\(entrantIndex)].times[\(timeIndex)].elapsed"
                    let problem = EditionValidator.problems(in: broken).first { $0.field == field }
                    wrapped += 1
                    if problem != nil { refusedWraps += 1 }
                    // Every loop: below the floor, or above it but faster than any runner's pace
                    // (a loop-4 time from 46 to 48 hours; see HiddenWrapTests).
                    let message = try #require(problem, "\(url.lastPathComponent) \(entrant.name) loop \(time.loop)").message
                    // A loop run after the limit (unofficial) has no reading inside the format to
                    // offer: refused is enough.
                    if time.unofficial != nil { continue }
                    #expect(message.contains("wrapped at 24 hours") && message.contains(time.elapsed.description), "\(url.lastPathComponent) \(entrant.name): \(message)")
                }
            }
        }
        print("SampleData: \(checked) real times accepted; \(refusedWraps) of their \(wrapped) 24-hour wraps refused")
        #expect(checked > 100 && wrapped > 50)
        #expect(refusedWraps == wrapped)
    }
}
