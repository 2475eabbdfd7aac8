import ArgumentParser

/// How a reading command prints its answer: `--format table|csv|json|markdown`.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    /// Aligned columns for a terminal (the default); bold headings on a colour terminal.
    case table
    /// One table as CSV, for a spreadsheet; unknown values are empty fields.
    case csv
    /// Everything, with stable field names; unknown values are `null`.
    case json
    /// GitHub-flavoured Markdown, for notes and issues.
    case markdown

    static var allValueStrings: [String] { allCases.map(\.rawValue) }

    /// The text to print for `value`; colour only when asked for (see ``Terminal/stdoutShowsColour``).
    func render(_ value: some Presentable, colour: Bool = false) throws -> String {
        switch self {
        case .table: TableRenderer(bold: colour).render(value.report)
        case .csv: try CSVRenderer().render(value.report)
        case .json: try JSONOutput.render(JSONValue(encoding: value.json))
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
}
