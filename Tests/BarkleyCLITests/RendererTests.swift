import BarkleyArchive
@testable import barkley
import Testing

/// The pieces behind the output: display width, table alignment, escaping, SQL splitting.
@Suite struct RendererTests {
    @Test(arguments: [
        ("abc", 3),
        ("Aurélien", 8),                 // precomposed é
        ("Aure\u{301}lien", 8),          // e + combining acute accent
        ("日本語", 6),                   // East Asian wide
        ("ｆｕｌｌ", 8),                  // fullwidth Latin
        ("🏃", 2),                       // emoji
        ("🇳🇿", 2),                      // flag: two regional indicators, one cluster
        ("👩‍👩‍👧", 2),                     // ZWJ sequence
        ("\u{200B}", 0),                 // zero width space
    ])
    func displayWidth(text: String, width: Int) {
        #expect(text.displayWidth == width)
    }

    @Test func tableAlignsByDisplayWidth() {
        let table = Table(columns: ["Name", .number("Loops")], rows: [["Aure\u{301}lien", "2"], ["日本", "10"], ["Jo", .unknown]])
        let text = TableRenderer().render(Report(tables: [table]))
        #expect(text == """
            Name        Loops
            --------  -------
            Aurélien        2
            日本           10
            Jo        unknown

            """.replacingOccurrences(of: "Aurélien", with: "Aure\u{301}lien"))
    }

    @Test func cellsCannotBreakRowsOrReachTheTerminal() {
        #expect(TextSanitizer.cell("two\nlines\tand \u{1B}[31mred") == "two\\nlines\\tand \\u{1B}[31mred")
    }

    @Test func markdownEscapesPipes() {
        let table = Table(columns: ["Text"], rows: [["a|b"]])
        #expect(MarkdownRenderer().render(Report(tables: [table])) == "| Text |\n| --- |\n| a\\|b |\n")
    }

    @Test func markdownListSectionsAreListItems() {
        let list = Report.Section(title: "Disputed", text: "Winning times: 2014 *elapsed*\nStart times: 2022 start_time", isList: true)
        let prose = Report.Section(title: "Notes", text: "One line\nand the next")
        #expect(MarkdownRenderer().render(Report(sections: [list, prose])) == """
            ## Disputed

            - Winning times: 2014 \\*elapsed\\*
            - Start times: 2022 start_time

            ## Notes

            One line
            and the next

            """)
    }

    @Test func csvQuotesAndLeavesUnknownEmpty() throws {
        let table = Table(columns: ["Name", "Note"], rows: [["Ed \"Frozen Ed\" Furtaw", .unknown], ["a,b", "c"]])
        let csv = try CSVRenderer().render(Report(tables: [table], csvTable: 0))
        #expect(csv == "name,note\n\"Ed \"\"Frozen Ed\"\" Furtaw\",\n\"a,b\",c\n")
    }

    @Test func jsonHasSortedKeysAndExplicitNulls() throws {
        let json: JSONValue = ["b": 1, "a": JSONValue(nil as Int?)]
        #expect(try json.rendered() == "{\n  \"a\" : null,\n  \"b\" : 1\n}\n")
    }

    @Test(arguments: [
        ("SELECT 1", false),
        ("SELECT 1;", false),
        ("SELECT 1; ", false),
        ("SELECT 1; -- done", false),
        ("SELECT ';' AS x", false),
        ("SELECT \"a;b\" FROM t", false),
        ("SELECT 1 /* ; */", false),
        ("SELECT 'it''s; fine'", false),
        ("SELECT 1; SELECT 2", true),
        ("SELECT 1;/* c */DELETE FROM t", true),
        ("SELECT 1;\n'x'", true),
    ])
    func statementCount(sql: String, several: Bool) {
        #expect(SQLText.hasMoreThanOneStatement(sql) == several)
    }

    @Test func approximateTimesKeepTheirSecondsUnknown() {
        #expect(Formatting.time(RaceTime(seconds: 58 * 3600 + 21 * 60, precision: .approximate)) == "58:21:--")
        #expect(Formatting.time(RaceTime(hours: 59, minutes: 58, seconds: 21)) == "59:58:21")
    }
}
