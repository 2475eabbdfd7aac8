/// Makes stored text safe to print in one table cell: newlines, tabs and other control
/// characters are shown as escapes, so a value can neither break a row nor send a terminal
/// an escape sequence.
enum TextSanitizer {
    static func cell(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where isControl(scalar): result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Prose printed as lines (notes): keeps newlines, escapes any other control character.
    static func prose(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { cell(String($0)) }.joined(separator: "\n")
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
