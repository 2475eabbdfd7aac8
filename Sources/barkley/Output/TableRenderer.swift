/// Renders a ``Report`` for a terminal: facts as aligned label–value lines, tables with
/// columns aligned by display width, numbers on the right. Text is escaped first
/// (``Report/sanitized()``), so a value can neither break a row nor reach the terminal raw.
///
/// ```
/// Start         2024-03-20 05:17
///
///  #  Runner      Country
/// --  ----------  -------
///  1  Ihor Verys  CAN
/// ```
struct TableRenderer {
    /// Bold headings, for a terminal that shows colour (see ``Terminal``).
    var bold = false

    func render(_ report: Report) -> String {
        let report = report.sanitized()
        var blocks: [[String]] = []
        if let title = report.title { blocks.append([emphasized(title)]) }
        if !report.facts.isEmpty { blocks.append(facts(report.facts, unknown: report.unknownText)) }
        for table in report.tables { blocks.append(lines(of: table, unknown: report.unknownText)) }
        for chart in report.charts { blocks.append(chart.lines(width: BarChart.terminalWidth)) }
        for section in report.sections {
            blocks.append([emphasized(section.title)] + section.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
        if let footer = report.footer { blocks.append([footer]) }
        return blocks.map { $0.map(trimmingTrailingSpaces).joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    private func facts(_ facts: [Report.Fact], unknown: String) -> [String] {
        let width = facts.map { $0.label.displayWidth }.max() ?? 0
        return facts.map { fact in
            fact.label.padded(to: width, alignment: .left) + "  " + fact.value.text(unknown: unknown)
        }
    }

    private func lines(of table: Table, unknown: String) -> [String] {
        var lines: [String] = []
        if let title = table.title { lines.append(emphasized(title)) }
        if table.rows.isEmpty, let message = table.emptyMessage {
            return lines + [message]
        }
        let cells = table.rows.map { $0.map { $0.text(unknown: unknown) } }
        let widths = table.columns.indices.map { index in
            ([table.columns[index].name] + cells.map { index < $0.count ? $0[index] : "" }).map(\.displayWidth).max() ?? 0
        }
        func line(_ values: [String]) -> String {
            table.columns.indices.map { index in
                (index < values.count ? values[index] : "").padded(to: widths[index], alignment: table.columns[index].alignment)
            }.joined(separator: "  ")
        }
        let header = line(table.columns.map(\.name))
        lines.append(bold ? Terminal.bold(trimmingTrailingSpaces(header)) : header)
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += cells.map(line)
        return lines
    }

    private func emphasized(_ text: String) -> String { bold ? Terminal.bold(text) : text }

    private func trimmingTrailingSpaces(_ line: String) -> String {
        var line = Substring(line)
        while line.last == " " { line = line.dropLast() }
        return String(line)
    }
}
