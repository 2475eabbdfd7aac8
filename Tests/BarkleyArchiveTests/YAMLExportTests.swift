@testable import BarkleyArchive
import Foundation
import SeededRandom
import Testing

/// Export writes text so that no YAML reader can read it as anything else.
@Suite("Export: every string comes back as the same string")
struct YAMLExportTests {
    @Test("strings a YAML 1.1 or 1.2 reader would type are quoted", arguments: [
        "y", "Y", "yes", "Yes", "YES", "yEs", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
        "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "~", "",
        "0o17", "0x1F", "0b101", "0123", "1_000", "+12", "-12", "7",
        ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "1e3", "1.5", ".5", "1.", "6.8523015e+5",
        "1:20", "190:20:30", "59:58:21", "1:20.5",
        "2025-03-18", "2025-3-8", "2025-03-18T11:37:00Z", "2025-03-18 11:37:00.5 +01:00",
        "<<", "=", " leading", "trailing ", "\u{A0}no-break", "tab\there", "line\u{2028}separator",
    ])
    func typedStringsAreQuoted(text: String) {
        #expect(YAMLPlainScalar.needsQuotes(text))
    }

    @Test("ordinary text stays plain, so files that were canonical keep their bytes", arguments: [
        "Jasmin Paris", "Race-A", "Dan O'Brien", "2024 edition", "12 Feb", "yes please", "No. 1", "1:2:3:4 loops",
        "https://irunfar.com/2024-barkley-marathons-results", "Frozen Head State Park", "Räce Ä", "山田太郎",
    ])
    func ordinaryTextStaysPlain(text: String) {
        #expect(!YAMLPlainScalar.needsQuotes(text))
    }

    /// The number and date forms of YAML 1.1 and 1.2 as regular expressions: the definition
    /// ``YAMLPlainScalar`` scans for without a regex engine.
    static var numberOrDate: Regex<Substring> { #/
        [-+]?[0-9][0-9_]*
        | [-+]?0[oO][0-7_]+ | [-+]?0[bB][01_]+ | [-+]?0[xX][0-9a-fA-F_]+
        | [-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        | [-+]?[0-9][0-9_]*[eE][-+]?[0-9]+
        | [-+]?\.(?i:inf|nan)
        | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?
        | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}
          (?:(?:[Tt]|[\ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[\ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?
        /# }

    @Test("the number and date scanner agrees with the regular expressions of YAML 1.1 and 1.2 (seeded, 6,000 strings)")
    func scannerMatchesTheRegularExpressions() {
        var random = SplitMix64(seed: 0x5CA1_AB1E)
        var tricky = TrickyYAMLStrings(random: SplitMix64(seed: 0x5CA1_AB1F))
        let alphabet = Array("0123456789_:.-+eExXoObBTtZ infa")
        let tokens = ["0", "1", "6", "12", "59", "60", "123", "2025", ":", ":", ".", "-", "+", "e", "E", "_", "T", " ", "Z",
                      "0x", "0o", "0b", "f", "8", ".inf", ".NaN", "-0", "1:2"]
        let numberOrDate = Self.numberOrDate
        var typed = 0
        for index in 0..<6000 {
            let text: String
            switch index % 3 {
            case 0: text = String((0..<random.int(in: 1...12)).map { _ in alphabet[random.int(in: 0...alphabet.count - 1)] })
            // Near misses built from the forms' own pieces: `1:60`, `2025-1-123`, `0x`, `1e`, `.Inf5`.
            case 1: text = (0..<random.int(in: 1...6)).map { _ in tokens[random.int(in: 0...tokens.count - 1)] }.joined()
            default: text = tricky.tidy()
            }
            let expected = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "<<", "="].contains(text.lowercased())
                || (try? numberOrDate.wholeMatch(in: text)) != nil
            #expect(YAMLPlainScalar.isTypedByAReader(text) == expected, "\(text.debugDescription)")
            if expected { typed += 1 }
        }
        #expect(typed > 500, "the inputs reach the typed forms")
    }

    @Test("strings libyaml cannot write plain come back too: indicators first, ': ' and ' #' inside", arguments: [
        "- dash", "? query", ": colon", "[x]", "{y}", "#hash", "&anchor", "*alias", "!tag", "|pipe", ">fold",
        "'single", "\"double", "%percent", "@at", "`tick", ",comma", "key: value", "text # not a comment", "ends:",
        "---", "...", "--- document", "-", "?", ":",
    ])
    func syntaxIsQuotedByTheEmitter(text: String) throws {
        var edition = Edition(year: 2024, entrantList: .partial)
        edition.entrants = [Entrant(name: "Someone", listedAs: text)]
        edition.notes = text
        let written = try EditionFileWriter.text(of: edition)
        let read = try EditionFileReader.read(text: written, fileName: "2024.yaml").edition
        #expect(read.notes == text)
        #expect(read.entrants.first?.listedAs == text)
    }

    @Test("tricky strings in every text field: export, import, export is byte-identical (seeded, 41 editions)")
    func roundTripThroughTheArchive() throws {
        var generator = TrickyEditions(seed: 0x7A11_5EED)
        for year in 1986...2026 {
            let edition = generator.edition(year: year) { $0.tidy() }
            // One archive per edition: each edition's one runner has a tricky name, and no two
            // editions' runners should meet (or be taken for each other) in one archive.
            let fixture = try TemporaryArchive()
            let text = try EditionFileWriter.text(of: edition)
            let file = try fixture.file(Archive.fileName(for: edition), text)
            try fixture.archive.importFiles([file])
            let stored = try #require(try fixture.archive.edition(year: year, race: edition.race))
            #expect(stored == edition, "\(year): \(text)")
            let exported = try fixture.archive.exportEditions(to: fixture.directory.appendingPathComponent("export"))
            #expect(exported.map(\.lastPathComponent) == [file.lastPathComponent])
            #expect(try String(contentsOf: try #require(exported.first), encoding: .utf8) == text, "\(year): \(text)")
        }
    }

    @Test("PyYAML (YAML 1.1) reads every exported string back as the same string (seeded, 120 editions)")
    func pyYAMLReadsEveryStringBack() throws {
        let fixture = try TemporaryArchive()
        var generator = TrickyEditions(seed: 0xB0_01EA)
        var files: [(URL, Edition)] = []
        for index in 0..<120 {
            // Half the editions carry strings only quotes can hold (white space at the ends,
            // tabs, separators, empty text): they test the writer, not the import door.
            let edition = generator.edition(year: 1986 + index % 40) { index.isMultiple(of: 2) ? $0.wild() : $0.tidy() }
            files.append((try fixture.file("\(index).yaml", try EditionFileWriter.text(of: edition)), edition))
        }
        let documents = try PyYAML.load(files.map(\.0))
        var checked = 0
        for (file, edition) in files {
            let document = try #require(documents[file.path])
            for (field, expected, actual) in Self.textFields(of: edition, in: document) {
                #expect(actual == .string(expected), "\(file.lastPathComponent): \(field) is \(actual.map(\.description) ?? "missing")")
                checked += 1
            }
            #expect(document["sources"]?.keys ?? [] == edition.sources.map { .string($0.key) }, "\(file.lastPathComponent): source keys")
        }
        #expect(checked > 1000)
    }

    /// Every text field of `edition` with what PyYAML read at its place in `document`.
    static func textFields(of edition: Edition, in document: PyYAML.Value) -> [(String, String, PyYAML.Value?)] {
        var fields: [(String, String, PyYAML.Value?)] = []
        if edition.race != Edition.barkley { fields.append(("race", edition.race, document["race"])) }
        if let notes = edition.notes { fields.append(("notes", notes, document["notes"])) }
        for source in edition.sources {
            fields.append(("sources.\(source.key)", source.citation, document["sources"]?[source.key]))
        }
        for (index, key) in edition.cited.enumerated() { fields.append(("cite[\(index)]", key, document["cite"]?[index])) }
        for (index, entrant) in edition.entrants.enumerated() {
            let item = document["entrants"]?[index]
            fields.append(("entrants[\(index)].name", entrant.name, item?["name"]))
            if let listedAs = entrant.listedAs { fields.append(("entrants[\(index)].listed_as", listedAs, item?["listed_as"])) }
            if let country = entrant.country { fields.append(("entrants[\(index)].country", country, item?["country"])) }
            if let note = entrant.note { fields.append(("entrants[\(index)].note", note, item?["note"])) }
            for (position, key) in entrant.cited.enumerated() {
                fields.append(("entrants[\(index)].cite[\(position)]", key, item?["cite"]?[position]))
            }
            for (position, time) in entrant.times.enumerated() {
                let timeItem = item?["times"]?[position]
                fields.append(("entrants[\(index)].times[\(position)].elapsed", time.elapsed.description, timeItem?["elapsed"]))
                if let note = time.note { fields.append(("entrants[\(index)].times[\(position)].note", note, timeItem?["note"])) }
                for (order, key) in time.cited.enumerated() {
                    fields.append(("entrants[\(index)].times[\(position)].cite[\(order)]", key, timeItem?["cite"]?[order]))
                }
            }
        }
        return fields
    }
}
