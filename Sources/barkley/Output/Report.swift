import Foundation

/// What a reading command shows people: a title, labelled facts, tables and notes.
///
/// One report renders as an aligned table, CSV or Markdown (see ``OutputFormat``); the JSON
/// form is built separately (``Presentable/json``) so that its field names stay stable and
/// documented whatever the layout for people becomes.
struct Report {
    /// A heading line, such as `Barkley Marathons 2024`.
    var title: String?
    /// Label and value pairs shown before the tables.
    var facts: [Fact] = []
    var tables: [Table] = []
    /// Bar charts after the tables, in the table format only (see ``BarChart``); empty unless
    /// the command was asked to draw them.
    var charts: [BarChart] = []
    /// Titled blocks of prose after the tables (an edition's notes).
    var sections: [Section] = []
    /// A closing line (a hint to the next command).
    var footer: String?
    /// The table CSV gives: CSV holds one table, so a report names the one a spreadsheet wants.
    /// `nil` gives the facts as `field,value` rows.
    var csvTable: Int?
    /// CSV's table when its values are not the ones people read: the JSON answer's raw values
    /// under its field names (`2022;2023;2024` where the table reads `2022–2024`, `false` where
    /// it reads `no`). nil: ``csvTable``, as shown.
    var csvData: Table?
    /// How an unknown value reads in tables and Markdown; CSV leaves it empty, JSON writes null.
    var unknownText = "unknown"

    struct Fact {
        var label: String
        var value: Cell
    }

    struct Section {
        var title: String
        var text: String
        /// Each line is an item (`Mean winning time: 1986–1994`): the table format wraps each
        /// line on its own, with a hanging indent, and never joins lines into a paragraph as it
        /// does an edition's hard-wrapped notes.
        var isList = false
    }
}

/// One value in a report: text, a time, or a value the sources do not give.
enum Cell: Equatable, ExpressibleByStringLiteral {
    case text(String)
    /// A time as it reads (`59:58:21`, `58:21:--`) and its value in whole seconds, which CSV
    /// and JSON Lines give beside the text (see ``Column/seconds``).
    case time(String, seconds: Int)
    case unknown

    init(stringLiteral value: String) { self = .text(value) }

    /// The text, or `.unknown` for nil: unknown is never shown as 0.
    init(_ value: String?) { self = value.map(Cell.text) ?? .unknown }

    init(_ value: Int?) { self = value.map { .text(String($0)) } ?? .unknown }

    /// A JSON array of numbers or strings as one CSV field: joined with `;` (`2012;2014`), empty
    /// for an empty array.
    static func list(_ items: [some CustomStringConvertible]) -> Cell { .text(items.map(\.description).joined(separator: ";")) }

    func text(unknown: String) -> String {
        switch self {
        case .text(let text), .time(let text, _): text
        case .unknown: unknown
        }
    }

    /// The seconds of a time; nil for text and unknown.
    var seconds: Int? {
        if case .time(_, let seconds) = self { return seconds }
        return nil
    }
}

/// A column of a ``Table``: its heading, how its values line up, and its name for data tools.
struct Column {
    enum Alignment { case left, right }

    var name: String
    var alignment: Alignment = .left
    /// The field name CSV's header and JSON Lines use: the JSON answer's name for the same value
    /// (snake_case). nil derives it from the heading (``fieldName``).
    var key: String?
    /// A column of times: CSV and JSON Lines give each as its `H:MM:SS` text under ``fieldName``
    /// and as whole seconds under `fieldName_seconds` (empty or null when unknown).
    var seconds = false
    /// A column of source keys or citations: its cells wrap between words only, and a word
    /// wider than the column (a URL) is shortened with an ellipsis in the table format, never
    /// broken across lines, where a reader would copy half of it (``TextWrap/shortened(_:width:)``).
    var keepsWordsWhole = false
    /// A column of `true`/`false` (`first_attempt`): JSON Lines writes each as a Boolean.
    var isFlag = false
    /// A column whose values may hold newlines that mean something (a `sql` result's text): the
    /// table format wraps such a cell at its newlines, inside the cell; every other format and
    /// column shows a newline as `\n` (``TextSanitizer/cell(_:)``).
    var keepsLineBreaks = false

    init(name: String, alignment: Alignment = .left, key: String? = nil, seconds: Bool = false) {
        self.name = name
        self.alignment = alignment
        self.key = key
        self.seconds = seconds
    }

    /// A column of source keys or citations (``keepsWordsWhole``).
    static func whole(_ name: String, key: String? = nil) -> Column {
        var column = Column(name: name, key: key)
        column.keepsWordsWhole = true
        return column
    }

    /// A column of `true`/`false` under its JSON field name (``isFlag``).
    static func flag(_ key: String) -> Column {
        var column = Column(name: key, key: key)
        column.isFlag = true
        return column
    }

    /// A column of numbers, aligned right.
    static func number(_ name: String, key: String? = nil) -> Column { Column(name: name, alignment: .right, key: key) }

    /// A column of times, aligned right, with a seconds column beside it in CSV and JSON Lines.
    static func time(_ name: String, key: String? = nil) -> Column { Column(name: name, alignment: .right, key: key, seconds: true) }

    /// A text column whose field name is not its heading's snake_case.
    static func text(_ name: String, key: String) -> Column { Column(name: name, key: key) }

    /// ``key``, or the heading in snake_case: `Last time` → `last_time`, `#` → `position`,
    /// `Completed %` → `completed_percent`.
    var fieldName: String {
        if let key { return key }
        if name == "#" { return "position" }
        var field = "", pendingSeparator = false
        for character in name.replacingOccurrences(of: "%", with: " percent").lowercased() {
            if character.isLetter || character.isNumber {
                if pendingSeparator && !field.isEmpty { field += "_" }
                field.append(character)
                pendingSeparator = false
            } else {
                pendingSeparator = true
            }
        }
        return field.isEmpty ? "column" : field
    }

    /// Whether the table renderer may wrap this column's cells to fit the terminal: text
    /// columns (left-aligned: names, notes, citations) may; numbers and times never break.
    var wraps: Bool { alignment == .left }
}

extension Column: ExpressibleByStringLiteral {
    init(stringLiteral value: String) { self.init(name: value) }
}

/// A header and rows of cells.
struct Table {
    var title: String?
    var columns: [Column]
    var rows: [[Cell]]
    /// Shown instead of an empty table in tables and Markdown (`No finishers.`).
    var emptyMessage: String?

    init(title: String? = nil, columns: [Column], rows: [[Cell]], emptyMessage: String? = nil) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.emptyMessage = emptyMessage
    }
}
