import ArgumentParser
import BarkleyQueries

extension Barkley {
    /// `barkley search TEXT`: runners by part of a name, or close names.
    struct SearchCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Find runners by part of a name, ignoring case and accents; suggest close names.",
            discussion: """
                Every word must appear in the runner's name or in a spelling a source used, in \
                any order. When nothing matches, runners whose names are a few letters away are \
                suggested. Finding nothing is still an answer: the exit code is 0.

                Examples:
                  barkley search paris
                  barkley search "jasmine pariss" --format json
                """)

        @Argument(help: ArgumentHelp("Words of a name.", valueName: "text"))
        var text: String

        @OptionGroup var history: HistoryOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard !text.allSatisfy(\.isWhitespace) else { throw ValidationError("The search is empty; give part of a name, such as \"paris\".") }
        }

        func run() throws {
            try output.print(SearchAnswer(search: try history.answer { try $0.searchRunners(text) }))
        }
    }
}

/// Runners found by a search.
///
/// JSON (``BarkleyQueries/RunnerSearch``): `query`, `matches` (array of `runner`,
/// `matched_spelling`, `years`), `suggestions` (array of `runner`, `distance`: letters changed;
/// empty when something matched).
struct SearchAnswer: Presentable {
    var search: RunnerSearch

    var report: Report {
        var report = Report(title: "Runners matching '\(search.query)'")
        report.tables.append(Table(
            columns: ["Runner", .text("Matched", key: "matched_spelling"), .number("Starts"), "Years"],
            rows: search.matches.map { match in
                [.text(match.runner), .text(match.matchedSpelling == match.runner ? "" : match.matchedSpelling),
                 .text("\(match.years.count)"), .text(Formatting.years(match.years))]
            },
            emptyMessage: "No runner matches '\(search.query)'."))
        report.csvTable = 0
        // CSV: the JSON's fields and values (`starts` is the count of `years`, which JSON leaves out).
        report.csvData = Table(columns: ["runner", "matched_spelling", "years"], rows: search.matches.map { match in
            [.text(match.runner), .text(match.matchedSpelling), .text(match.years.map(String.init).joined(separator: ";"))]
        })
        if !search.suggestions.isEmpty {
            report.tables.append(Table(title: "Did you mean", columns: ["Runner", .number("Letters off")],
                                       rows: search.suggestions.map { [.text($0.runner), .text("\($0.distance)")] }))
        }
        return report
    }

    var json: RunnerSearch { search }
}
