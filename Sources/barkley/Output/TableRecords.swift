/// The rows of a report's CSV table (``Report/csvData``, else ``Report/csvTable``) as JSON objects: what `--format jsonl` writes for an answer
/// whose JSON does not hold its rows as one array (``Presentable/jsonLinesRecords``), so that
/// CSV and JSON Lines carry the same rows, under the same field names.
///
/// Each object has the CSV header's fields (``CSVRenderer/header(_:)``; keys sorted, as every JSON Lines line): a number
/// column's whole numbers as numbers, a time as its text and `NAME_seconds`, a column named
/// `is_…` as `true`/`false` from `yes`/`no`, a flag column (``Column/isFlag``) from `true`/`false`, anything else as text; unknown (and an empty cell)
/// as `null`.
enum TableRecords {
    static func records(of report: Report) -> [JSONValue] {
        guard let table = report.csvData ?? report.csvTable.flatMap({ $0 < report.tables.count ? report.tables[$0] : nil }) else { return [] }
        let header = CSVRenderer.header(table.columns)
        return table.rows.map { row in
            var fields: [String: JSONValue] = [:]
            var position = 0
            for (column, cell) in zip(table.columns, table.columns.indices.map { $0 < row.count ? row[$0] : .unknown }) {
                fields[header[position]] = value(cell, in: column)
                position += 1
                if column.seconds {
                    fields[header[position]] = cell.seconds.map(JSONValue.int) ?? .null
                    position += 1
                }
            }
            return .object(fields)
        }
    }

    private static func value(_ cell: Cell, in column: Column) -> JSONValue {
        let text = cell.text(unknown: "")
        guard cell != .unknown, !text.isEmpty else { return .null }
        if column.fieldName.hasPrefix("is_"), text == "yes" || text == "no" { return .bool(text == "yes") }
        if column.isFlag, text == "true" || text == "false" { return .bool(text == "true") }
        if column.alignment == .right, !column.seconds, let number = Int(text) { return .int(number) }
        return .string(text)
    }
}
