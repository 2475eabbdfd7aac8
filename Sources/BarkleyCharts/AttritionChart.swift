/// How the field thinned loop by loop: for each loop, how many started it and how many
/// completed it. A count the sources state is a solid bar; a count deduced (the only value the
/// stated counts and the named entrants leave, ``BarkleyQueries`` attrition: exact, not a bound)
/// is a pale bar with an outline; an unknown count is a dashed "?".
public struct AttritionChart {
    /// One loop's counts; nil where unknown.
    public struct Loop: Sendable, Hashable {
        public var loop: Int
        public var started: Int?
        public var completed: Int?
        /// True when the count is deduced (the one value the other counts and the named entrants
        /// leave) rather than stated.
        public var startedIsDeduced: Bool
        public var completedIsDeduced: Bool

        public init(loop: Int, started: Int?, completed: Int?, startedIsDeduced: Bool = false, completedIsDeduced: Bool = false) {
            self.loop = loop
            self.started = started
            self.completed = completed
            self.startedIsDeduced = startedIsDeduced
            self.completedIsDeduced = completedIsDeduced
        }
    }

    public var year: Int
    public var loops: [Loop]

    public init(year: Int, loops: [Loop]) {
        self.year = year
        self.loops = loops
    }

    public static let startedColor = "#7a9cc6"
    public static let completedColor = "#1f5f99"

    public func chart() -> Chart {
        let frame = Frame()
        let known = loops.flatMap { [$0.started, $0.completed] }.compactMap { $0 }
        let axis = countAxis(maximum: known.max() ?? 1)
        let scale = frame.plotHeight / Double(axis.top)
        let slot = frame.plotWidth / Double(max(loops.count, 1))
        // With no count known there is nothing to measure: a 0–1 axis would make every dashed
        // "?" bar read as one starter, so the plot keeps its baseline and says so in words.
        var content = known.isEmpty ? [frame.baselineOnly()] : frame.valueAxis(maximum: Double(axis.top), steps: axis.steps) { String(Int($0.rounded())) }
        for (index, loop) in loops.enumerated() {
            let barWidth = slot * 0.35
            let x = frame.left + slot * Double(index) + slot * 0.12
            for (offset, value, deduced, color, kind) in [(0.0, loop.started, loop.startedIsDeduced, Self.startedColor, "started"),
                                                           (barWidth + slot * 0.04, loop.completed, loop.completedIsDeduced, Self.completedColor, "completed")] {
                let title = "Loop \(loop.loop): \(value.map(String.init) ?? "unknown") \(kind)" + (deduced ? " (deduced from the other counts and the named entrants)" : "")
                guard let value else {
                    content.append(unknownBar(x: x + offset, width: barWidth, frame: frame, title: title))
                    continue
                }
                let height = Double(value) * scale
                var element = bar(x: x + offset, y: frame.baseline - height, width: barWidth, height: height, color: color,
                                  kind: kind + (deduced ? " deduced" : ""), title: title, opacity: deduced ? "0.4" : nil)
                if deduced { element.attributes += [("stroke", color), ("stroke-width", "1.5")] }
                content.append(element)
                content.append(text(String(value), x: x + offset + barWidth / 2, y: frame.baseline - height - 3, anchor: "middle", color: "#222"))
            }
            content.append(text("Loop \(loop.loop)", x: frame.left + slot * (Double(index) + 0.5), y: frame.baseline + 16, anchor: "middle", color: "#444"))
        }
        if known.isEmpty { content += frame.centredNote("counts unknown") }
        content += legend(frame: frame, entries: [(Self.startedColor, "started"), (Self.completedColor, "completed"),
                                                  ("deduced:" + Self.completedColor, "deduced"), ("unknown", "unknown")])
        let title = "Attrition by loop, \(year)"
        let summary = loops.isEmpty ? "No loop counts are known for \(year)." :
            loops.map { "loop \($0.loop): \(describe($0.started, $0.startedIsDeduced)) started, \(describe($0.completed, $0.completedIsDeduced)) completed" }
            .joined(separator: "; ") + "."
        return Chart(svg: frame.svg(id: "attrition-\(year)", title: title, summary: summary.prefix(1).uppercased() + summary.dropFirst(), content: content),
                     title: title, summary: summary.prefix(1).uppercased() + summary.dropFirst())
    }

    private func describe(_ count: Int?, _ deduced: Bool) -> String {
        guard let count else { return "unknown" }
        return deduced ? "\(count) (deduced)" : "\(count)"
    }
}
