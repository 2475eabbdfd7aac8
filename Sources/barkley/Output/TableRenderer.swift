import Foundation
import BarkleyPresentation

/// Renders a ``Report`` for a terminal: facts as aligned label–value lines, tables with
/// columns aligned by display width, numbers on the right. Text is escaped first
/// (``Report/sanitized()``), so a value can neither break a row nor reach the terminal raw.
///
/// With a `width` (the terminal's, see ``TerminalWidth``) every line fits it: prose (titles,
/// facts' values, notes, the footer) wraps at word boundaries, and a table's text columns wrap
/// inside their cells (``TableLayout``); numbers and times are never broken. Without one, no
/// line is wrapped. Time and memory grow linearly with the cells' total length: the last
/// column is never padded, and each cell is measured once.
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
    /// The columns each line may take; nil for no limit.
    var width: Int?

    func render(_ report: Report) -> String {
        let report = report.sanitized(keepingLineBreaks: true)
        var blocks: [[String]] = []
        if let title = report.title { blocks.append(prose(title).map(emphasized)) }
        if !report.facts.isEmpty { blocks.append(facts(report.facts, unknown: report.unknownText)) }
        for table in report.tables { blocks.append(lines(of: table, unknown: report.unknownText)) }
        for chart in report.charts { blocks.append(chart.lines(width: BarChart.terminalWidth)) }
        for section in report.sections {
            blocks.append(prose(section.title).map(emphasized) + (section.isList ? prose(section.text, hanging: 2) : prose(reflowed(section.text))))
        }
        if let footer = report.footer { blocks.append(prose(footer)) }
        return blocks.map { $0.map(Self.trimmingTrailingSpaces).joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    /// Notes as edition files hold them are hard-wrapped near 90 columns: when a line is wider
    /// than the width, each paragraph (``Presentation/paragraphs(_:)``) is joined into one line before
    /// wrapping, so a narrow terminal does not get a short line after every long one.
    private func reflowed(_ text: String) -> String {
        guard let width, text.split(separator: "\n").contains(where: { String($0).displayWidth > width }) else { return text }
        return Presentation.paragraphs(text).joined(separator: "\n\n")
    }

    /// Lines of prose, wrapped at word boundaries when there is a width.
    private func prose(_ text: String, hanging: Int = 0) -> [String] {
        TextWrap.prose(text, width: width, hanging: hanging).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private func facts(_ facts: [Report.Fact], unknown: String) -> [String] {
        let labelWidth = facts.map { $0.label.displayWidth }.max() ?? 0
        let indent = String(repeating: " ", count: labelWidth + 2)
        return facts.flatMap { fact -> [String] in
            let value = fact.value.text(unknown: unknown)
            let valueLines = width.map { TextWrap.lines(value, width: max($0 - labelWidth - 2, TableLayout.floor)) } ?? [value]
            return [fact.label.padded(to: labelWidth, alignment: .left) + "  " + valueLines[0]] + valueLines.dropFirst().map { indent + $0 }
        }
    }

    private func lines(of table: Table, unknown: String) -> [String] {
        var lines: [String] = []
        if let title = table.title { lines += prose(title).map(emphasized) }
        if table.rows.isEmpty, let message = table.emptyMessage {
            return lines + prose(message)
        }
        let count = table.columns.count
        let cells = table.rows.map { row in (0..<count).map { $0 < row.count ? row[$0].text(unknown: unknown) : "" } }
        let grid = TableGrid(columns: table.columns, sample: cells, width: width, bold: bold)
        lines += grid.headerLines()
        for (index, row) in cells.enumerated() { lines += grid.lines(row, first: index == 0) }
        if grid.shortens(cells) {
            lines += [""] + prose("… marks a key or link shortened to fit the terminal; --format csv, json or markdown give it whole.")
        }
        return lines
    }

    private func emphasized(_ text: String) -> String { bold ? Terminal.bold(text) : text }

    fileprivate static func trimmingTrailingSpaces(_ line: String) -> String {
        guard line.utf8.last == UInt8(ascii: " ") else { return line }
        let bytes = line.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: " ") { end = bytes.index(before: end) }
        return String(line[..<end])
    }
}

/// A table's columns laid out once (``TableLayout``), then drawn row by row: the table renderer
/// draws every row of a report through one, and `sql` draws rows as SQLite returns them, after
/// laying out the columns from the first rows (``SQLRowPrinter``).
///
/// A table too wide for the width even with its text columns at their narrowest (a runner's
/// loop times at 60 columns: numbers and times are never broken) is drawn *stacked*: each row as
/// a block of `Heading  value` lines, blocks apart by a blank line, like `psql`'s expanded display.
struct TableGrid {
    let columns: [Column]
    /// Each column's width in terminal columns.
    let widths: [Int]
    let bold: Bool
    /// Whether a cell wider than its column wraps: only when the output has a width.
    let wraps: Bool
    /// Each row drawn as a block of heading–value lines (see above); the width when so.
    let stackedWidth: Int?

    /// Columns fitted to `width` from the cells of `sample` (already text, already escaped).
    init(columns: [Column], sample: [[String]], width: Int?, bold: Bool = false) {
        self.columns = columns
        self.bold = bold
        wraps = width != nil
        let natural = columns.indices.map { index in
            sample.reduce(columns[index].name.displayWidth) { widest, row in index < row.count ? max(widest, Self.widestLine(row[index])) : widest }
        }
        // Only measured when the table may be narrowed: each cell's longest word.
        let cellWords = width == nil ? natural : columns.indices.map { index in
            sample.reduce(0) { longest, row in index < row.count ? max(longest, Self.longestWholeWord(row[index])) : longest }
        }
        let widths = TableLayout.widths(natural: natural, headingWords: columns.map { TextWrap.longestWord($0.name) },
                                        cellWords: cellWords, wraps: columns.map(\.wraps), limit: width)
        self.widths = widths
        let total = widths.reduce(TableLayout.gap * max(0, widths.count - 1), +)
        stackedWidth = width.flatMap { total > $0 ? $0 : nil }
    }

    /// The heading (wrapped like a row) and the line of dashes under it; nothing when stacked.
    func headerLines() -> [String] {
        guard stackedWidth == nil else { return [] }
        let header = lines(columns.map(\.name))
        return header.map { bold ? Terminal.bold(TableRenderer.trimmingTrailingSpaces($0)) : $0 }
            + [widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
    }

    /// One row as one or more lines, trailing spaces trimmed: each text cell wrapped to its
    /// column (when there is a width), the other cells blank below. Stacked, a block of lines
    /// after a blank line (but the `first`).
    func lines(_ values: [String], first: Bool = true) -> [String] {
        if let stackedWidth { return stacked(values, width: stackedWidth, first: first) }
        let count = columns.count
        let wrapped = (0..<count).map { index -> [String] in
            let value = index < values.count ? values[index] : ""
            guard wraps, columns[index].wraps, Self.widestLine(value) > widths[index] else { return Self.splitLines(value) }
            return Self.wrapped(value, width: widths[index], whole: columns[index].keepsWordsWhole)
        }
        let height = wrapped.map(\.count).max() ?? 1
        return (0..<height).map { lineIndex in
            var line = ""
            for index in 0..<count {
                let text = lineIndex < wrapped[index].count ? wrapped[index][lineIndex] : ""
                if index > 0 { line += "  " }
                if index == count - 1 && columns[index].alignment == .left {
                    line += text  // the last column is never padded: nothing follows it
                } else {
                    let padding = String(repeating: " ", count: max(0, widths[index] - text.displayWidth))
                    line += columns[index].alignment == .right ? padding + text : text + padding
                }
            }
            return TableRenderer.trimmingTrailingSpaces(line)
        }
    }

    /// A cell's lines at `width`: wrapped between words; a word too wide broken (a note) or,
    /// in a column that keeps words whole (a key, a URL), shortened with an ellipsis.
    /// A value kept with its line breaks (``Column/keepsLineBreaks``) wraps line by line.
    static func wrapped(_ value: String, width: Int, whole: Bool) -> [String] {
        splitLines(value).flatMap { line -> [String] in
            guard whole else { return TextWrap.lines(line, width: width) }
            return TextWrap.lines(line, width: width, breakingLongWords: false).map { TextWrap.shortened($0, width: width) }
        }
    }

    /// A cell's lines: one unless its column keeps line breaks (a `sql` value with newlines).
    static func splitLines(_ value: String) -> [String] {
        guard value.utf8.contains(0x0A) else { return [value] }
        return value.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The width of a cell's widest line.
    static func widestLine(_ value: String) -> Int {
        splitLines(value).map(\.displayWidth).max() ?? 0
    }

    /// The longest word of a cell, across its lines.
    static func longestWord(_ value: String) -> Int {
        splitLines(value).map(TextWrap.longestWord).max() ?? 0
    }

    /// The longest word of a cell of at most ``TableLayout/wholeWordFloor`` columns, across its lines.
    static func longestWholeWord(_ value: String) -> Int {
        splitLines(value).map { TextWrap.longestWord($0, upTo: TableLayout.wholeWordFloor) }.max() ?? 0
    }

    /// Whether drawing `cells` shortens a key or a URL (see ``wrapped(_:width:whole:)``).
    func shortens(_ cells: [[String]]) -> Bool {
        guard wraps else { return false }
        let limits = stackedWidth.map { width in
            Array(repeating: max(width - (columns.map { $0.name.displayWidth }.max() ?? 0) - TableLayout.gap, TableLayout.floor), count: columns.count)
        } ?? widths
        return columns.indices.contains { index in
            columns[index].keepsWordsWhole && cells.contains { index < $0.count && Self.longestWord($0[index]) > limits[index] }
        }
    }

    /// A row as `Heading  value` lines, values wrapped beside their headings.
    private func stacked(_ values: [String], width: Int, first: Bool) -> [String] {
        let labelWidth = columns.map { $0.name.displayWidth }.max() ?? 0
        let valueWidth = max(width - labelWidth - TableLayout.gap, TableLayout.floor)
        let indent = String(repeating: " ", count: labelWidth + TableLayout.gap)
        var lines = first ? [] : [""]
        for (index, column) in columns.enumerated() {
            let value = index < values.count ? values[index] : ""
            let wrapped = Self.wrapped(value, width: valueWidth, whole: column.keepsWordsWhole)
            let label = column.name.padded(to: labelWidth, alignment: .left)
            lines.append(TableRenderer.trimmingTrailingSpaces((bold ? Terminal.bold(label) : label) + "  " + wrapped[0]))
            lines += wrapped.dropFirst().map { indent + $0 }
        }
        return lines
    }
}
