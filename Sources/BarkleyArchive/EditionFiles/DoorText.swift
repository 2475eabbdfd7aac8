import Foundation

/// Text as it enters the archive. Every value read from an edition file (``EditionFileReader``)
/// or an entrants spreadsheet (``EntrantCSV``) passes through ``clean(_:as:)`` once, where it is
/// read, before anything interprets, matches or stores it:
///
/// - Unicode NFC, so "é" typed as one letter and as "e" plus a combining accent are the same text;
/// - names trimmed, with every run of white space inside (no-break spaces, the other Unicode
///   spaces, tabs) made one plain space; other one-line values trimmed at both ends;
/// - invisible characters refused: Unicode format characters (zero-width space, joiner and
///   non-joiner, word joiner, a byte-order mark inside text, bidirectional marks, overrides and
///   isolates) and line or paragraph separators, and in names and values every other
///   default-ignorable code point (variation selectors, the combining grapheme joiner, Hangul
///   fillers; an emoji's presentation selector stays); so are control characters (C0, DEL, C1), except
///   tabs, and line breaks except in notes;
/// - a blank value (empty, or only white space) is unknown: `nil`, never an empty string.
enum DoorText {
    /// What a value is, which decides what it may hold.
    enum Kind {
        /// A person's or a race's name: trimmed, inner white space collapsed.
        case name
        /// Any other one-line value (codes, times, keys, citations): trimmed.
        case value
        /// Free text: line breaks allowed (a CR LF pair becomes LF); kept as written otherwise.
        case note
    }

    /// Why a value was refused; the reader adds the file, line and field.
    struct Refusal: Error, Equatable {
        let message: String
    }

    /// `raw` as the archive keeps it, or nil when blank.
    ///
    /// - Throws: ``Refusal`` naming the first character that may not be in such a value, and
    ///   the text before it so that it can be found.
    static func clean(_ raw: String, as kind: Kind) throws(Refusal) -> String? {
        if let plain = cleanPrintableASCII(raw, as: kind) { return plain.isEmpty ? nil : plain }
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        var iterator = raw.unicodeScalars.makeIterator()
        var lookahead = iterator.next()
        while let scalar = lookahead {
            lookahead = iterator.next()
            if scalar == "\r" || scalar == "\n" {
                guard kind == .note else { throw refusal("a line break", scalar, after: scalars) }
                if scalar == "\r", lookahead == "\n" { continue }  // CR LF: keep the LF
                scalars.append("\n")
                continue
            }
            if scalar == "\t" || (scalar.properties.isWhitespace && scalar.properties.generalCategory == .spaceSeparator) {
                if kind == .name {
                    pendingSpace = !scalars.isEmpty
                } else {
                    scalars.append(scalar)
                }
                continue
            }
            switch scalar.properties.generalCategory {
            case .control:
                throw refusal("a control character", scalar, after: scalars)
            case .format, .lineSeparator, .paragraphSeparator:
                throw refusal("an invisible character", scalar, after: scalars)
            default:
                // Variation selectors (U+FE0F after a letter), the combining grapheme joiner,
                // Hangul fillers and the other default-ignorable code points show nothing and are
                // not format characters, yet make "Jasmin Paris" a different text: refused in names
                // and values. Emoji presentation (U+FE0E, U+FE0F after an emoji: "⛰️") shows, and
                // stays; notes keep any.
                if kind != .note, scalar.properties.isDefaultIgnorableCodePoint,
                   !((scalar == "\u{FE0E}" || scalar == "\u{FE0F}") && scalars.last.map({ $0.properties.isEmoji && !$0.isASCII }) == true) {
                    throw refusal("an invisible character", scalar, after: scalars)
                }
            }
            if pendingSpace { scalars.append(" "); pendingSpace = false }
            scalars.append(scalar)
        }
        var text = String(scalars)
        if kind != .note { text = text.trimmingCharacters(in: .whitespaces) }
        guard !text.allSatisfy(\.isWhitespace) else { return nil }
        return text.precomposedStringWithCanonicalMapping
    }

    /// The fast path for the common case, text of printable ASCII (plus line breaks in notes):
    /// nothing to refuse and nothing to normalize, at most spaces to trim or collapse. Nil when
    /// the text needs the general path.
    private static func cleanPrintableASCII(_ raw: String, as kind: Kind) -> String? {
        var visible = false, previousSpace = false, doubleSpace = false
        for byte in raw.utf8 {
            switch byte {
            case 0x20:
                if previousSpace { doubleSpace = true }
                previousSpace = true
                continue
            case 0x21...0x7E:
                visible = true
            case 0x0A where kind == .note:
                break
            default:
                return nil
            }
            previousSpace = false
        }
        guard visible else { return "" }
        if kind == .note { return raw }
        let first = raw.utf8.first, last = raw.utf8.last
        if first != 0x20, last != 0x20, !(kind == .name && doubleSpace) { return raw }
        if kind == .name { return raw.split(separator: " ").joined(separator: " ") }
        return raw.trimmingCharacters(in: .whitespaces)
    }

    private static func refusal(_ what: String, _ scalar: Unicode.Scalar, after text: String.UnicodeScalarView) -> Refusal {
        let code = String(format: "U+%04X", scalar.value)
        let name = scalar.properties.name ?? scalar.properties.nameAlias
        let described = name.map { "\(code) \($0)" } ?? code
        let before = String(text)
        let place = before.isEmpty ? "at the start" : "after '\(before.count > 30 ? "…" + before.suffix(30) : Substring(before))'"
        let advice = what == "a line break" ? "keep the value on one line (line breaks belong in notes)"
            : "delete it (it often comes with text pasted from a web page or a spreadsheet)"
        return Refusal(message: "contains \(what) (\(described)) \(place); \(advice)")
    }

    /// Whether ``clean(_:as:)`` accepts `text` as a one-line value (it may still be blank).
    static func isAccepted(_ text: String) -> Bool {
        do {
            _ = try clean(text, as: .value)
            return true
        } catch {
            return false
        }
    }

    /// A boolean as people and spreadsheets write it: `true` or `false` in any case (`TRUE`,
    /// `False`); nil for anything else.
    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }
}
