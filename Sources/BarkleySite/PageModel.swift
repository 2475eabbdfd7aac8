import BarkleyCharts
import BarkleyPresentation

// What the templates (SiteTemplates/*.mustache) render: plain values, already worded by
// `Presentation`, so no template decides how a time or an unknown reads.

/// One value as a page shows it; `unknown` marks the text the sources do not give.
struct CellModel {
    var text: String
    var href: String?
    var unknown: Bool
    var numeric: Bool
    /// The cell's column heading, in a `TableModel.stacked` table (shown beside the value on a phone).
    var columnLabel: String?
    /// Links to the disputes over this value (the value shown is the preferred one).
    var disputes: [DisputeLink] = []

    init(_ text: String?, href: String? = nil, numeric: Bool = false) {
        self.text = text ?? Presentation.unknown
        self.href = text == nil ? nil : href
        self.unknown = text == nil
        self.numeric = numeric
    }
}

/// A label and its value, in a `<dl>`.
struct FactModel {
    var label: String
    var value: String
    var unknown: Bool
    /// Footnote numbers of the fact's sources, on a page that numbers them.
    var refs: [Int]
    /// Links to the disputes over the value (the value shown is the preferred one).
    var disputes: [DisputeLink]

    init(_ label: String, _ value: String?, refs: [Int] = [], disputes: [DisputeLink] = []) {
        self.label = label
        self.value = value ?? Presentation.unknown
        self.unknown = value == nil
        self.refs = refs
        self.disputes = disputes
    }
}

/// The "disputed" mark beside a preferred value: a link to its entry in the page's Disputes section.
struct DisputeLink: Hashable {
    /// The entry's number, its anchor `#dispute-N`.
    var number: Int
    /// The link's text: "disputed" beside a value, or what is disputed where no value stands beside it.
    var mark = Presentation.disputedMark
}

struct ColumnModel {
    var label: String
    var numeric: Bool

    init(_ label: String, numeric: Bool = false) {
        self.label = label
        self.numeric = numeric
    }
}

struct RowModel {
    var cells: [CellModel]
}

/// One `<section>` with a heading and a semantic table.
struct TableModel {
    var heading: String
    var note: String?
    var columns: [ColumnModel]
    var rows: [RowModel]
    var emptyMessage: String
    /// Stored, not computed: templates see stored properties only (Mirror).
    var hasRows: Bool
    /// A wide table that, at phone width, shows each row as wrapped "heading value" pairs
    /// instead of columns that scroll out of sight (style.css, `table.stacked`).
    var stacked: Bool

    init(heading: String, note: String? = nil, columns: [ColumnModel], rows: [[CellModel]], emptyMessage: String = "None known.",
         stacked: Bool = false) {
        self.heading = heading
        self.note = note
        self.columns = columns
        self.stacked = stacked
        self.rows = rows.map { cells in
            guard stacked else { return RowModel(cells: cells) }
            return RowModel(cells: zip(cells, columns).map { cell, column in
                var labelled = cell
                labelled.columnLabel = column.label
                return labelled
            })
        }
        self.emptyMessage = emptyMessage
        self.hasRows = !rows.isEmpty
    }
}

struct LinkModel {
    var text: String
    var href: String
}

/// A chart and its text alternative, for `figure.mustache`.
struct ChartModel {
    var svg: String
    var summary: String

    init(_ chart: Chart) {
        svg = chart.svg
        summary = chart.summary
    }
}

/// A page of facts, an optional chart and tables (`page.mustache`): home, records, firsts,
/// finishers, fun runs, countries, sources.
struct GeneralPage {
    var title: String
    var root: String
    var intro: String?
    var facts: [FactModel] = [] { didSet { hasFacts = !facts.isEmpty } }
    var chart: ChartModel?
    var tables: [TableModel] = []
    /// Stored, not computed: templates see stored properties only (Mirror).
    private(set) var hasFacts = false
}
