import ArgumentParser

/// How a reading command prints its answer: `--format table|csv|json|jsonl|markdown`.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    /// Aligned columns for a terminal (the default); bold headings on a colour terminal.
    case table
    /// One table as CSV, for a spreadsheet; unknown values are empty fields.
    case csv
    /// Everything, with stable field names; unknown values are `null`.
    case json
    /// JSON Lines: one object per line (``JSONLinesRenderer``), written as each is ready.
    case jsonl
    /// GitHub-flavoured Markdown, for notes and issues.
    case markdown

    static var allValueStrings: [String] { allCases.map(\.rawValue) }

    /// The text to print for `value`; colour only when asked for (see ``Terminal/stdoutShowsColour``).
    /// `width` limits the table format's lines (see ``TerminalWidth``); the other formats are never cut.
    func render(_ value: some Presentable, colour: Bool = false, width: Int? = nil) throws -> String {
        switch self {
        case .table: TableRenderer(bold: colour, width: width).render(value.terminalReport)
        case .csv: try CSVRenderer().render(value.report)
        case .json: try JSONOutput.render(value.json)
        case .jsonl:
            try {
                var text = ""
                try JSONLinesRenderer.render(value) { text += $0 }
                return text
            }()
        case .markdown: MarkdownRenderer().render(value.report)
        }
    }
}

/// An answer a reading command prints: a ``Report`` for people and a JSON value for programs.
///
/// Each command's answer conforms in the command's file, next to the JSON field names it
/// documents. `json` is any `Encodable`: a ``JSONValue`` built field by field, or a `Codable`
/// result of `BarkleyQueries` as it is, with its snake_case field names. Either way every
/// documented field is present and unknown is `null` (see ``JSONValue/init(encoding:)``).
protocol Presentable {
    associatedtype JSON: Encodable
    var report: Report { get }
    var json: JSON { get }
    /// The records `--format jsonl` writes, when not those ``JSONLinesRenderer`` finds in
    /// `json`: nil (the default) for those; ``TableRecords/records(of:)`` for the CSV table's rows.
    var jsonLinesRecords: [JSONValue]? { get }
    /// The report as the table format draws it, for a terminal's width: `report` (the
    /// default), or a layout of the same facts that reads better in few columns (`disputes`
    /// gives its long notes as numbered footnotes under the table, not as a narrow column).
    var terminalReport: Report { get }
}

extension Presentable {
    var jsonLinesRecords: [JSONValue]? { nil }
    var terminalReport: Report { report }
}
