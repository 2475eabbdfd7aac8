extension Report {
    /// The report with every piece of text passed through ``TextSanitizer``: the title, facts'
    /// labels and values, tables' titles, column names (a `sql` statement names its own
    /// columns), cells and empty messages, sections (prose: newlines kept) and the footer.
    ///
    /// Each renderer starts here, so no text of a report reaches stdout unescaped, whatever
    /// built it. Sanitizing twice changes nothing: an escape is plain ASCII.
    func sanitized() -> Report {
        var report = self
        report.title = title.map(TextSanitizer.cell)
        report.facts = facts.map { Fact(label: TextSanitizer.cell($0.label), value: $0.value.sanitized()) }
        report.tables = tables.map(Self.sanitized)
        report.csvData = csvData.map(Self.sanitized)
        report.sections = sections.map { Section(title: TextSanitizer.cell($0.title), text: TextSanitizer.prose($0.text), isList: $0.isList) }
        report.footer = footer.map(TextSanitizer.cell)
        report.unknownText = TextSanitizer.cell(unknownText)
        return report
    }

    private static func sanitized(_ table: Table) -> Table {
        var table = table
        table.title = table.title.map(TextSanitizer.cell)
        table.columns = table.columns.map { column in
            var column = column
            column.name = TextSanitizer.cell(column.name)
            column.key = column.key.map(TextSanitizer.cell)
            return column
        }
        table.rows = table.rows.map { $0.map { $0.sanitized() } }
        table.emptyMessage = table.emptyMessage.map(TextSanitizer.cell)
        return table
    }
}

extension Cell {
    func sanitized() -> Cell {
        switch self {
        case .text(let text): .text(TextSanitizer.cell(text))
        case .time(let text, let seconds): .time(TextSanitizer.cell(text), seconds: seconds)
        case .unknown: .unknown
        }
    }
}
