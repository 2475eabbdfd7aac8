/// The one place that decides which characters may reach a terminal, a spreadsheet or a
/// Markdown page as they are, and how the others are shown.
///
/// An archive can hold any text (one written by SQL or an older version, whatever the import
/// door refuses today), and the command line can pass any text back (a runner's name echoed in
/// "No runner named …"). Printed raw, some characters act instead of showing:
/// - C0 and C1 controls and DEL: ESC starts CSI/OSC sequences that recolour, retitle or clear
///   the terminal; BEL rings; CR and backspace overwrite what was printed;
/// - bidi overrides, embeddings, isolates and marks (U+202A–202E, U+2066–2069, U+200E/200F,
///   U+061C) reorder what follows, so `evil.exe` can read `exe.live`;
/// - zero-width and other invisible format characters (U+200B, U+2060, U+FEFF, soft hyphen…)
///   make two different names look the same; U+2028/2029 break lines.
///
/// Each is written as a visible escape: `\n`, `\r`, `\t`, or `\u{1B}` (hex code point). A
/// zero-width joiner and tag characters inside an emoji (👩‍👩‍👧, a subdivision flag) are part of
/// the picture and stay.
///
/// Every output path calls this: reports (``Report/sanitized()``, used by each renderer),
/// JSON (``json(_:)``), messages and errors (``Terminal``).
enum TextSanitizer {
    /// Text for one line or one table cell: a newline is escaped too, so a value can never
    /// break a row or start a line of its own.
    static func cell(_ text: String) -> String {
        escaped(text, keepingNewlines: false) { scalar in
            switch scalar {
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            default: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
        }
    }

    /// Prose printed as lines (notes, messages): keeps newlines, escapes everything else unsafe.
    static func prose(_ text: String) -> String {
        escaped(text, keepingNewlines: true) { scalar in
            switch scalar {
            case "\r": "\\r"
            case "\t": "\\t"
            default: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
        }
    }

    /// JSON text with every unsafe character inside its strings written as a JSON `\uXXXX`
    /// escape (a UTF-16 pair above U+FFFF): the same value to any JSON reader, inert in a
    /// terminal. JSON's structure is ASCII, so such a character can only be inside a string;
    /// the encoder already escapes C0 controls there, which leaves DEL, C1 and format characters.
    static func json(_ text: String) -> String {
        escaped(text, keepingNewlines: true) { scalar in
            String(scalar).utf16.map { unit in
                let hex = String(unit, radix: 16, uppercase: true)
                return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }.joined()
        }
    }

    // MARK: The decision

    /// `text` with every unsafe scalar replaced by `escape(scalar)`.
    private static func escaped(_ text: String, keepingNewlines: Bool, _ escape: (Unicode.Scalar) -> String) -> String {
        // Most text has no candidate at all: return it untouched without walking its characters.
        guard text.unicodeScalars.contains(where: { isCandidate($0) && !(keepingNewlines && $0 == "\n") }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            let scalars = character.unicodeScalars
            guard scalars.contains(where: isCandidate) else {
                result.append(character)
                continue
            }
            let isEmoji = scalars.contains { $0.properties.isEmojiPresentation || ($0.properties.isEmoji && $0.value > 0xFF) }
            for scalar in scalars {
                if keepingNewlines && scalar == "\n" {
                    result.unicodeScalars.append(scalar)
                } else if isCandidate(scalar) && !(isEmoji && isPartOfEmoji(scalar)) {
                    result += escape(scalar)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Controls (C0, DEL, C1), line and paragraph separators, and every format character
    /// (Unicode category Cf: bidi controls, zero-width characters, the byte order mark, soft hyphen).
    private static func isCandidate(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
        case 0x20...0x7E: return false
        default: return scalar.properties.generalCategory == .format
        }
    }

    /// The joiner and the tag characters that emoji sequences are built with.
    private static func isPartOfEmoji(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x200D || (0xE0020...0xE007F).contains(scalar.value)
    }
}
