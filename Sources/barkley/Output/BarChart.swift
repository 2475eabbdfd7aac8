import Foundation

/// A horizontal bar chart of counts in Unicode block characters, for a terminal.
///
/// ```
/// 2024  ██░░░░░░░░░░░░░░░░░░  40, 5 finished
/// 1990  ╌╌╌?                  unknown
/// 2025  ░░░░░░░░░░░░░░░░░░░░  40, 0 finished
/// ```
///
/// Each bar is a whole (``Row/value``) and optionally a part of it drawn solid (``Row/part``:
/// finishers among starters). Unknown is drawn apart from zero: a zero draws no bar, an unknown
/// whole draws `╌╌╌?`. Only the table format shows charts (see ``Report/charts``), and only on
/// a terminal unless asked for: CSV, JSON and Markdown never carry them.
struct BarChart {
    var title: String?
    var rows: [Row]
    /// A line under the chart saying what the glyphs mean.
    var legend: String?

    struct Row {
        /// The row's name, left of the bar (a year, `Loop 1 started`); built from numbers and
        /// the CLI's own words, never from archive text.
        var label: String
        /// The whole bar; nil when unknown.
        var value: Int?
        /// The part of ``value`` drawn solid; nil draws the whole bar solid.
        var part: Int?
        /// The words after the bar (`40, 5 finished`).
        var text: String
        /// True when the part is unknown (starters known, finishers not): the whole is drawn
        /// light with ``unknownPart`` after it, never as a part of 0 or a solid bar.
        var partIsUnknown = false
    }

    /// Drawn after a whole whose part is unknown.
    static let unknownPart = "?"

    /// Drawn for an unknown whole, never as an empty bar.
    static let unknownBar = "╌╌╌?"

    /// The chart's lines, with bars scaled so that the longest fits in `width` columns.
    func lines(width: Int) -> [String] {
        let labelWidth = rows.map(\.label.displayWidth).max() ?? 0
        let textWidth = rows.map(\.text.displayWidth).max() ?? 0
        let barWidth = max(10, min(50, width - labelWidth - textWidth - 4))
        let largest = max(1, rows.compactMap(\.value).max() ?? 1)
        var lines: [String] = []
        if let title { lines.append(title) }
        for row in rows {
            let bar = row.partIsUnknown && (row.value ?? 0) > 0
                ? Self.bar(value: row.value, part: 0, largest: largest, width: barWidth) + Self.unknownPart
                : Self.bar(value: row.value, part: row.part, largest: largest, width: barWidth)
            lines.append(row.label.padded(to: labelWidth, alignment: .left) + "  " + bar.padded(to: barWidth, alignment: .left) + "  " + row.text)
        }
        if let legend { lines += Self.wrapped(legend: legend, width: width) }
        return lines
    }

    /// The legend in lines of at most `width` columns, broken only between its items (parts
    /// apart by two spaces, `█ finishers  ░ other starters`), so a glyph stays beside its words.
    static func wrapped(legend: String, width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for item in legend.components(separatedBy: "  ") where !item.isEmpty {
            if line.isEmpty {
                line = item
            } else if line.displayWidth + 2 + item.displayWidth <= width {
                line += "  " + item
            } else {
                lines.append(line)
                line = item
            }
        }
        if !line.isEmpty { lines.append(line) }
        // An item wider than the whole line wraps between its words.
        return lines.flatMap { TextWrap.lines($0, width: width) }
    }

    /// One bar: eighths of a cell when it is all one part, whole cells of solid and light shade
    /// when it has two; a value above zero always draws at least a sliver.
    static func bar(value: Int?, part: Int?, largest: Int, width: Int) -> String {
        guard let value else { return unknownBar }
        guard value > 0 else { return "" }
        guard let part else {
            let eighths = max(1, Int((Double(value) / Double(largest) * Double(width) * 8).rounded()))
            let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
            return String(repeating: "█", count: eighths / 8) + partial
        }
        func cells(_ count: Int) -> Int { count > 0 ? max(1, Int((Double(count) / Double(largest) * Double(width)).rounded())) : 0 }
        let solid = cells(min(part, value))
        return String(repeating: "█", count: solid) + String(repeating: "░", count: max(cells(value) - solid, value > part ? 1 : 0))
    }

    /// The columns to draw in: `COLUMNS` when set to a number, else the terminal's width, else 80.
    static var terminalWidth: Int { Terminal.stdoutWidth ?? 80 }
}
