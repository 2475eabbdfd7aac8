/// One runner's cumulative time at the end of each loop of one edition, against the loop
/// cutoffs and the time limit: a bar per loop up to the time (hollow when known only to the
/// minute), a red tick at the cutoff, a dashed "?" where the loop was completed but its time
/// is unknown. The time axis runs from 0:00 in round steps of hours (see `hourAxis`).
public struct LoopTimesChart {
    /// One loop: the runner's cumulative time and the cutoff, in seconds; nil where unknown.
    public struct Loop: Sendable, Hashable {
        public var loop: Int
        public var seconds: Int?
        public var isApproximate: Bool
        public var cutoffSeconds: Int?
        /// A label for the time, as the site shows it (`13:07:25`, `58:21:--`).
        public var label: String

        public init(loop: Int, seconds: Int?, isApproximate: Bool = false, cutoffSeconds: Int?, label: String) {
            self.loop = loop
            self.seconds = seconds
            self.isApproximate = isApproximate
            self.cutoffSeconds = cutoffSeconds
            self.label = label
        }
    }

    public var id: String
    public var title: String
    public var loops: [Loop]
    /// The edition's time limit, in seconds, drawn as a dashed line.
    public var limitSeconds: Int?

    public init(id: String, title: String, loops: [Loop], limitSeconds: Int?) {
        self.id = id
        self.title = title
        self.loops = loops
        self.limitSeconds = limitSeconds
    }

    public static let timeColor = "#1f5f99"
    public static let cutoffColor = "#c0392b"

    public func chart() -> Chart {
        var frame = Frame()
        frame.height = 250
        let values = loops.flatMap { [$0.seconds, $0.cutoffSeconds] }.compactMap { $0 } + [limitSeconds].compactMap { $0 }
        // Round steps (every 4, 8, 12 hours…) labelled as the clock of the race reads them: 12:00, 24:00.
        let axis = hourAxis(maximumSeconds: values.max() ?? 3600)
        let maximum = Double(axis.topHours * 3600)
        let scale = frame.plotHeight / maximum
        let slot = frame.plotWidth / Double(max(loops.count, 1))
        var content = frame.valueAxis(maximum: maximum, steps: axis.steps) { "\(Int(($0 / 3600).rounded())):00" }
        if let limitSeconds {
            let y = frame.baseline - Double(limitSeconds) * scale
            content.append(SVGElement("line", [("x1", svgNumber(frame.left)), ("x2", svgNumber(frame.width - frame.right)), ("y1", svgNumber(y)), ("y2", svgNumber(y)),
                                               ("stroke", Self.cutoffColor), ("stroke-dasharray", "6 3"), ("class", "limit")],
                                      children: [SVGElement("title", text: "time limit")]))
        }
        for (index, loop) in loops.enumerated() {
            let x = frame.left + slot * Double(index) + slot * 0.2
            let width = slot * 0.6
            if let seconds = loop.seconds {
                let height = Double(seconds) * scale
                var element = bar(x: x, y: frame.baseline - height, width: width, height: height, color: loop.isApproximate ? "none" : Self.timeColor,
                                  kind: "time" + (loop.isApproximate ? " approximate" : ""), title: "Loop \(loop.loop): \(loop.label)")
                if loop.isApproximate { element.attributes += [("stroke", Self.timeColor), ("stroke-width", "2")] }
                content.append(element)
                // Above the bar, or above the cutoff tick when the tick would strike through the label.
                let top = frame.baseline - height
                let tick = loop.cutoffSeconds.map { frame.baseline - Double($0) * scale } ?? top
                let labelY = (tick < top && top - tick < 16) || abs(tick - top) < 4 ? tick - 4 : top - 3
                content.append(text(loop.label, x: x + width / 2, y: labelY, anchor: "middle", color: "#222"))
            } else {
                content.append(unknownBar(x: x, width: width, frame: frame, title: "Loop \(loop.loop): time unknown"))
            }
            if let cutoff = loop.cutoffSeconds {
                let y = frame.baseline - Double(cutoff) * scale
                content.append(SVGElement("line", [("x1", svgNumber(x - 4)), ("x2", svgNumber(x + width + 4)), ("y1", svgNumber(y)), ("y2", svgNumber(y)),
                                                   ("stroke", Self.cutoffColor), ("stroke-width", "3"), ("class", "cutoff")],
                                          children: [SVGElement("title", text: "Loop \(loop.loop) cutoff")]))
            }
            content.append(text("Loop \(loop.loop)", x: x + width / 2, y: frame.baseline + 16, anchor: "middle", color: "#444"))
        }
        // Only keys for what is drawn: no "cutoff" key for an edition whose cutoffs are unknown.
        var keys: [(color: String, label: String)] = [(Self.timeColor, "time")]
        if loops.contains(where: { $0.cutoffSeconds != nil }) { keys.append((Self.cutoffColor, "cutoff")) }
        if limitSeconds != nil { keys.append(("dashed:" + Self.cutoffColor, "limit")) }
        if loops.contains(where: { $0.seconds == nil }) { keys.append(("unknown", "unknown")) }
        content += legend(frame: frame, entries: keys)
        let summary = loops.isEmpty ? "No loop times are known." :
            loops.map { "loop \($0.loop) at \($0.seconds == nil ? "an unknown time" : $0.label)" }.joined(separator: ", ") + "."
        let text = summary.prefix(1).uppercased() + summary.dropFirst()
        return Chart(svg: frame.svg(id: id, title: title, summary: text, content: content), title: title, summary: text)
    }
}
