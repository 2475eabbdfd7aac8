/// A tiny SVG/XML tree: charts build elements and ``render()`` writes them with every attribute
/// value and text escaped, so a runner's name can never break the markup.
struct SVGElement {
    var name: String
    var attributes: [(String, String)] = []
    var children: [SVGElement] = []
    var text: String?

    init(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil, children: [SVGElement] = []) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    func render() -> String {
        var out = "<" + name
        for (key, value) in attributes { out += " \(key)=\"\(Self.escape(value))\"" }
        if children.isEmpty && text == nil { return out + "/>" }
        out += ">"
        if let text { out += Self.escape(text) }
        for child in children { out += child.render() }
        return out + "</\(name)>"
    }

    /// Escapes the five XML-special characters.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// Numbers in SVG attributes: at most two decimals, no trailing zeros, never exponent form.
func svgNumber(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    var text = String(format2: rounded)
    while text.hasSuffix("0") { text.removeLast() }
    return text
}

extension String {
    /// Two decimals without Foundation.
    init(format2 value: Double) {
        let negative = value < 0
        let hundredths = Int((abs(value) * 100).rounded())
        let fraction = hundredths % 100
        self = (negative ? "-" : "") + "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
