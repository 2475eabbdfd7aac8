import CSV
import Foundation

/// Renders one table of a ``Report`` as CSV (RFC 4180 quoting, `\n` line ends), written by the
/// CSV.swift library: a header row, then one row per table row; an unknown value is an empty field.
///
/// CSV holds one table, so the report chooses it (``Report/csvTable``): for `edition`, the
/// entrants. A report without one gives its facts as `field,value` rows.
struct CSVRenderer {
    func render(_ report: Report) throws -> String {
        let table = report.csvTable.map { report.tables[$0] }
            ?? Table(columns: ["field", "value"], rows: report.facts.map { [.text($0.label), $0.value] })
        let writer = try CSVWriter(stream: .toMemory())
        try writer.write(row: table.columns.map(\.name))
        for row in table.rows {
            try writer.write(row: row.map { $0.text(unknown: "") })
        }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
