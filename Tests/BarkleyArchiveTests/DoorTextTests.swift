@testable import BarkleyArchive
import Foundation
import Testing

/// One invisible or control character pasted into a value, and how the file writes it.
struct PastedCharacter: CustomTestStringConvertible, Sendable {
    let name: String
    /// The character as a YAML double-quoted escape (`\u200C`) or as itself.
    let yaml: String
    var testDescription: String { name }
}

@Suite("Text at the door: cleaned once, as it is read")
struct DoorTextTests {
    static let invisible: [PastedCharacter] = [
        PastedCharacter(name: "zero-width non-joiner U+200C", yaml: "\\u200C"),
        PastedCharacter(name: "zero-width joiner U+200D", yaml: "\\u200D"),
        PastedCharacter(name: "word joiner U+2060", yaml: "\\u2060"),
        PastedCharacter(name: "byte-order mark inside text U+FEFF", yaml: "\\uFEFF"),
        PastedCharacter(name: "right-to-left override U+202E", yaml: "\\u202E"),
        PastedCharacter(name: "left-to-right embedding U+202A", yaml: "\\u202A"),
        PastedCharacter(name: "first strong isolate U+2068", yaml: "\\u2068"),
        PastedCharacter(name: "right-to-left mark U+200F", yaml: "\\u200F"),
        PastedCharacter(name: "soft hyphen U+00AD (a format character)", yaml: "\\u00AD"),
        PastedCharacter(name: "bell U+0007 (C0)", yaml: "\\a"),
        PastedCharacter(name: "escape U+001B (C0)", yaml: "\\e"),
        PastedCharacter(name: "delete U+007F", yaml: "\\x7F"),
        PastedCharacter(name: "control sequence introducer U+009B (C1)", yaml: "\\x9B"),
        PastedCharacter(name: "line separator U+2028", yaml: "\\L"),
        PastedCharacter(name: "a line break in a name", yaml: "\\n"),
        PastedCharacter(name: "variation selector-16 U+FE0F (not a format character)", yaml: "\\uFE0F"),
        PastedCharacter(name: "variation selector-1 U+FE00", yaml: "\\uFE00"),
        PastedCharacter(name: "variation selector-17 U+E0100", yaml: "\\U000E0100"),
        PastedCharacter(name: "Mongolian free variation selector U+180B", yaml: "\\u180B"),
        PastedCharacter(name: "combining grapheme joiner U+034F", yaml: "\\u034F"),
        PastedCharacter(name: "Hangul filler U+3164 (a letter that shows nothing)", yaml: "\\u3164"),
    ]

    @Test("an invisible or control character in a name is refused with file, line and field; nothing written", arguments: invisible)
    func invisibleCharacterInName(_ pasted: PastedCharacter) throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2024.yaml", Sample.edition2024)])
        let before = try fixture.snapshot()
        let text = Sample.edition2024(replacing: "name: Ihor Verys", with: "name: \"Ihor\(pasted.yaml) Verys\"")
        for dryRun in [true, false] {
            let error = try #require(throws: ImportError.self) {
                try fixture.archive.importFiles([fixture.file("2024.yaml", text)], dryRun: dryRun)
            }
            let problem = try #require(error.problems.first)
            #expect(error.problems.count == 1, "\(error)")
            #expect(problem.rule == .forbiddenCharacter)
            #expect(problem.file == "2024.yaml")
            #expect(problem.field == "entrants[1].name")
            #expect(problem.line == Sample.line(of: "Ihor", in: text))
            #expect(problem.message.contains("after 'Ihor'"), "\(problem.message)")
            #expect(try fixture.snapshot() == before)
        }
    }

    @Test("an invisible character is refused in every kind of field: codes, keys, citations, notes", arguments: [
        ("  country: \"CAN\"\n", "  country: \"C\\u200BAN\"\n", "entrants[1].country"),
        ("  irunfar: https://irunfar.com/2024-barkley-marathons-results\n", "  irunfar: \"https://irunfar.com/\\u202E2024\"\n", "sources.irunfar"),
        ("cite: [irunfar]\nentrants", "cite: [\"irunfar\\u2060\"]\nentrants", "cite[0]"),
        ("finishers: 2\n", "finishers: 2\nnotes: \"A note\\u2066 with an isolate\"\n", "notes"),
    ])
    func invisibleCharacterInAnyField(_ old: String, _ new: String, _ field: String) throws {
        let text = Sample.edition2024(replacing: old, with: new)
        let error = try #require(throws: ImportError.self) { try EditionFileReader.read(text: text, fileName: "2024.yaml") }
        let problem = try #require(error.problems.first { $0.rule == .forbiddenCharacter }, "\(error)")
        #expect(problem.field == field)
        #expect(problem.line != nil)
    }

    @Test("names are trimmed, inner white space of any kind becomes one space, and text is NFC")
    func namesAreTrimmedCollapsedAndComposed() throws {
        let spaces = ["\u{2003}", "\u{3000}", "\u{202F}", "\u{2009}\u{00A0}", "\t", "\u{205F}  "]
        for space in spaces {
            let text = Sample.edition2024(replacing: "name: Ihor Verys", with: "name: \"\(space)Ihor\(space)\(space)Verys\(space)\"")
                .replacingOccurrences(of: "name: Guillaume Calmettes", with: "name: \"Guillaume Calmettes\(space)\"\n  listed_as: \"\(space)G.\(space)Calmettes \"")
            let parsed = try EditionFileReader.read(text: text, fileName: "2024.yaml")
            #expect(parsed.edition.entrants[1].name == "Ihor Verys", "\(space.unicodeScalars.map(\.value))")
            #expect(parsed.edition.entrants[2].name == "Guillaume Calmettes")
            #expect(parsed.edition.entrants[2].listedAs == "G. Calmettes")
        }
        // "Sébastien Chaigneau" typed with a combining acute accent (NFD), as macOS file names write it.
        let decomposed = "Se\u{0301}bastien Chaigneau"
        #expect(decomposed.unicodeScalars.count == 20)
        let parsed = try EditionFileReader.read(text: Sample.edition2024(replacing: "name: Ihor Verys", with: "name: \(decomposed)"), fileName: "2024.yaml")
        #expect(parsed.edition.entrants[1].name.unicodeScalars.count == 19)
        #expect(Array(parsed.edition.entrants[1].name.unicodeScalars) == Array("S\u{00E9}bastien Chaigneau".unicodeScalars))
    }

    @Test("a blank value is unknown (NULL), never an empty string", arguments: ["\"\"", "\"   \"", "\"\\u00A0\"", "\"\\t \\u3000\"", "''"])
    func blankIsUnknown(_ blank: String) throws {
        let fixture = try TemporaryArchive()
        let text = Sample.edition2024(replacing: "  country: \"FRA\"\n", with: "  country: \(blank)\n  listed_as: \(blank)\n  note: \(blank)\n")
            .replacingOccurrences(of: "finishers: 2\n", with: "finishers: 2\nnotes: \(blank)\n")
        try fixture.archive.importFiles([fixture.file("2024.yaml", text)])
        let row = try #require(try fixture.archive.connection.row(
            "SELECT country, listed_as, note, typeof(country) AS t1, typeof(listed_as) AS t2, typeof(note) AS t3 FROM entry WHERE name = 'Guillaume Calmettes'"))
        #expect(try row.require("t1", as: String.self) == "null")
        #expect(try row.require("t2", as: String.self) == "null")
        #expect(try row.require("t3", as: String.self) == "null")
        #expect(try fixture.archive.connection.scalar("SELECT typeof(notes) FROM edition", as: String.self) == "null")
    }

    @Test("a blank name is a missing name, with its line")
    func blankNameIsMissing() throws {
        let text = Sample.edition2024(replacing: "name: Ihor Verys", with: "name: \"\\u00A0 \"")
        let error = try #require(throws: ImportError.self) { try EditionFileReader.read(text: text, fileName: "2024.yaml") }
        let problem = try #require(error.problems.first)
        #expect(problem.rule == .missingField)
        #expect(problem.field == "entrants[1].name")
        #expect(problem.line == Sample.line(of: "name: \"", in: text))
    }

    @Test("notes keep their line breaks (CR LF becomes LF); one-line fields refuse them")
    func lineBreaksOnlyInNotes() throws {
        #expect(try DoorText.clean("first\r\nsecond\rthird\n", as: .note) == "first\nsecond\nthird\n")
        #expect(throws: DoorText.Refusal.self) { try DoorText.clean("USA\r", as: .value) }
        #expect(try DoorText.clean("  GBR\u{00A0}", as: .value) == "GBR")
        #expect(try DoorText.clean("Jasmin\u{00A0}\u{00A0}Paris", as: .value) == "Jasmin\u{00A0}\u{00A0}Paris", "only names collapse inner spaces")
    }

    @Test("the ASCII fast path cleans exactly as the general path", arguments: [
        "", " ", "Jasmin Paris", "  Jasmin   Paris ", "a\nb", " x ", "x  y", "\n", "a\tb",
    ])
    func asciiFastPath(_ text: String) throws {
        /// What the door makes of `text`: the cleaned text, "<blank>" or "<refused>".
        func outcome(_ text: String, _ kind: DoorText.Kind) -> String {
            do { return try DoorText.clean(text, as: kind) ?? "<blank>" } catch { return "<refused>" }
        }
        // A non-ASCII letter at the end sends the text down the general path; cut it off again.
        for kind in [DoorText.Kind.name, .value, .note] where !(text.last?.isWhitespace ?? true) {
            let general = outcome(text + "é", kind)
            #expect(outcome(text, kind) == (general.hasPrefix("<") ? general : String(general.dropLast())), "\(text.debugDescription) as \(kind)")
        }
    }

    @Test("TRUE and False are booleans in any case; yes and 1 are not")
    func booleans() {
        for text in ["true", "TRUE", "True", "tRuE"] { #expect(DoorText.bool(text) == true) }
        for text in ["false", "FALSE", "False", "fAlSe"] { #expect(DoorText.bool(text) == false) }
        for text in ["yes", "1", "Y", "on", ""] { #expect(DoorText.bool(text) == nil) }
    }
}

/// Variation selectors: refused after a letter (they change the text, not what it shows), kept
/// where they choose an emoji's presentation.
@Suite("Variation selectors at the door")
struct VariationSelectorTests {
    @Test("after a letter or a digit a variation selector is refused; after an emoji it stays",
          arguments: [("Jasmin\u{FE0F} Paris", false), ("Jasmin Paris\u{FE0E}", false), ("Team 1\u{FE0F}", false),
                      ("Jasmin ⛰\u{FE0F}", true), ("Jasmin ❤\u{FE0E}", true)])
    func variationSelectors(_ example: (String, Bool)) {
        let accepted = (try? DoorText.clean(example.0, as: .name)) != nil
        #expect(accepted == example.1)
        #expect((try? DoorText.clean(example.0, as: .note)) != nil, "a note keeps it")
    }
}
