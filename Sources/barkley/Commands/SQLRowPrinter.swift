import Foundation
import SQLiteLayer

/// Prints the rows of a `sql` statement as SQLite returns them, in every format, so memory stays
/// flat whatever the result's size (3 million rows: see barkley-bench's README).
///
/// - CSV, JSON Lines and JSON write each row as soon as it is read; JSON keeps the statement's
///   column order (a repeated name gets `_2`, `_3`…).
/// - Table and Markdown need every row to align columns, so they hold a bounded buffer: the
///   first ``sampleSize`` rows. A result that ends within it prints exactly as any report does.
///   A longer one is laid out from those rows, then each further row is printed as it is read:
///   a wider text cell there wraps (with a width) or pushes the rest of its row right (without
///   one), and a column is aligned right when every buffered value is a number or NULL.
///   Decided over two passes, which would run the statement twice (twice the time, and a
///   statement with `random()` would lay out other rows than it prints).
struct SQLRowPrinter {
    /// Rows held to lay out a table or a Markdown table.
    static let sampleSize = 1_000

    let format: OutputFormat
    let columns: [String]
    /// The table format's width (``TerminalWidth``); nil for no limit.
    let width: Int?
    let bold: Bool
    /// Writes text already escaped here to stdout (``OutputOptions/write(escaped:)``).
    let write: (String) -> Void

    private var keys: [String] = []
    private var buffer: [[DatabaseValue]] = []
    private var rowCount = 0
    private var grid: TableGrid?
    private var markdownColumns: [Column]?
    private var streamedRows = 0

    init(format: OutputFormat, columns: [String], width: Int?, bold: Bool, write: @escaping (String) -> Void) {
        self.write = write
        self.format = format
        self.columns = columns
        self.width = width
        self.bold = bold
        for column in columns {
            var key = column, suffix = 2
            while keys.contains(key) { key = "\(column)_\(suffix)"; suffix += 1 }
            keys.append(key)
        }
    }

    /// Before the first row: CSV's header.
    mutating func begin() {
        if format == .csv {
            write(CSVLine.row(columns.map { CSVRenderer.neutralized(TextSanitizer.cell($0)) }))
        }
    }

    /// One row, printed now or (table, Markdown) buffered until the layout is known.
    mutating func add(_ values: [DatabaseValue]) {
        defer { rowCount += 1 }
        switch format {
        case .csv:
            write(CSVLine.row(values.map { value in
                value == .null ? "" : CSVRenderer.neutralized(TextSanitizer.cell(SQLAnswer.text(value)))
            }))
        case .jsonl:
            write(TextSanitizer.json("{" + zip(keys, values).map { JSONText.string($0) + ":" + JSONText.value($1) }.joined(separator: ",") + "}") + "\n")
        case .json:
            let fields = zip(keys, values).map { "    " + JSONText.string($0) + " : " + JSONText.value($1) }.joined(separator: ",\n")
            write(TextSanitizer.json((rowCount == 0 ? "[\n" : ",\n") + "  {\n" + fields + "\n  }"))
        case .table, .markdown:
            if grid == nil && markdownColumns == nil {
                buffer.append(values)
                if buffer.count > Self.sampleSize { startStreaming() }
            } else {
                printStreamed(values)
            }
        }
    }

    /// After the last row.
    mutating func end() {
        switch format {
        case .csv, .jsonl: break
        case .json: write(rowCount == 0 ? "[]\n" : "\n]\n")
        case .table, .markdown:
            guard grid == nil && markdownColumns == nil else { return }
            // Everything fitted in the buffer: the same output as any report.
            let answer = SQLAnswer(columns: columns, rows: buffer.map { Row(columnNames: columns, values: $0) })
            write(format == .table ? TableRenderer(bold: bold, width: width).render(answer.report) : MarkdownRenderer().render(answer.report))
            buffer = []
        }
    }

    /// The buffer is full: lay the columns out from it, print it, and print later rows as they come.
    private mutating func startStreaming() {
        let answer = SQLAnswer(columns: columns, rows: buffer.map { Row(columnNames: columns, values: $0) })
        let report = answer.report.sanitized(keepingLineBreaks: format == .table)
        let table = report.tables[0]
        let rows = buffer
        buffer = []
        if format == .table {
            let cells = table.rows.map { $0.map { $0.text(unknown: report.unknownText) } }
            let grid = TableGrid(columns: table.columns, sample: cells, width: width, bold: bold)
            self.grid = grid
            let header = grid.headerLines()
            if !header.isEmpty { write(header.joined(separator: "\n") + "\n") }
        } else {
            markdownColumns = table.columns
            write(MarkdownRenderer.headerLines(table.columns).joined(separator: "\n") + "\n")
        }
        for values in rows { printStreamed(values) }
    }

    private mutating func printStreamed(_ values: [DatabaseValue]) {
        // The table format wraps a value at its newlines (as ``TableGrid`` does for the buffered rows).
        let cells = values.map { value in
            value == .null ? "NULL" : format == .table ? TextSanitizer.prose(SQLAnswer.text(value)) : TextSanitizer.cell(SQLAnswer.text(value))
        }
        if let grid {
            write(grid.lines(cells, first: streamedRows == 0).joined(separator: "\n") + "\n")
            streamedRows += 1
        } else if let markdownColumns {
            write(MarkdownRenderer.rowLine(cells, columns: markdownColumns) + "\n")
        }
    }
}

/// JSON text of SQLite values, written directly (a `JSONEncoder` per value of a 3-million-row
/// result costs more than SQLite's work): the same values as ``SQLAnswer``'s JSON.
extension JSONText {
    static func value(_ value: DatabaseValue) -> String {
        switch value {
        case .null: "null"
        case .integer(let int): String(int)
        case .real(let double): double.isFinite ? number(double) : string(String(double))
        case .text(let text): string(text)
        case .blob: string(SQLAnswer.text(value).dropFirst(2).dropLast().description)
        }
    }
}
