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
        // Most text is printable ASCII, where the only white space is the space itself.
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            guard let first = utf8.first, let last = utf8.last else { return true }
            return first == 0x20 || last == 0x20 || isTypedByAReader(text)
        }
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
        guard let first = text.utf8.first else { return true }
        // Numbers, dates and `.inf`/`.nan` are ASCII and start with a digit, a sign or a dot.
        guard first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: ".") || isDigit(first),
              text.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        return isNumberOrDate(Array(text.utf8))
    }

    /// Booleans of YAML 1.1 (`y`, `n`, `yes`, `no`, `on`, `off`) and 1.2, nulls, the merge key
    /// `<<` and the value key `=` (which PyYAML's `safe_load` cannot even construct), lower-cased.
    private static let words: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "<<", "="]

    // MARK: Numbers and dates

    // The number and date forms of the YAML 1.1 type repository and the YAML 1.2 core schema,
    // matched loosely enough to cover both (a string matched here is only quoted, never changed):
    //
    //   [-+]? [0-9][0-9_]*                          integers: 12, +12, 0123 (1.1 octal), 1_000
    //   [-+]? 0o[0-7_]+ | 0b[01_]+ | 0x[0-9a-fA-F_]+    1.2 octal 0o17, binary, hexadecimal 0x1F
    //   [-+]? ([0-9][0-9_]*)? \. [0-9_]* EXP?       floats: 1.5, .5, 1., 1.5e3   (EXP: [eE][-+]?[0-9]+)
    //   [-+]? [0-9][0-9_]* EXP                      1.2 float: 1e3
    //   [-+]? \.inf | \.nan   (any case)
    //   [-+]? [0-9][0-9_]* (:[0-5]?[0-9])+ (\.[0-9_]*)?     1.1 base 60: 1:20, 190:20:30, 1:20.5
    //   YYYY-M(M)-D(D) ([Tt]|[ \t]+ H(H):MM:SS(\.[0-9]*)? ([ \t]*(Z|[-+]H(H)(:MM)?))?)?   1.1 timestamps
    //
    // Written as a scanner over bytes rather than a `Regex`: the Swift regex engine took about
    // 2 ms per string here, which an export of a million entries cannot afford. The tests check
    // this scanner against the regular expressions above.

    private static func isNumberOrDate(_ bytes: [UInt8]) -> Bool {
        if isTimestamp(Scanner(bytes)) { return true }
        var scanner = Scanner(bytes)
        _ = scanner.take { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
        return isRadixInteger(scanner) || isDecimal(scanner)
    }

    /// `0o17`, `0b101`, `0x1F` (underscores allowed), after the sign.
    private static func isRadixInteger(_ start: Scanner) -> Bool {
        var scanner = start
        guard scanner.take({ $0 == UInt8(ascii: "0") }), let radix = scanner.next() else { return false }
        let allowed: (UInt8) -> Bool
        switch radix {
        case UInt8(ascii: "o"), UInt8(ascii: "O"): allowed = { (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) || $0 == UInt8(ascii: "_") }
        case UInt8(ascii: "b"), UInt8(ascii: "B"): allowed = { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") || $0 == UInt8(ascii: "_") }
        case UInt8(ascii: "x"), UInt8(ascii: "X"): allowed = { isDigit($0) || $0 == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0 | 0x20) }
        default: return false
        }
        return scanner.takeAll(allowed) > 0 && scanner.atEnd
    }

    /// Integers, floats, `1e3`, `.inf`, `.nan` and base-60 numbers, after the sign.
    private static func isDecimal(_ start: Scanner) -> Bool {
        var scanner = start
        if scanner.take(isDigit) {
            scanner.takeAll(isDigitOrUnderscore)
            if scanner.atEnd { return true }                                   // 12, 0123, 1_000
            var exponent = scanner
            if exponent.takeExponent() && exponent.atEnd { return true }       // 1e3
            var base60 = scanner
            if base60.takeBase60() { return true }                             // 1:20, 190:20:30
        } else {
            let rest = String(decoding: scanner.rest, as: UTF8.self).lowercased()
            if rest == ".inf" || rest == ".nan" { return true }
        }
        guard scanner.take({ $0 == UInt8(ascii: ".") }) else { return false }
        scanner.takeAll(isDigitOrUnderscore)
        if scanner.atEnd { return true }                                       // 1.5, .5, 1.
        return scanner.takeExponent() && scanner.atEnd                         // 1.5e3
    }

    /// `2025-03-18`, `2025-3-8`, `2025-03-18T11:37:00Z`, `2025-03-18 11:37:00.5 +01:00`.
    private static func isTimestamp(_ start: Scanner) -> Bool {
        var scanner = start
        guard scanner.takeDigits(4...4), scanner.take({ $0 == UInt8(ascii: "-") }), scanner.takeDigits(1...2),
              scanner.take({ $0 == UInt8(ascii: "-") }), scanner.takeDigits(1...2) else { return false }
        if scanner.atEnd { return true }
        guard scanner.take({ $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "t") }) || scanner.takeAll(isBlank) > 0,
              scanner.takeDigits(1...2), scanner.take({ $0 == UInt8(ascii: ":") }), scanner.takeDigits(2...2),
              scanner.take({ $0 == UInt8(ascii: ":") }), scanner.takeDigits(2...2) else { return false }
        if scanner.take({ $0 == UInt8(ascii: ".") }) { scanner.takeAll(isDigit) }
        if scanner.atEnd { return true }
        scanner.takeAll(isBlank)
        if scanner.take({ $0 == UInt8(ascii: "Z") }) { return scanner.atEnd }
        guard scanner.take({ $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }), scanner.takeDigits(1...2) else { return false }
        if scanner.take({ $0 == UInt8(ascii: ":") }) { guard scanner.takeDigits(2...2) else { return false } }
        return scanner.atEnd
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isDigitOrUnderscore(_ byte: UInt8) -> Bool { isDigit(byte) || byte == UInt8(ascii: "_") }
    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// A position in ASCII bytes; a copy is a saved position to try an alternative from.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }
        var rest: ArraySlice<UInt8> { bytes[index...] }

        mutating func next() -> UInt8? {
            guard index < bytes.count else { return nil }
            defer { index += 1 }
            return bytes[index]
        }

        /// Takes one byte if it matches.
        mutating func take(_ matches: (UInt8) -> Bool) -> Bool {
            guard index < bytes.count, matches(bytes[index]) else { return false }
            index += 1
            return true
        }

        /// Takes every matching byte; returns how many.
        @discardableResult
        mutating func takeAll(_ matches: (UInt8) -> Bool) -> Int {
            let start = index
            while take(matches) {}
            return index - start
        }

        /// Takes as many digits as `count` allows (as many as there are, up to its upper bound).
        mutating func takeDigits(_ count: ClosedRange<Int>) -> Bool {
            var taken = 0
            while taken < count.upperBound, take(YAMLPlainScalar.isDigit) { taken += 1 }
            return taken >= count.lowerBound
        }

        /// `e3`, `E+12`, `e-5`.
        mutating func takeExponent() -> Bool {
            guard take({ $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return false }
            _ = take { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
            return takeAll(YAMLPlainScalar.isDigit) > 0
        }

        /// One or more `:` groups of one digit, or two with the first 0–5, then an optional
        /// fraction, to the end (`:20`, `:20:30`, `:20.5`).
        mutating func takeBase60() -> Bool {
            var groups = 0
            while take({ $0 == UInt8(ascii: ":") }) {
                guard let first = next(), YAMLPlainScalar.isDigit(first) else { return false }
                if first <= UInt8(ascii: "5") { _ = take(YAMLPlainScalar.isDigit) }
                groups += 1
            }
            guard groups > 0 else { return false }
            if take({ $0 == UInt8(ascii: ".") }) { takeAll(YAMLPlainScalar.isDigitOrUnderscore) }
            return atEnd
        }
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
