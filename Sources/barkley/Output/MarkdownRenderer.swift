/// Renders a ``Report`` as GitHub-flavoured Markdown: a heading, the facts as a list, each
/// table as a pipe table (numbers aligned right), each section as a titled paragraph.
struct MarkdownRenderer {
    func render(_ report: Report) -> String {
        var blocks: [String] = []
        if let title = report.title { blocks.append("# " + escaped(title)) }
        if !report.facts.isEmpty {
            blocks.append(report.facts.map { "- **\(escaped($0.label)):** \(escaped($0.value.text(unknown: report.unknownText)))" }
                .joined(separator: "\n"))
        }
        for table in report.tables { blocks.append(render(table, unknown: report.unknownText)) }
        for section in report.sections {
            blocks.append("## \(escaped(section.title))\n\n" + TextSanitizer.prose(section.text).replacingOccurrences(of: "<", with: "&lt;"))
        }
        if let footer = report.footer { blocks.append(escaped(footer)) }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func render(_ table: Table, unknown: String) -> String {
        var lines: [String] = []
        if let title = table.title { lines += ["## " + escaped(title), ""] }
        if table.rows.isEmpty, let message = table.emptyMessage { return (lines + [escaped(message)]).joined(separator: "\n") }
        lines.append("| " + table.columns.map { escaped($0.name) }.joined(separator: " | ") + " |")
        lines.append("|" + table.columns.map { $0.alignment == .right ? " ---: |" : " --- |" }.joined())
        for row in table.rows {
            let cells = table.columns.indices.map { index in index < row.count ? escaped(row[index].text(unknown: unknown)) : "" }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// Escapes what would break a table cell or be read as HTML; other text is kept as written
    /// so that names and URLs stay readable in the Markdown source.
    private func escaped(_ text: String) -> String {
        var result = ""
        for character in TextSanitizer.cell(text) {
            switch character {
            case "\\": result += "\\\\"
            case "|": result += "\\|"
            case "<": result += "&lt;"
            default: result.append(character)
            }
        }
        return result
    }
}
