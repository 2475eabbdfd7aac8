/// Whether a string must be quoted to be read back as the same string by every YAML reader:
/// ours, a YAML 1.2 reader (core and JSON schemas) and a YAML 1.1 reader such as PyYAML's
/// `safe_load`.
///
/// YAML gives a plain scalar a type from its text: `NO`, `yes`, `on`, `y` are booleans in 1.1,
/// `~` and `null` are null, `0123` is octal, `1_000` and `+12` are integers, `1:20` and
/// `190:20:30` are base-60 integers, `1e3` and `.inf` are floats, `2025-03-18` is a date. An
/// edition file holds text (names, notes, citations, source keys), so the writer double-quotes
/// any string some reader would type, and any with white space at either end or a character a
/// plain scalar cannot hold (controls, line separators, a byte order mark).
///
/// What YAML's syntax forbids in a plain scalar (a leading `-`, `[`, `&` or `'`, a `: ` or ` #`
/// inside) libyaml's emitter already sees, and quotes in its own way (single quotes where they
/// can hold the text), which keeps files that were already canonical byte for byte the same.
enum YAMLPlainScalar {
    /// True when `text` must be double-quoted to come back as the same string from every reader.
    static func needsQuotes(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
        if first.properties.isWhitespace || last.properties.isWhitespace { return true }
        if text.unicodeScalars.contains(where: isSpecial) { return true }
        return isTypedByAReader(text)
    }

    /// True when a YAML 1.1 or 1.2 reader would read the plain scalar `text` as something other
    /// than a string: a boolean, null, a number, a date or timestamp, a merge key or a value key.
    static func isTypedByAReader(_ text: String) -> Bool {
        // Booleans and nulls: every case form, not only the three each spec lists (quoting
        // `yEs` costs nothing and no reader can then disagree).
        if text.utf8.count <= 5, words.contains(text.lowercased()) { return true }
        guard let first = text.unicodeScalars.first else { return true }
        // Numbers, dates and `.inf`/`.nan` start with a digit, a sign or a dot.
        guard first == "+" || first == "-" || first == "." || ("0"..."9").contains(first) else { return false }
        return (try? numberOrDate.wholeMatch(in: text)) != nil
    }

    /// Booleans of YAML 1.1 (`y`, `n`, `yes`, `no`, `on`, `off`) and 1.2, nulls, the merge key
    /// `<<` and the value key `=` (which PyYAML's `safe_load` cannot even construct), lower-cased.
    private static let words: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "<<", "="]

    /// The number and date forms of the YAML 1.1 type repository and the YAML 1.2 core schema,
    /// written loosely enough to cover both (a string matched here is only quoted, never changed).
    /// Built on use: a `Regex` is not `Sendable`, and only strings starting with a digit, a sign
    /// or a dot get here.
    private static var numberOrDate: Regex<Substring> {
        #/
        [-+]?[0-9][0-9_]*                                   # integers: 12, +12, 0123 (1.1 octal), 1_000
        | [-+]?0[oO][0-7_]+                                 # 1.2 octal: 0o17
        | [-+]?0[bB][01_]+ | [-+]?0[xX][0-9a-fA-F_]+        # binary, hexadecimal: 0x1F
        | [-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?   # floats: 1.5, .5, 1., 1.5e3
        | [-+]?[0-9][0-9_]*[eE][-+]?[0-9]+                  # 1.2 float: 1e3
        | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
        | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?  # 1.1 base 60: 1:20, 190:20:30, 1:20.5
        | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}                    # 1.1 dates and timestamps
          (?:(?:[Tt]|[\ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[\ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?
        /#
    }

    /// Characters a plain scalar cannot hold as written: controls (tab included), line and
    /// paragraph separators, the byte order mark. Double quotes write them as escapes.
    private static func isSpecial(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF: true
        default: false
        }
    }
}
