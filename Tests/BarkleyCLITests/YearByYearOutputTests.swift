import Foundation
import Testing

/// Golden output of the year-by-year commands and options on the built-in archive, in every
/// format: `editions` (and `--sort`, `--summary`), `edition YEAR --splits`, `--loops` on the
/// counting commands, `records --progression`, and the terminal charts.
@Suite struct YearByYearOutputTests {
    static let formats = ReadingOutputTests.formats

    static func check(_ arguments: [String], format: String, golden name: String) throws {
        let result = try BarkleyBinary.run(arguments + ["--format", format])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        try Golden.check(result.stdout, matches: "\(name).\(ReadingOutputTests.fileExtension(format))")
    }

    @Test(arguments: formats.map(\.name))
    func editions(format: String) throws {
        try Self.check(["editions"], format: format, golden: "editions")
    }

    @Test(arguments: formats.map(\.name))
    func editionsSortedByStarters(format: String) throws {
        try Self.check(["editions", "--sort", "starters"], format: format, golden: "editions-by-starters")
    }

    @Test(arguments: formats.map(\.name))
    func editionsSummary(format: String) throws {
        try Self.check(["editions", "--summary"], format: format, golden: "editions-summary")
    }

    @Test(arguments: formats.map(\.name))
    func splits2024(format: String) throws {
        try Self.check(["edition", "2024", "--splits"], format: format, golden: "edition-2024-splits")
    }

    @Test(arguments: formats.map(\.name))
    func countriesOfTheHundredMiles(format: String) throws {
        try Self.check(["countries", "--loops", "5"], format: format, golden: "countries-5-loops")
    }

    @Test(arguments: formats.map(\.name))
    func mostFinishesOfTheHundredMiles(format: String) throws {
        try Self.check(["most", "finishes", "--loops", "5"], format: format, golden: "most-finishes-5-loops")
    }

    @Test(arguments: formats.map(\.name))
    func finishersOfTheHundredMiles(format: String) throws {
        try Self.check(["finishers", "--loops", "5"], format: format, golden: "finishers-5-loops")
    }

    @Test(arguments: formats.map(\.name))
    func firstsOfTheHundredMiles(format: String) throws {
        try Self.check(["firsts", "--loops", "5"], format: format, golden: "firsts-5-loops")
    }

    @Test(arguments: formats.map(\.name))
    func recordsProgression(format: String) throws {
        try Self.check(["records", "--progression"], format: format, golden: "records-progression")
    }

    /// `--chart` draws what a terminal would get (COLUMNS=80); the other formats never carry it.
    @Test(arguments: [["attrition", "2012"], ["attrition", "1990"], ["attrition"], ["editions"]])
    func charts(arguments: [String]) throws {
        let result = try BarkleyBinary.run(arguments + ["--chart"])
        #expect(result.status == 0, "\(result)")
        try Golden.check(result.stdout, matches: (arguments + ["chart"]).joined(separator: "-") + ".txt")
        for format in ["csv", "json", "markdown"] {
            let charted = try BarkleyBinary.run(arguments + ["--chart", "--format", format])
            let plain = try BarkleyBinary.run(arguments + ["--format", format])
            #expect(charted.stdout == plain.stdout, "\(format) carries no chart")
        }
    }

    @Test("into a pipe, or with --no-chart, the table has no chart")
    func noChartUnlessAsked() throws {
        let piped = try BarkleyBinary.run(["attrition", "2012"])
        let off = try BarkleyBinary.run(["attrition", "2012", "--no-chart"])
        #expect(piped.stdout == off.stdout)
        #expect(!piped.stdout.contains("█") && !piped.stdout.contains("╌"))
        let charted = try BarkleyBinary.run(["attrition", "2012", "--chart"])
        #expect(charted.stdout.hasPrefix(piped.stdout.trimmingCharacters(in: .newlines)))
        #expect(charted.stdout.contains("█"))
    }

    @Test("an unknown count is drawn apart from zero")
    func unknownIsNotZero() throws {
        // 1990: starters unknown; 2025: 40 starters, 0 finishers.
        let chart = try BarkleyBinary.run(["editions", "--chart"]).stdout
        let line1990 = try #require(chart.split(separator: "\n").first { $0.hasPrefix("1990  ") && $0.contains("started") })
        #expect(line1990.contains("╌╌╌?"))
        let line2002 = try #require(chart.split(separator: "\n").first { $0.hasPrefix("2002  ") && $0.contains("not held") })
        #expect(!line2002.contains("╌") && !line2002.contains("█"))
    }

    @Test("--loops needs a positive count; editions --loops needs --summary; finishers --loops excludes --year")
    func badLoops() throws {
        for arguments in [["countries", "--loops", "0"], ["most", "starts", "--loops", "-1"], ["finishers", "--loops", "0"],
                          ["editions", "--loops", "5"], ["finishers", "--year", "2024", "--loops", "5"],
                          ["editions", "--sort", "fastest"]] {
            let result = try BarkleyBinary.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result)")
            #expect(result.stdout.isEmpty)
        }
    }
}
