/// How many terminal columns text takes, so tables line up with accents, CJK and emoji.
///
/// A small `wcwidth`: each grapheme cluster (`Character`) is measured whole, so `é` written as
/// `e` plus a combining accent is one column and a flag or an emoji ZWJ sequence is two.
/// - A cluster with an East Asian wide or fullwidth scalar, or an emoji shown as emoji, is 2.
/// - A cluster made only of combining marks, format characters or controls is 0.
/// - Anything else is 1.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        // Most text is printable ASCII, one column a byte: no need to walk its characters.
        if text.isASCIIPrintable { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    static func of(_ character: Character) -> Int {
        if character.isASCII { return character.unicodeScalars.first.map { $0.value >= 0x20 && $0.value != 0x7F ? 1 : 0 } ?? 0 }
        let scalars = character.unicodeScalars
        if scalars.contains(where: isWide) { return 2 }
        // A text-style symbol followed by VS16 (U+FE0F) asks for emoji presentation.
        if scalars.contains(where: { $0.value == 0xFE0F }), scalars.contains(where: { $0.properties.isEmoji }) { return 2 }
        if scalars.allSatisfy(isZeroWidth) { return 0 }
        return 1
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return true
        default: return scalar.value == 0x200B || (0x1160...0x11FF).contains(scalar.value)  // zero width space; Hangul jungseong/jongseong
        }
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isEmojiPresentation { return true }
        return wideRanges.contains { $0.contains(scalar.value) }
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks, after Markus Kuhn's `wcwidth.c`.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,    // Hangul Jamo initial consonants
        0x2329...0x232A,    // angle brackets
        0x2E80...0x303E,    // CJK radicals … CJK symbols and punctuation
        0x3041...0x33FF,    // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK compatibility
        0x3400...0x4DBF,    // CJK unified ideographs extension A
        0x4E00...0x9FFF,    // CJK unified ideographs
        0xA000...0xA4CF,    // Yi
        0xA960...0xA97F,    // Hangul Jamo extended A
        0xAC00...0xD7A3,    // Hangul syllables
        0xF900...0xFAFF,    // CJK compatibility ideographs
        0xFE10...0xFE19,    // vertical forms
        0xFE30...0xFE6F,    // CJK compatibility forms, small form variants
        0xFF00...0xFF60,    // fullwidth forms
        0xFFE0...0xFFE6,    // fullwidth signs
        0x1F300...0x1F64F,  // pictographs, emoticons
        0x1F900...0x1F9FF,  // supplemental symbols and pictographs
        0x20000...0x2FFFD,  // CJK extensions B…
        0x30000...0x3FFFD,  // CJK extension G…
    ]
}

extension String {
    /// Terminal columns this text takes; see ``DisplayWidth``.
    var displayWidth: Int { DisplayWidth.of(self) }

    /// The text padded with spaces to `width` columns, on the right or (for numbers) the left.
    func padded(to width: Int, alignment: Column.Alignment) -> String {
        let padding = String(repeating: " ", count: max(0, width - displayWidth))
        return alignment == .right ? padding + self : self + padding
    }
}
