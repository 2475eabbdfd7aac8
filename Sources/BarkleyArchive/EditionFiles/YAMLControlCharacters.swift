import Foundation

/// Finds the characters YAML does not allow in a file at all, before the text reaches Yams.
///
/// YAML's character set (YAML 1.1 §5.1) excludes the C0 controls but tab, line feed and
/// carriage return, DEL, the C1 controls but NEL (U+0085), and U+FFFE/U+FFFF. Yams refuses
/// such a file with "control characters are not allowed" and no line; this pass names the line,
/// the key written on it and the text before the character, as ``DoorText`` does for a value,
/// so the person can find a raw escape pasted from a terminal (`ESC [2J`) or a web page (U+009B).
///
/// Inside double quotes, YAML's escapes (`"\e"`, `"\x9b"`) are text, not raw characters: they
/// pass here and ``DoorText`` refuses the value they make, with its field path.
enum YAMLControlCharacters {
    /// - Throws: ``ImportError`` with one ``ImportProblem/Rule/forbiddenCharacter`` problem per
    ///   line that holds such a character (the first one on the line), in line order.
    static func check(_ text: String, file: String) throws(ImportError) {
        var text = text
        // One comparison per byte in the usual case: the slow path runs only for a file that has one.
        let found = text.withUTF8 { bytes in
            bytes.indices.contains { index in isForbidden(bytes, at: index) }
        }
        guard found else { return }
        throw ImportError(problems: problems(in: text, file: file))
    }

    /// Whether the UTF-8 sequence starting at `index` encodes a character YAML forbids.
    private static func isForbidden(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        switch byte {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F: return true
        case 0xC2:  // U+0080…U+00BF: the C1 controls are U+0080…U+009F, NEL (U+0085) allowed
            guard index + 1 < bytes.count else { return false }
            let next = bytes[index + 1]
            return (0x80...0x9F).contains(next) && next != 0x85
        case 0xEF:  // U+FFFE, U+FFFF: EF BF BE, EF BF BF
            guard index + 2 < bytes.count else { return false }
            return bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE
        default: return false
        }
    }

    /// Whether YAML forbids `scalar` anywhere in a file.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x85: false
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// One problem per line holding a forbidden character. Lines are split at LF, CR LF and CR,
    /// as YAML (and ``ImportProblem``'s line numbers) count them.
    static func problems(in text: String, file: String) -> [ImportProblem] {
        var problems: [ImportProblem] = []
        var lineNumber = 0
        var rest = Substring(text)
        while !rest.isEmpty || lineNumber == 0 {
            lineNumber += 1
            let end = rest.unicodeScalars.firstIndex { $0 == "\n" || $0 == "\r" } ?? rest.endIndex
            let line = rest[..<end]
            if let problem = problem(onLine: line, number: lineNumber, file: file) { problems.append(problem) }
            guard end < rest.endIndex else { break }
            var next = rest.unicodeScalars.index(after: end)
            if rest.unicodeScalars[end] == "\r", next < rest.endIndex, rest.unicodeScalars[next] == "\n" {
                next = rest.unicodeScalars.index(after: next)
            }
            rest = rest[next...]
        }
        return problems
    }

    /// The problem of one line, if it holds a forbidden character: the field is the key written
    /// on the line (`name` for `- name: "Jasmin…"`), or `-` when the line has none.
    private static func problem(onLine line: Substring, number: Int, file: String) -> ImportProblem? {
        guard let bad = line.unicodeScalars.firstIndex(where: isForbidden) else { return nil }
        let scalar = line.unicodeScalars[bad]
        let before = line[..<bad]
        let (key, valueStart) = keyAndValueStart(of: before)
        var written = String(before[valueStart...]).drop { $0 == " " || $0 == "\t" }
        if let quote = written.first, quote == "\"" || quote == "'" { written = written.dropFirst() }
        let code = String(format: "U+%04X", scalar.value)
        let name = scalar.properties.nameAlias ?? scalar.properties.name
        let described = name.map { "\(code) \($0)" } ?? code
        let shown = written.count > 30 ? "…" + String(written.suffix(30)) : String(written)
        let place = shown.isEmpty ? "at the start of the value" : "after '\(shown)'"
        return ImportProblem(file: file, line: number, field: key ?? "-", rule: .forbiddenCharacter,
                             message: "contains a control character (\(described)) \(place); delete it "
                                 + "(a raw escape, as pasted from a terminal or a web page: YAML allows none in a file)")
    }

    /// The key written before the character on its line (after any `- ` markers), and where the
    /// value starts: after `key: `, or the line's start when no key precedes the character.
    private static func keyAndValueStart(of before: Substring) -> (key: String?, valueStart: Substring.Index) {
        var start = before.startIndex
        while start < before.endIndex, before[start] == " " || before[start] == "-" || before[start] == "\t" {
            start = before.index(after: start)
        }
        guard let colon = before[start...].firstRange(of: ": ") ?? before[start...].firstRange(of: ":\t") else {
            return (nil, before.startIndex)
        }
        var key = before[start..<colon.lowerBound].trimmingCharacters(in: .whitespaces)
        if key.count >= 2, let first = key.first, (first == "\"" || first == "'"), key.last == first {
            key = String(key.dropFirst().dropLast())
        }
        // A key is a short word; anything else (a colon inside a quoted value) is not one.
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return (nil, before.startIndex) }
        return (key, colon.upperBound)
    }
}
