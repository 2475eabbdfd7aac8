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
    /// How an unknown value reads in tables and Markdown; CSV leaves it empty, JSON writes null.
    var unknownText = "unknown"

    struct Fact {
        var label: String
        var value: Cell
    }

    struct Section {
        var title: String
        var text: String
    }
}

/// One value in a report: text, or a value the sources do not give.
enum Cell: Equatable, ExpressibleByStringLiteral {
    case text(String)
    case unknown

    init(stringLiteral value: String) { self = .text(value) }

    /// The text, or `.unknown` for nil: unknown is never shown as 0.
    init(_ value: String?) { self = value.map(Cell.text) ?? .unknown }

    init(_ value: Int?) { self = value.map { .text(String($0)) } ?? .unknown }

    func text(unknown: String) -> String {
        switch self {
        case .text(let text): text
        case .unknown: unknown
        }
    }
}

/// A column of a ``Table``: its heading and how its values line up.
struct Column {
    enum Alignment { case left, right }

    var name: String
    var alignment: Alignment = .left

    /// A column of numbers (or times), aligned right.
    static func number(_ name: String) -> Column { Column(name: name, alignment: .right) }
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
