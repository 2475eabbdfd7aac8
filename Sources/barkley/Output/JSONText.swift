/// JSON's scalars as text, byte for byte as `JSONEncoder` writes them, for the writers that do
/// not go through it: ``JSONWriter`` (every answer) and ``SQLRowPrinter`` (`sql`'s rows).
enum JSONText {
    /// A finite double as JSONEncoder writes it: an integral value up to 2^53 without a
    /// fraction (`2`, `-0`), anything else as Swift prints it (`1.5`, `1e+16`).
    static func number(_ double: Double) -> String {
        if double == double.rounded(), abs(double) <= 9_007_199_254_740_992 {
            return (double == 0 && double.sign == .minus ? "-" : "") + String(Int64(double))
        }
        return String(double)
    }

    /// A JSON string: quotes, backslashes and C0 controls escaped.
    static func string(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// ``string(_:)`` with the characters a terminal would act on also escaped
    /// (``TextSanitizer/json(_:)``): what the CLI's JSON writes for every key and string.
    static func inertString(_ text: String) -> String {
        TextSanitizer.json(string(text))
    }
}
