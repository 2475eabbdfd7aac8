@testable import barkley
import Foundation
import Testing

/// The escaping rules themselves: what the terminal, a spreadsheet and a Markdown page get.
@Suite struct EscapingTests {
    @Test("controls, bidi and zero-width characters become visible escapes", arguments: [
        ("a\u{1B}[31mb", "a\\u{1B}[31mb"),
        ("bell\u{07}", "bell\\u{7}"),
        ("c1\u{9B}2J", "c1\\u{9B}2J"),
        ("del\u{7F}", "del\\u{7F}"),
        ("rtl \u{202E}evil", "rtl \\u{202E}evil"),
        ("iso\u{2066}late\u{2069}", "iso\\u{2066}late\\u{2069}"),
        ("zero\u{200B}width", "zero\\u{200B}width"),
        ("bom\u{FEFF}", "bom\\u{FEFF}"),
        ("Jasmin\u{200D} Paris", "Jasmin\\u{200D} Paris"),
        ("line\u{2028}sep", "line\\u{2028}sep"),
        ("two\nlines\tand\r", "two\\nlines\\tand\\r"),
    ])
    func cellEscapes(text: String, shown: String) {
        #expect(TextSanitizer.cell(text) == shown)
        #expect(TextSanitizer.cell(shown) == shown, "escaping twice changes nothing")
    }

    @Test("emoji built with joiners and tags, accents and scripts stay as written", arguments: [
        "👩‍👩‍👧", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "Aure\u{301}lien", "山田太郎", "محمد", "Jasmin Paris",
    ])
    func ordinaryTextIsUntouched(text: String) {
        #expect(TextSanitizer.cell(text) == text)
    }

    @Test("prose keeps its newlines and escapes the rest")
    func proseKeepsNewlines() {
        #expect(TextSanitizer.prose("one\u{1B}[2J\ntwo\u{202E}") == "one\\u{1B}[2J\ntwo\\u{202E}")
    }

    @Test("JSON escapes are the same value: DEL, C1, bidi and zero-width as \\u, above U+FFFF as a UTF-16 pair")
    func jsonEscapesKeepTheValue() throws {
        let value = "del\u{7F} c1\u{85} rtl\u{202E} zw\u{200B} tag\u{E0041}"
        let json = try JSONValue.array([.string(value)]).rendered()
        #expect(json.contains(#"del\u007F c1\u0085 rtl\u202E zw\u200B tag\uDB40\uDC41"#), "\(json)")
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        #expect(decoded == [value])
    }

    @Test("CSV cells a spreadsheet would run get a leading quote; whole numbers stay numbers", arguments: [
        ("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3+cmd", "'-2+3+cmd"),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-0:01:39", "'-0:01:39"),
        ("-12", "-12"),
        ("+3.5", "+3.5"),
        ("-1.5e-05", "-1.5e-05"),
        ("59:58:21", "59:58:21"),
        ("Jasmin Paris", "Jasmin Paris"),
        ("a=b", "a=b"),
        ("-.5", "-.5"),
        ("-", "'-"),
        ("-.", "'-."),
        ("+1e", "'+1e"),
        ("-1e+", "'-1e+"),
        ("-1.2.3", "'-1.2.3"),
        ("-12 ", "'-12 "),
    ])
    func csvNeutralizesFormulas(cell: String, written: String) {
        #expect(CSVRenderer.neutralized(cell) == written)
    }

    @Test("Markdown shows links, images, code, HTML, emphasis and autolinks as text", arguments: [
        ("[x](http://e.example)", "\\[x\\](http\\://e.example)"),
        ("![i](x.png)", "!\\[i\\](x.png)"),
        ("`code`", "\\`code\\`"),
        ("<b>&#x202E;</b>", "&lt;b>&amp;#x202E;&lt;/b>"),
        ("*em* ~del~ _u_", "\\*em\\* \\~del\\~ \\_u\\_"),
        ("run247_records", "run247_records"),
        ("a|b", "a\\|b"),
        ("see www.e.example or me@e.example", "see www\\.e.example or me\\@e.example"),
        ("back\\slash", "back\\\\slash"),
    ])
    func markdownInline(text: String, written: String) {
        #expect(MarkdownText.inline(text) == written)
    }

    @Test("no line of a note can start a heading, list, quote, code block or setext underline")
    func markdownParagraph() {
        let note = "# h\n- l\n+ p\n> q\n    code\n1. one\n2) two\n===\nplain"
        #expect(MarkdownText.paragraph(note) == "\\# h\n\\- l\n\\+ p\n\\> q\n&#32;&#32;&#32;&#32;code\n1\\. one\n2\\) two\n\\===\nplain")
    }
}
