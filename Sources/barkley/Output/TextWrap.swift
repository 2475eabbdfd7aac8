/// Breaks text into lines of at most a given number of terminal columns (``DisplayWidth``).
///
/// Lines break at spaces, so words stay whole; a single word wider than the width (a long URL)
/// is the only thing ever broken inside, after a `/` or a `-` where it can, else between
/// characters, so nothing is lost. Each step is
/// linear in the text's length: a cell of a megabyte wraps as fast as it can be read.
enum TextWrap {
    /// `text` (one line: newlines are not expected) as lines of at most `width` columns.
    /// Always at least one line; spaces where a line breaks are dropped. With
    /// `breakingLongWords` false, a word wider than the width is left whole on a line of its own
    /// (a path or a command in a message, which must survive copy and paste).
    static func lines(_ text: String, width: Int, breakingLongWords: Bool = true) -> [String] {
        let width = max(width, 1)
        if text.isASCIIPrintable ? text.utf8.count <= width : text.displayWidth <= width { return [text] }
        var lines: [String] = []
        var line = "", lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let wordWidth = String(word).displayWidth
            if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if wordWidth <= width || !breakingLongWords {
                line = String(word)
                lineWidth = wordWidth
                continue
            }
            // A word wider than the whole line (a URL): broken after a `/`, `-`, `_`, `?` or `&`
            // where a piece fits, else between characters.
            for piece in pieces(of: word) {
                let pieceWidth = String(piece).displayWidth
                if lineWidth + pieceWidth <= width {
                    line += piece
                    lineWidth += pieceWidth
                    continue
                }
                if lineWidth > 0, pieceWidth <= width {
                    lines.append(line)
                    line = String(piece)
                    lineWidth = pieceWidth
                    continue
                }
                for character in piece {
                    let characterWidth = DisplayWidth.of(character)
                    if lineWidth + characterWidth > width, lineWidth > 0 {
                        lines.append(line)
                        line = ""
                        lineWidth = 0
                    }
                    line.append(character)
                    lineWidth += characterWidth
                }
            }
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// A long word cut after each `/`, `-`, `_`, `?` and `&`: where a URL may break.
    private static func pieces(of word: Substring) -> [Substring] {
        var pieces: [Substring] = [], start = word.startIndex
        for index in word.indices where "/-_?&".contains(word[index]) {
            let end = word.index(after: index)
            pieces.append(word[start..<end])
            start = end
        }
        if start < word.endIndex { pieces.append(word[start...]) }
        return pieces
    }

    /// Prose of several lines, each wrapped to `width` (no limit when nil). A line that starts
    /// with spaces keeps them, and its continuation lines are indented `hanging` more (2 for
    /// messages, so an indented example or a usage line still reads as one item; 0 for a
    /// report's notes, which read as paragraphs).
    static func prose(_ text: String, width: Int?, hanging: Int = 2, breakingLongWords: Bool = true) -> String {
        guard let width else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let indent = line.prefix { $0 == " " }.count
            let body = String(line.dropFirst(indent))
            guard String(line).displayWidth > width else { return String(line) }
            // Continuation lines hang two columns in; every line is wrapped to the narrower width,
            // so a word broken across lines is never re-joined with a space.
            let hanging = min(indent + hanging, width / 2)
            let wrapped = lines(body, width: max(width - hanging, 1), breakingLongWords: breakingLongWords)
            let head = String(repeating: " ", count: indent) + wrapped[0]
            let rest = wrapped.dropFirst().map { String(repeating: " ", count: hanging) + $0 }
            return ([head] + rest).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// `text` in at most `width` columns: as it is when it fits, else its start and its end
    /// around `…` (`https://www.sportskeeda.com/us/…/clocks-fastest-time`): a URL's host and its
    /// page both still show, where breaking it would leave half a link on each line.
    static func shortened(_ text: String, width: Int) -> String {
        guard text.displayWidth > width else { return text }
        guard width > 1 else { return "…" }
        let characters = Array(text)
        var head = "", tail: [Character] = [], used = 1
        var front = 0, back = characters.count - 1
        // The start gets the odd column: it holds the host.
        var takeFront = true
        while front <= back {
            let character = takeFront ? characters[front] : characters[back]
            let characterWidth = DisplayWidth.of(character)
            if used + characterWidth > width { break }
            used += characterWidth
            if takeFront { head.append(character); front += 1 } else { tail.append(character); back -= 1 }
            takeFront.toggle()
        }
        return head + "…" + String(tail.reversed())
    }

    /// The longest word's width of at most `limit` columns (0 when there is none): a column is
    /// never made narrower than it (``TableLayout``); a longer word (a URL) may break or shorten.
    static func longestWord(_ text: String, upTo limit: Int) -> Int {
        text.split(separator: " ").map { String($0).displayWidth }.filter { $0 <= limit }.max() ?? 0
    }

    /// The longest word's width: a column is never made narrower than its heading's longest word.
    static func longestWord(_ text: String) -> Int {
        if text.isASCIIPrintable {
            var longest = 0, current = 0
            for byte in text.utf8 {
                if byte == UInt8(ascii: " ") { current = 0 } else { current += 1; longest = max(longest, current) }
            }
            return longest
        }
        return text.split(separator: " ").map { String($0).displayWidth }.max() ?? 0
    }
}

extension String {
    /// Only printable ASCII: one column a byte, measured without walking characters.
    var isASCIIPrintable: Bool { utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
}
