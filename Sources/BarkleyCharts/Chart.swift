/// One chart: inline SVG that names itself (`<title>`, `<desc>`) and a text alternative the
/// page shows beside it, so the chart says the same to a screen reader and with images off.
public struct Chart: Sendable, Hashable {
    /// The `<svg>` element, `width="100%"` with a `viewBox`, so it scales to a phone's width.
    public var svg: String
    /// A short title, also the SVG's `<title>`.
    public var title: String
    /// The chart in words, also the SVG's `<desc>`.
    public var summary: String
}

/// The frame shared by the charts: a `viewBox` of `width` × `height` user units, with room
/// for axis labels at the left and bottom.
struct Frame {
    // 480 units wide with 13-unit type: on a 360-pixel phone the text still reads at about 10 pixels.
    var width: Double = 480
    var height: Double = 280
    var left: Double = 36
    var right: Double = 8
    var top: Double = 40
    var bottom: Double = 30
    var plotWidth: Double { width - left - right }
    var plotHeight: Double { height - top - bottom }
    var baseline: Double { top + plotHeight }

    /// The `<svg>` around `content`, titled and described for assistive technology.
    func svg(id: String, title: String, summary: String, content: [SVGElement]) -> String {
        SVGElement("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(svgNumber(width)) \(svgNumber(height))"),
            ("width", "100%"), ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"), ("class", "chart"),
            ("font-family", "sans-serif"), ("font-size", "13"),
        ], children: [
            SVGElement("title", [("id", "\(id)-title")], text: title),
            SVGElement("desc", [("id", "\(id)-desc")], text: summary),
        ] + content).render()
    }

    /// A horizontal axis line and `steps` + 1 labelled gridlines from 0 to `maximum`.
    func valueAxis(maximum: Double, steps: Int = 4, label: (Double) -> String) -> [SVGElement] {
        var elements: [SVGElement] = []
        let steps = max(1, steps)
        for step in 0...steps {
            let value = maximum * Double(step) / Double(steps)
            let y = baseline - plotHeight * Double(step) / Double(steps)
            elements.append(SVGElement("line", [("x1", svgNumber(left)), ("x2", svgNumber(width - right)), ("y1", svgNumber(y)), ("y2", svgNumber(y)),
                                                ("stroke", step == 0 ? "#444" : "#ddd"), ("stroke-width", "1")]))
            elements.append(SVGElement("text", [("x", svgNumber(left - 4)), ("y", svgNumber(y + 4)), ("text-anchor", "end"), ("fill", "#444")],
                                       text: label(value)))
        }
        return elements
    }
}

extension Frame {
    /// The baseline alone, unlabelled: the plot of a chart with nothing to measure.
    func baselineOnly() -> SVGElement {
        SVGElement("line", [("x1", svgNumber(left)), ("x2", svgNumber(width - right)), ("y1", svgNumber(baseline)), ("y2", svgNumber(baseline)),
                            ("stroke", "#444"), ("stroke-width", "1")])
    }

    /// A short line of words in the middle of the plot, on a white band so that bars behind it
    /// never strike through it.
    func centredNote(_ words: String) -> [SVGElement] {
        let x = left + plotWidth / 2, y = top + plotHeight / 2
        let bandWidth = Double(words.count) * 8 + 16
        return [
            SVGElement("rect", [("x", svgNumber(x - bandWidth / 2)), ("y", svgNumber(y - 14)), ("width", svgNumber(bandWidth)), ("height", "22"),
                                ("fill", "#fff"), ("class", "note-band")]),
            SVGElement("text", [("x", svgNumber(x)), ("y", svgNumber(y + 2)), ("text-anchor", "middle"), ("fill", "#444"), ("class", "note")], text: words),
        ]
    }
}

/// The top of a count axis and its number of intervals: round steps (1, 2, 5, 10, 20, 25, 50, …)
/// and at most five of them, the top at or above `maximum`. 35 gives 0–40 by 10 (not 0, 9, 18,
/// 26, 35), 19 gives 0–20 by 5, 12 gives 0–15 by 5.
func countAxis(maximum: Int) -> (top: Int, steps: Int) {
    let maximum = max(1, maximum)
    var magnitude = 1
    while true {
        for base in [1, 2, 5, 10, 25] {
            let step = base * magnitude
            let steps = (maximum + step - 1) / step
            if steps <= 5 { return (steps * step, steps) }
        }
        magnitude *= 10
    }
}

/// The top of a time axis, in whole hours, and its number of intervals: round steps of 1, 2, 4,
/// 6, 8 or 12 hours (then whole days), at most five of them, the top at or above
/// `maximumSeconds`. A 60-hour limit gives 0–60 by 12 hours; 36 hours gives 0–40 by 8; 13 hours
/// gives 0–16 by 4.
func hourAxis(maximumSeconds: Int) -> (topHours: Int, steps: Int) {
    let hours = max(1, (maximumSeconds + 3599) / 3600)
    let step = [1, 2, 4, 6, 8, 12].first { (hours + $0 - 1) / $0 <= 5 } ?? 24 * ((hours + 119) / 120)
    let steps = (hours + step - 1) / step
    return (steps * step, steps)
}
