/// Finishes and fun runs per year, as stacked bars: one bar a held edition, none for a year
/// with no race (marked "not held"), and a hatched "?" bar where the count is unknown.
public struct FinishesPerYearChart {
    /// One year's counts; nil where the sources do not say.
    public struct Year: Sendable, Hashable {
        public var year: Int
        public var held: Bool
        public var finishes: Int?
        public var funRuns: Int?

        public init(year: Int, held: Bool, finishes: Int?, funRuns: Int?) {
            self.year = year
            self.held = held
            self.finishes = finishes
            self.funRuns = funRuns
        }
    }

    public var years: [Year]
    /// How the summary words the finishes when one number would mislead, such as two races'
    /// finishes (`26 finishes of the 100-mile race and 1 finish of the 3-loop race (1988)`); nil: `27 finishes`.
    public var finishesInWords: String?

    public init(years: [Year], finishesInWords: String? = nil) {
        self.years = years
        self.finishesInWords = finishesInWords
    }

    public static let finishColor = "#1f5f99"
    public static let funRunColor = "#e69f00"
    /// How far below the baseline a year label's baseline sits, in user units: the 13-unit
    /// type then clears the axis's "0" (its baseline 4 units below the axis line).
    static let yearLabelDrop = 18.0

    public func chart() -> Chart {
        var frame = Frame()
        frame.bottom = 40
        // Room between the axis's "0" and the first year below the first bar, which otherwise
        // touch, and for the last year, centred under the last bar, inside the right edge.
        frame.left = 44
        frame.right = 16
        let years = years.sorted { $0.year < $1.year }
        let maximum = max(1, years.map { ($0.finishes ?? 0) + ($0.funRuns ?? 0) }.max() ?? 1)
        let axis = countAxis(maximum: maximum)
        let scale = frame.plotHeight / Double(axis.top)
        let slot = frame.plotWidth / Double(max(years.count, 1))
        var content = frame.valueAxis(maximum: Double(axis.top), steps: axis.steps) { String(Int($0.rounded())) }
        for (index, year) in years.enumerated() {
            let x = frame.left + slot * Double(index) + slot * 0.15
            let width = slot * 0.7
            if !year.held {
                content.append(text("×", x: x + width / 2, y: frame.baseline - 3, anchor: "middle", color: "#999", title: "\(year.year): not held"))
            } else if year.finishes == nil && year.funRuns == nil {
                content.append(unknownBar(x: x, width: width, frame: frame, title: "\(year.year): counts unknown"))
            } else {
                let finishHeight = Double(year.finishes ?? 0) * scale
                let funHeight = Double(year.funRuns ?? 0) * scale
                content.append(bar(x: x, y: frame.baseline - finishHeight, width: width, height: finishHeight, color: Self.finishColor,
                                   kind: "finishes", title: "\(year.year): \(year.finishes.map(String.init) ?? "unknown") finishes"))
                content.append(bar(x: x, y: frame.baseline - finishHeight - funHeight, width: width, height: funHeight, color: Self.funRunColor,
                                   kind: "fun-runs", title: "\(year.year): \(year.funRuns.map(String.init) ?? "unknown") fun runs"))
                // One count known, the other not: a "?" cap on top of the known one, never a bar of 0.
                if year.funRuns == nil || year.finishes == nil {
                    let what = year.funRuns == nil ? "fun runs" : "finishes"
                    content.append(unknownCap(x: x, width: width, bottom: frame.baseline - finishHeight - funHeight, title: "\(year.year): \(what) unknown"))
                }
            }
            if year.year % 5 == 0 || index == 0 || index == years.count - 1 {
                content.append(SVGElement("text", [("x", svgNumber(x + width / 2)), ("y", svgNumber(frame.baseline + Self.yearLabelDrop)), ("text-anchor", "middle"), ("fill", "#444")],
                                          text: String(year.year)))
            }
        }
        content += legend(frame: frame, entries: [(Self.finishColor, "finishes"), (Self.funRunColor, "fun runs"), ("unknown", "unknown")])
        let held = years.filter(\.held)
        let totalFinishes = held.compactMap(\.finishes).reduce(0, +)
        let totalFunRuns = held.compactMap(\.funRuns).reduce(0, +)
        let unknown = held.filter { $0.finishes == nil }.map(\.year)
        let funRunsUnknown = held.filter { $0.funRuns == nil && $0.finishes != nil }.map(\.year)
        let title = "Finishes and fun runs per year"
        var summary = "\(held.count) editions held"
        if let first = years.first, let last = years.last { summary += " from \(first.year) to \(last.year)" }
        summary += ": \(finishesInWords ?? "\(totalFinishes) finishes") and \(totalFunRuns) fun runs besides the finishers, where the counts are known; the most in one year, \(maximum)."
        if !unknown.isEmpty { summary += " Finishes unknown in \(unknown.map(String.init).joined(separator: ", "))." }
        if !funRunsUnknown.isEmpty { summary += " Fun runs unknown in \(funRunsUnknown.map(String.init).joined(separator: ", "))." }
        return Chart(svg: frame.svg(id: "finishes-per-year", title: title, summary: summary, content: content), title: title, summary: summary)
    }
}

/// A solid bar; `data-kind` and `data-value` let a test read what it draws.
func bar(x: Double, y: Double, width: Double, height: Double, color: String, kind: String, title: String, opacity: String? = nil) -> SVGElement {
    var attributes = [("x", svgNumber(x)), ("y", svgNumber(y)), ("width", svgNumber(width)), ("height", svgNumber(height)), ("fill", color),
                      ("class", "bar \(kind)")]
    if let opacity { attributes.append(("fill-opacity", opacity)) }
    return SVGElement("rect", attributes, children: [SVGElement("title", text: title)])
}

/// An unknown value: a dashed outline the full height of the plot, filled with a hatch, and a "?".
func unknownBar(x: Double, width: Double, frame: Frame, title: String) -> SVGElement {
    SVGElement("g", [("class", "unknown")], children: [
        SVGElement("title", text: title),
        SVGElement("rect", [("x", svgNumber(x)), ("y", svgNumber(frame.top)), ("width", svgNumber(width)), ("height", svgNumber(frame.plotHeight)),
                            ("fill", "none"), ("stroke", "#888"), ("stroke-dasharray", "4 3"), ("class", "bar unknown")]),
        SVGElement("text", [("x", svgNumber(x + width / 2)), ("y", svgNumber(frame.baseline - 4)), ("text-anchor", "middle"), ("fill", "#666")], text: "?"),
    ])
}

/// One count of a stacked bar unknown: a short dashed box with a "?" sitting on `bottom` (the
/// top of the known part), so an unknown count never reads as 0.
func unknownCap(x: Double, width: Double, bottom: Double, title: String) -> SVGElement {
    let height = 16.0
    return SVGElement("g", [("class", "unknown")], children: [
        SVGElement("title", text: title),
        SVGElement("rect", [("x", svgNumber(x)), ("y", svgNumber(bottom - height)), ("width", svgNumber(width)), ("height", svgNumber(height)),
                            ("fill", "none"), ("stroke", "#888"), ("stroke-dasharray", "3 2"), ("class", "bar unknown-part")]),
        SVGElement("text", [("x", svgNumber(x + width / 2)), ("y", svgNumber(bottom - 4)), ("text-anchor", "middle"), ("fill", "#666"), ("font-size", "10")], text: "?"),
    ])
}

func text(_ text: String, x: Double, y: Double, anchor: String, color: String, title: String? = nil) -> SVGElement {
    SVGElement("text", [("x", svgNumber(x)), ("y", svgNumber(y)), ("text-anchor", anchor), ("fill", color)], text: text,
               children: title.map { [SVGElement("title", text: $0)] } ?? [])
}

/// A row of colour keys above the plot; the colour "unknown" draws the dashed unknown key,
/// `dashed:COLOUR` a dashed line and `deduced:COLOUR` a pale outlined square.
func legend(frame: Frame, entries: [(color: String, label: String)]) -> [SVGElement] {
    var elements: [SVGElement] = []
    var x = frame.left
    for entry in entries {
        if entry.color == "unknown" {
            elements.append(SVGElement("rect", [("x", svgNumber(x)), ("y", "6"), ("width", "12"), ("height", "12"), ("fill", "none"), ("stroke", "#888"), ("stroke-dasharray", "3 2")]))
        } else if entry.color.hasPrefix("dashed:") {
            elements.append(SVGElement("line", [("x1", svgNumber(x)), ("x2", svgNumber(x + 12)), ("y1", "12"), ("y2", "12"),
                                                ("stroke", String(entry.color.dropFirst(7))), ("stroke-width", "2"), ("stroke-dasharray", "3 2")]))
        } else if entry.color.hasPrefix("deduced:") {
            elements.append(SVGElement("rect", [("x", svgNumber(x)), ("y", "6"), ("width", "12"), ("height", "12"), ("fill", String(entry.color.dropFirst(8))), ("fill-opacity", "0.4"),
                                                ("stroke", String(entry.color.dropFirst(8)))]))
        } else {
            elements.append(SVGElement("rect", [("x", svgNumber(x)), ("y", "6"), ("width", "12"), ("height", "12"), ("fill", entry.color)]))
        }
        elements.append(SVGElement("text", [("x", svgNumber(x + 16)), ("y", "17"), ("fill", "#222")], text: entry.label))
        x += 26 + Double(entry.label.count) * 7
    }
    return elements
}
