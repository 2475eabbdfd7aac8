/// Renders one table of a ``Report`` as CSV (RFC 4180 quoting, `\n` line ends, ``CSVLine``): a
/// header row, then one row per table row; an unknown value is an empty field.
///
/// The header holds field names, not headings: the JSON answer's snake_case names
/// (``Column/fieldName``), and a time column (`time`) is followed by its seconds (`time_seconds`),
/// so a data tool can sort and sum times without parsing `H:MM:SS`.
///
/// CSV holds one table, so the report chooses it (``Report/csvTable``): for `edition`, the
/// entrants. A report without one gives its facts as `field,value` rows.
///
/// A spreadsheet runs a cell as a formula when it starts with `=`, `+`, `-` or `@` (and some
/// after a tab or a carriage return), so a name such as `=HYPERLINK("http://evil…")` would run on
/// the reader's machine. Every cell, header included, goes through ``neutralized(_:)``, after the
/// control characters of every output path are escaped (``Report/sanitized()``).
struct CSVRenderer {
    func render(_ report: Report) throws -> String {
        let report = report.sanitized()
        let table = report.csvData ?? report.csvTable.map { report.tables[$0] }
            ?? Table(columns: [Column(name: "field"), Column(name: "value")], rows: report.facts.map { [.text($0.label), $0.value] })
        var text = CSVLine.row(Self.header(table.columns).map(Self.neutralized))
        for row in table.rows {
            text += CSVLine.row(Self.fields(row, columns: table.columns).map { Self.neutralized($0 ?? "") })
        }
        return text
    }

    /// The field names of a table's columns, as its JSON names them (``Column/fieldName``); a
    /// time column is followed by `NAME_seconds`.
    static func header(_ columns: [Column]) -> [String] {
        columns.flatMap { $0.seconds ? [$0.fieldName, $0.fieldName + "_seconds"] : [$0.fieldName] }
    }

    /// One row's fields in ``header(_:)``'s order: nil where the value is unknown (an empty CSV
    /// field, `null` in JSON Lines); a time column's seconds after its text.
    static func fields(_ row: [Cell], columns: [Column]) -> [String?] {
        columns.indices.flatMap { index -> [String?] in
            let cell = index < row.count ? row[index] : .unknown
            let text: String? = cell == .unknown ? nil : cell.text(unknown: "")
            guard columns[index].seconds else { return [text] }
            return [text, cell.seconds.map { String($0) }]
        }
    }

    /// The cell as a spreadsheet should show it: with a leading `'` when it starts with `=`,
    /// `+`, `-`, `@`, a tab or a carriage return, as OWASP's "CSV Injection" page recommends
    /// (the `'` tells Excel, LibreOffice and Google Sheets that the cell is text).
    ///
    /// One exception, decided here: a cell that is a number in full (`-12`, `+3`, `-0.25`,
    /// `-1.5e-05`, as `sql` prints negative numbers) stays as it is. A spreadsheet reads it as
    /// that number and nothing else (a formula needs an operator, a reference or a function
    /// after the sign), and a `'` would turn a column of numbers into text that no longer sorts
    /// or sums. Times are never negative here; a `-` before anything else is neutralized.
    static func neutralized(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, triggers.contains(first) else { return cell }
        if isNumber(cell) { return cell }
        return "'" + cell
    }

    private static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// An optional sign, digits with at most one decimal point, an optional exponent: nothing
    /// else (`[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?`, scanned by hand: a Swift
    /// `Regex` costs milliseconds a cell, and `sql` can print a column of a million numbers).
    static func isNumber(_ cell: String) -> Bool {
        var bytes = cell.utf8[...]
        func digits() -> Int {
            let count = bytes.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        var mantissa = digits()
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}

/// One CSV record (RFC 4180, as CSV.swift's `CSVWriter` writes it): a field is quoted when it
/// holds a quote, a comma, a CR or an LF, with quotes doubled; `\n` ends the record.
///
/// Written here rather than with `CSVWriter`, which the CLI used until an edition of 20,000
/// entrants took a second of CPU in it: it searches each field five times through Foundation's
/// `NSString` and writes a byte at a time to an `OutputStream` (about 50 µs a row). This is one
/// pass over each field's UTF-8; `sql` streams its rows through it too. The archive still reads
/// CSV with the library (``BarkleyArchive/EntrantCSV``).
enum CSVLine {
    static func row(_ fields: [String]) -> String {
        var line = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { line += "," }
            guard field.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: ",") || $0 == 0x0A || $0 == 0x0D }) else {
                line += field
                continue
            }
            // Scalar by scalar: a quote followed by a combining mark is one `Character`, which a
            // search for `"` by characters would miss, leaving it undoubled.
            line += "\""
            for scalar in field.unicodeScalars {
                line.unicodeScalars.append(scalar)
                if scalar == "\"" { line += "\"" }
            }
            line += "\""
        }
        return line + "\n"
    }
}
