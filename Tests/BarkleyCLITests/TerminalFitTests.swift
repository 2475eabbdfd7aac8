import Foundation
@testable import barkley
import Testing

/// Output that fits the terminal: tables and prose within `COLUMNS` (or the terminal's width),
/// words whole, numbers and times never broken; CSV, JSON and Markdown never cut.
@Suite struct TerminalFitTests {
    /// Every reading command, in table format, as a golden file at 60 columns
    /// (`NAME.w60.txt`); the same commands at 80 columns are the goldens of
    /// `ReadingOutputTests` and `ReadingCommandTests` (the test binary's default `COLUMNS`).
    static let readingCommands: [(name: String, arguments: [String])] = [
        ("overview", ["overview"]),
        ("edition-2024", ["edition", "2024"]),
        ("edition-2001", ["edition", "2001"]),
        ("finishers", ["finishers"]),
        ("finishers-2024", ["finishers", "--year", "2024"]),
        ("fun-runs", ["fun-runs"]),
        ("fun-runs-2024", ["fun-runs", "--year", "2024"]),
        ("runner-jasmin-paris", ["runner", "jasmin paris"]),
        ("search-paris", ["search", "paris"]),
        ("records", ["records"]),
        ("firsts", ["firsts"]),
        ("most-starts", ["most", "starts"]),
        ("attrition", ["attrition"]),
        ("attrition-2012", ["attrition", "2012"]),
        ("countries", ["countries"]),
        ("sources-2024", ["sources", "2024"]),
        ("sources-2024-paris", ["sources", "2024", "--runner", "jasmin paris"]),
        ("sql", ["sql", "SELECT year, notes FROM edition WHERE year IN (1986, 2024) ORDER BY year"]),
        ("editions", ["editions"]),
        ("editions-summary", ["editions", "--summary"]),
        ("edition-2024-splits", ["edition", "2024", "--splits"]),
        ("records-progression", ["records", "--progression"]),
        ("most-finishes-5-loops", ["most", "finishes", "--loops", "5"]),
        ("disputes-sample", ["disputes"]),
        ("edition-2025", ["edition", "2025"]),
        ("edition-2023-splits", ["edition", "2023", "--splits"]),
        ("edition-1988-splits", ["edition", "1988", "--splits"]),
    ]

    @Test(arguments: readingCommands.map(\.name))
    func readingCommandAtSixtyColumns(name: String) throws {
        let arguments = try #require(Self.readingCommands.first { $0.name == name }).arguments
        let result = try BarkleyBinary.run(arguments, environment: ["COLUMNS": "60"])
        #expect(result.status == 0, "\(result)")
        try Golden.check(result.stdout, matches: "\(name).w60.txt")
    }

    /// No word broken or shortened at 60 columns: every word of the narrow answer is a word of
    /// the same answer drawn with no width limit (a name, a key, a word of a note), but for the
    /// dashes under headings and pieces of a word longer than ``TableLayout/wholeWordFloor`` (a
    /// URL, broken after a `/` or shortened around `…`). "Robinso" and "n" on two lines, or
    /// "Chri…ophe", fail here.
    @Test(arguments: readingCommands.map(\.name))
    func noWordBrokenAtSixtyColumns(name: String) throws {
        let arguments = try #require(Self.readingCommands.first { $0.name == name }).arguments
        let narrow = try BarkleyBinary.run(arguments, environment: ["COLUMNS": "60"])
        let whole = try BarkleyBinary.run(arguments, environment: ["COLUMNS": ""])
        #expect(narrow.status == 0 && whole.status == 0, "\(narrow)")
        // The note under a table whose URL was shortened is the one line only a width writes.
        let note = "… marks a key or link shortened to fit the terminal; --format csv, json or markdown give it whole."
        let narrowWords = narrow.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ").replacingOccurrences(of: note, with: "")
        let broken = Self.brokenWords(narrowWords, whole: whole.stdout)
        #expect(broken.isEmpty, "\(name): broken or shortened at 60 columns: \(broken)\n\(narrow.stdout)")
    }

    /// The words of `narrow` that are not words of `whole` (see ``noWordBrokenAtSixtyColumns(name:)``).
    static func brokenWords(_ narrow: String, whole: String) -> [String] {
        let words = Set(whole.split(whereSeparator: \.isWhitespace).map(String.init))
        let long = words.filter { $0.displayWidth > TableLayout.wholeWordFloor }
        return narrow.split(whereSeparator: \.isWhitespace).map(String.init).filter { word in
            if words.contains(word) || word.allSatisfy({ $0 == "-" }) { return false }
            if let ellipsis = word.firstIndex(of: "…") {
                let head = word[..<ellipsis], tail = word[word.index(after: ellipsis)...]
                return !long.contains { $0.hasPrefix(head) && $0.hasSuffix(tail) }
            }
            return !long.contains { $0.contains(word) }
        }
    }

    @Test func brokenWordsAreFound() {
        #expect(Self.brokenWords("Robinso\nn  Chri…ophe  ----", whole: "Robinson Christophe --") == ["Robinso", "n", "Chri…ophe"])
        #expect(Self.brokenWords("Robinson  Christophe", whole: "Christophe Robinson").isEmpty)
    }

    @Test func aColumnIsNeverNarrowerThanItsLongestWord() {
        // Two name columns and a number at 30 columns: the names keep their longest words whole
        // (10 and 9 columns), or the table is stacked; never "Wildebo/er".
        let table = Table(columns: ["Runner", "Partner", .number("Loops")],
                          rows: [["Nicky Spinks-Wildeboer", "Fegyveresi Zoltan", "5"], ["Jo", "Al", "3"]])
        let text = TableRenderer(width: 36).render(Report(tables: [table]))
        #expect(Self.brokenWords(text, whole: TableRenderer().render(Report(tables: [table]))).isEmpty, "\(text)")
        #expect(text.split(separator: "\n").allSatisfy { String($0).displayWidth <= 36 }, "\(text)")
        #expect(text.contains("Loops"), "drawn as a table: \(text)")
        // Narrower than the words allow: stacked, one field a line, words whole.
        let stacked = TableRenderer(width: 27).render(Report(tables: [table]))
        #expect(Self.brokenWords(stacked, whole: TableRenderer().render(Report(tables: [table]))).isEmpty, "\(stacked)")
        #expect(stacked.contains("Partner  Fegyveresi Zoltan"), "\(stacked)")
    }

    /// The width a golden text file was written at: `NAME.wNN.txt` says NN; `NAME.stderr.txt`
    /// none (messages are wrapped only on a terminal, and the tests write stderr to a file); any
    /// other `.txt` was written at the test binary's default, `COLUMNS=80` (see
    /// ``BarkleyBinary/run(_:environment:sourceLocation:)``).
    static func width(ofGolden name: String) -> Int {
        if name.hasSuffix(".stderr.txt") { return .max }
        if let match = name.firstMatch(of: /\.w([0-9]+)\.txt$/), let width = Int(match.output.1) { return width }
        return 80
    }

    @Test func everyGoldenTextFileFitsTheWidthItsNameSays() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Golden.files.directory.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count > 40)
        for name in names {
            let width = Self.width(ofGolden: name)
            let text = try String(contentsOf: Golden.files.directory.appendingPathComponent(name), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                #expect(String(line).displayWidth <= width, "Golden/\(name) line \(number + 1) is \(String(line).displayWidth) columns, wider than \(width): \(line)")
            }
        }
    }

    @Test func csvJSONAndMarkdownAreNeverCut() throws {
        for format in ["csv", "json", "markdown"] {
            let narrow = try BarkleyBinary.run(["sources", "2024", "--format", format], environment: ["COLUMNS": "40"])
            let wide = try BarkleyBinary.run(["sources", "2024", "--format", format], environment: ["COLUMNS": "400"])
            #expect(narrow.status == 0)
            #expect(narrow.stdout == wide.stdout, "\(format) changed with the width")
            #expect(narrow.stdout.contains("ihor-verys-clocks-fastest-time"), "\(format) lost the end of a long citation")
        }
    }

    @Test func noLimitWithoutATerminalOrColumns() throws {
        let result = try BarkleyBinary.run(["sources", "2024"], environment: ["COLUMNS": ""])
        #expect(result.status == 0)
        let longest = result.stdout.split(separator: "\n").map { String($0).displayWidth }.max() ?? 0
        #expect(longest > 150, "output to a file with no COLUMNS is not wrapped")
    }

    @Test func columnsFromTheEnvironment() {
        #expect(TerminalWidth.of(fileDescriptor: -1, environment: ["COLUMNS": "72"]) == 72)
        #expect(TerminalWidth.of(fileDescriptor: -1, environment: ["COLUMNS": "5"]) == TerminalWidth.minimum)
        #expect(TerminalWidth.of(fileDescriptor: -1, environment: ["COLUMNS": "wide"]) == nil)
        #expect(TerminalWidth.of(fileDescriptor: -1, environment: [:]) == nil)
    }

    @Test func proseWrapsAtWordBoundaries() {
        let lines = TextWrap.lines("Five finishers, a record, including the first woman", width: 16)
        #expect(lines == ["Five finishers,", "a record,", "including the", "first woman"])
        #expect(lines.allSatisfy { $0.displayWidth <= 16 })
    }

    @Test func onlyAWordWiderThanTheLineIsBroken() {
        let lines = TextWrap.lines("see https://example.com/a-very-long-path", width: 12)
        #expect(lines.allSatisfy { $0.displayWidth <= 12 })
        #expect(lines.joined() == "seehttps://example.com/a-very-long-path")
        #expect(lines.first == "see")
    }

    @Test func wideCharactersWrapByColumnsNotCharacters() {
        let lines = TextWrap.lines("日本語 日本語 日本語", width: 8)
        #expect(lines == ["日本語", "日本語", "日本語"])
    }

    @Test func textColumnsWrapAndNumbersStayWhole() {
        let table = Table(columns: [.number("#"), "Note", .time("Time")],
                          rows: [["1", "a long note about the loop that does not fit on one line", .time("59:58:21", seconds: 215_901)],
                                 ["2", "short", .time("1:15:01", seconds: 4_501)]])
        let text = TableRenderer(width: 30).render(Report(tables: [table]))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.displayWidth <= 30 }, "\(text)")
        #expect(lines.contains { $0.hasSuffix("59:58:21") })
        #expect(lines.contains { $0.hasSuffix("1:15:01") })
        #expect(!text.contains("Ma\nrgin") && text.contains("Note"))
        // Every word of the note is still there, whole.
        for word in "a long note about the loop that does not fit on one line".split(separator: " ") {
            #expect(lines.contains { $0.split(separator: " ").contains(word) }, "\(word) broken in \(text)")
        }
    }

    @Test func headingsBreakOnlyBetweenWords() {
        let table = Table(columns: ["Runner", .number("Margin"), "Citation"],
                          rows: [["Jasmin Paris", "0:01:39", "https://www.sportskeeda.com/us/olympics/news-barkley-marathon-2024-results"]])
        let text = TableRenderer(width: 40).render(Report(tables: [table]))
        #expect(text.split(separator: "\n").first?.contains("Margin") == true, "\(text)")
        #expect(text.split(separator: "\n").allSatisfy { String($0).displayWidth <= 40 })
    }

    @Test func doubleWidthCellsStayAlignedWhenWrapped() {
        let table = Table(columns: ["Name", .number("Loops")], rows: [["山田 太郎 山田 太郎 山田 太郎", "5"], ["Jo", "3"]])
        let text = TableRenderer(width: 20).render(Report(tables: [table]))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.displayWidth <= 20 }, "\(text)")
        let numbered = lines.filter { $0.hasSuffix("5") || $0.hasSuffix("3") }
        #expect(Set(numbered.map(\.displayWidth)).count == 1, "numbers end in one column: \(text)")
    }

    @Test func factsWrapUnderTheirValue() {
        var report = Report()
        report.facts = [.init(label: "Loop counts", value: "loop 4: 10 started; loop 5: 7 started; loop 6: 2 started")]
        let lines = TableRenderer(width: 32).render(report).split(separator: "\n").map(String.init)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.displayWidth <= 32 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: "Loop counts  ".count)) })
    }

    /// One cell of a megabyte among many short rows: drawn in time linear in the text (the last
    /// column was padded to the widest cell on every row, then trimmed a space at a time).
    @Test func oneVeryLongCellStaysLinear() {
        let long = String(repeating: "x", count: 1_000_000)
        let rows: [[Cell]] = (0..<5_000).map { [.text("\($0)"), .text($0 == 0 ? long : "short")] }
        let clock = ContinuousClock()
        var text = ""
        let elapsed = clock.measure { text = TableRenderer().render(Report(tables: [Table(columns: [.number("#"), "Text"], rows: rows)])) }
        // The cell and the dashes under the heading: about 2 MB; padding each row would be 5 GB.
        #expect(text.utf8.count < 2_200_000, "short rows are not padded to the long cell")
        #expect(elapsed < .seconds(20), "\(elapsed)")
    }
}
