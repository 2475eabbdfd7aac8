extension Report {
    /// The report with every piece of text passed through ``TextSanitizer``: the title, facts'
    /// labels and values, tables' titles, column names (a `sql` statement names its own
    /// columns), cells and empty messages, sections (prose: newlines kept) and the footer.
    ///
    /// Each renderer starts here, so no text of a report reaches stdout unescaped, whatever
    /// built it. Sanitizing twice changes nothing: an escape is plain ASCII.
    ///
    /// With `keepingLineBreaks` (the table format, which wraps a cell at its newlines), the cells
    /// of a column that ``Column/keepsLineBreaks`` keep their newlines; everything else is escaped.
    func sanitized(keepingLineBreaks: Bool = false) -> Report {
        var report = self
        report.title = title.map(TextSanitizer.cell)
        report.facts = facts.map { Fact(label: TextSanitizer.cell($0.label), value: $0.value.sanitized()) }
        report.tables = tables.map { Self.sanitized($0, keepingLineBreaks: keepingLineBreaks) }
        report.csvData = csvData.map { Self.sanitized($0, keepingLineBreaks: false) }
        report.sections = sections.map { Section(title: TextSanitizer.cell($0.title), text: TextSanitizer.prose($0.text), isList: $0.isList) }
        report.footer = footer.map(TextSanitizer.cell)
        report.unknownText = TextSanitizer.cell(unknownText)
        return report
    }

    private static func sanitized(_ table: Table, keepingLineBreaks: Bool) -> Table {
        var table = table
        table.title = table.title.map(TextSanitizer.cell)
        table.columns = table.columns.map { column in
            var column = column
            column.name = TextSanitizer.cell(column.name)
            column.key = column.key.map(TextSanitizer.cell)
            return column
        }
        let keeps = table.columns.map { keepingLineBreaks && $0.keepsLineBreaks }
        table.rows = table.rows.map { row in row.enumerated().map { $0 < keeps.count && keeps[$0] ? $1.sanitizedKeepingLineBreaks() : $1.sanitized() } }
        table.emptyMessage = table.emptyMessage.map(TextSanitizer.cell)
        return table
    }
}

extension Cell {
    /// A cell of a column that ``Column/keepsLineBreaks``, for the table format: newlines kept.
    func sanitizedKeepingLineBreaks() -> Cell {
        switch self {
        case .text(let text): .text(TextSanitizer.prose(text))
        case .time(let text, let seconds): .time(TextSanitizer.cell(text), seconds: seconds)
        case .unknown: .unknown
        }
    }

    func sanitized() -> Cell {
        switch self {
        case .text(let text): .text(TextSanitizer.cell(text))
        case .time(let text, let seconds): .time(TextSanitizer.cell(text), seconds: seconds)
        case .unknown: .unknown
        }
    }
}
