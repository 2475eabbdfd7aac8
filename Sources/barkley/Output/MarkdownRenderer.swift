/// Renders a ``Report`` as GitHub-flavoured Markdown: a heading, the facts as a list, each
/// table as a pipe table (numbers aligned right), each section as a titled paragraph, or a list
/// (`- ` a line) when its lines are items (``Report/Section/isList``).
///
/// Archive text is inert in it: nothing in a name, a note or a URL renders as a link, an image,
/// code, emphasis or HTML, or breaks a table. Control characters are escaped first, as on every
/// output path (``Report/sanitized()``); then ``MarkdownText`` escapes what Markdown would read.
struct MarkdownRenderer {
    func render(_ report: Report) -> String {
        let report = report.sanitized()
        var blocks: [String] = []
        if let title = report.title { blocks.append("# " + MarkdownText.inline(title)) }
        if !report.facts.isEmpty {
            blocks.append(report.facts.map { "- **\(MarkdownText.inline($0.label)):** \(MarkdownText.inline($0.value.text(unknown: report.unknownText)))" }
                .joined(separator: "\n"))
        }
        for table in report.tables { blocks.append(render(table, unknown: report.unknownText)) }
        for section in report.sections {
            // A list section's lines are items (`Winning times: 2022 start_time`); joined into one
            // paragraph they would read as one run-on sentence.
            let body = section.isList
                ? section.text.split(separator: "\n").map { "- " + MarkdownText.inline(String($0)) }.joined(separator: "\n")
                : MarkdownText.paragraph(section.text)
            blocks.append("## \(MarkdownText.inline(section.title))\n\n" + body)
        }
        if let footer = report.footer { blocks.append(MarkdownText.inline(footer)) }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func render(_ table: Table, unknown: String) -> String {
        var lines: [String] = []
        if let title = table.title { lines += ["## " + MarkdownText.inline(title), ""] }
        if table.rows.isEmpty, let message = table.emptyMessage { return (lines + [MarkdownText.inline(message)]).joined(separator: "\n") }
        lines += Self.headerLines(table.columns)
        for row in table.rows {
            lines.append(Self.rowLine(row.map { $0.text(unknown: unknown) }, columns: table.columns))
        }
        return lines.joined(separator: "\n")
    }

    /// A pipe table's heading and alignment row (numbers aligned right); text already escaped
    /// for the terminal (``Report/sanitized()``).
    static func headerLines(_ columns: [Column]) -> [String] {
        ["| " + columns.map { MarkdownText.inline($0.name) }.joined(separator: " | ") + " |",
         "|" + columns.map { $0.alignment == .right ? " ---: |" : " --- |" }.joined()]
    }

    /// One row of a pipe table, each cell made inert (``MarkdownText/inline(_:)``).
    static func rowLine(_ cells: [String], columns: [Column]) -> String {
        "| " + columns.indices.map { index in index < cells.count ? MarkdownText.inline(cells[index]) : "" }.joined(separator: " | ") + " |"
    }
}

/// Escapes text so that GitHub-flavoured Markdown shows it as written and does nothing else.
///
/// - `\`, `` ` ``, `*`, `[`, `]`, `~`, `|` get a backslash: no code span, emphasis, link, image
///   (`![`), footnote, strikethrough or table cell boundary can start. `_` gets one unless it sits
///   between two letters or digits (`run247_records`), where Markdown never reads it.
/// - `<` and `&` become `&lt;` and `&amp;`: no HTML, no `<…>` autolink, and no character
///   reference such as `&#x202E;` can put back a character the sanitizer took out.
/// - Bare URLs and e-mail addresses, which GitHub turns into links, are broken with an escape
///   before the `:` of `://`, the `.` of `www.` and the `@`: they still read `https://…`.
enum MarkdownText {
    /// Text inside a line (a cell, a heading, a list item's value).
    static func inline(_ text: String) -> String {
        // Most cells (numbers, times, plain names) hold nothing to escape: return them as they are.
        var special = false, colon = false, slash = false, dot = false, w = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "~"), UInt8(ascii: "|"), UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "@"): special = true
            case UInt8(ascii: ":"): colon = true
            case UInt8(ascii: "/"): slash = true
            case UInt8(ascii: "."): dot = true
            case UInt8(ascii: "w"), UInt8(ascii: "W"): w = true
            default: break
            }
        }
        guard special || (colon && slash) || (dot && w) else { return text }
        let characters = Array(text)
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for (index, character) in characters.enumerated() {
            let previous = index > 0 ? characters[index - 1] : nil
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "\\", "`", "*", "[", "]", "~", "|": result += "\\" + String(character)
            case "_":
                let inWord = previous.map(isWordCharacter) == true && next.map(isWordCharacter) == true
                result += inWord ? "_" : "\\_"
            case "<": result += "&lt;"
            case "&": result += "&amp;"
            case "@": result += "\\@"
            case ":" where next == "/" && index + 2 < characters.count && characters[index + 2] == "/": result += "\\:"
            case "." where previous == "w" && index >= 3 && String(characters[(index - 3)..<index]).lowercased() == "www"
                && (index == 3 || !isWordCharacter(characters[index - 4])):
                result += "\\."
            default: result.append(character)
            }
        }
        return result
    }

    /// Several lines of prose as one paragraph per blank-line-separated block, with nothing at
    /// the start of a line able to begin a heading, a list, a quote, a code block, a table or a
    /// thematic break: leading spaces are written `&#32;`, and a leading `#`, `>`, `-`, `+`, `=`
    /// or an ordered-list number's `.`/`)` is escaped.
    static func paragraph(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line)
            var prefix = ""
            while line.first == " " {
                prefix += "&#32;"
                line = line.dropFirst()
            }
            var escaped = inline(String(line))
            if let first = escaped.first, "#>-+=".contains(first) {
                escaped = "\\" + escaped
            } else if let digits = escaped.firstIndex(where: { !$0.isASCII || !$0.isNumber }), digits != escaped.startIndex,
                      escaped[digits] == "." || escaped[digits] == ")" {
                escaped.insert("\\", at: digits)
            }
            return prefix + escaped
        }.joined(separator: "\n")
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }
}
