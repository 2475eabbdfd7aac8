@testable import BarkleyArchive
import Foundation
import SeededRandom
import Testing

/// A runner already in the archive and another spelling of them a new file could bring.
struct Spelling: CustomTestStringConvertible, Sendable {
    let kind: String
    let existing: String
    let new: String
    var testDescription: String { "\(kind): \(existing) / \(new)" }
}

@Suite("Identity: a runner is never split silently")
struct IdentityTests {
    static let spellings: [Spelling] = [
        Spelling(kind: "left single quote for an apostrophe", existing: "Liam D'Arcy", new: "Liam D‘Arcy"),
        Spelling(kind: "modifier letter apostrophe", existing: "Liam D’Arcy", new: "Liam DʼArcy"),
        Spelling(kind: "backtick for an apostrophe", existing: "Liam D'Arcy", new: "Liam D`Arcy"),
        Spelling(kind: "no apostrophe at all", existing: "Liam D'Arcy", new: "Liam DArcy"),
        Spelling(kind: "en dash for a hyphen", existing: "Mary-Jane Kowalski", new: "Mary–Jane Kowalski"),
        Spelling(kind: "non-breaking hyphen", existing: "Mary-Jane Kowalski", new: "Mary‑Jane Kowalski"),
        Spelling(kind: "em dash for a hyphen", existing: "Mary-Jane Kowalski", new: "Mary—Jane Kowalski"),
        Spelling(kind: "a space for a hyphen", existing: "Mary-Jane Kowalski", new: "Mary Jane Kowalski"),
        Spelling(kind: "Last, First", existing: "Damian Hall", new: "Hall, Damian"),
        Spelling(kind: "Last, First with an accent", existing: "Sébastien Raichon", new: "RAICHON, Sebastien"),
        Spelling(kind: "family name first, no comma", existing: "Greig Hamilton", new: "Hamilton Greig"),
        Spelling(kind: "family name first after two given names", existing: "Mary Jane Kowalski", new: "Kowalski Mary Jane"),
        Spelling(kind: "one letter dropped", existing: "Guillaume Calmettes", new: "Guillaume Calmetes"),
        Spelling(kind: "two letters swapped", existing: "Guillaume Calmettes", new: "Guillaume Clamettes"),
        Spelling(kind: "one letter changed in a short name", existing: "Ed Furtaw", new: "Ed Furtow"),
    ]

    static func edition(_ year: Int, _ names: [String], extra: String = "") -> String {
        "year: \(year)\nentrant_list: partial\nentrants:\n" + names.map { "- name: \"\($0)\"\n" }.joined() + extra
    }

    @Test("a new runner near an existing one stops the import, naming the runner and the fix; nothing written", arguments: spellings)
    func nearNameStops(_ spelling: Spelling) throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2023.yaml", Self.edition(2023, ["Kelly Halpin", spelling.existing]))])
        let before = try fixture.snapshot()
        let text = Self.edition(2024, ["John Kelly", spelling.new])
        for dryRun in [true, false] {
            let error = try #require(throws: ImportError.self) {
                try fixture.archive.importFiles([fixture.file("2024.yaml", text)], dryRun: dryRun)
            }
            #expect(error.problems.count == 1, "\(error)")
            let problem = try #require(error.problems.first)
            #expect(problem.rule == .similarRunner)
            #expect(problem.file == "2024.yaml")
            #expect(problem.field == "entrants[1].name")
            #expect(problem.line == 5)
            #expect(problem.message.contains("'\(spelling.existing)'"))
            #expect(problem.message.contains("listed_as: \(spelling.new)") && problem.message.contains("distinct_from: \(spelling.existing)"))
            #expect(try fixture.snapshot() == before)
        }
    }

    @Test("the file says it is the same runner: name as stored, the spelling in listed_as", arguments: spellings)
    func sameRunnerByListedAs(_ spelling: Spelling) throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2023.yaml", Self.edition(2023, [spelling.existing]))])
        let text = Self.edition(2024, [spelling.existing], extra: "  listed_as: \"\(spelling.new)\"\n")
        try fixture.archive.importFiles([fixture.file("2024.yaml", text)])
        #expect(try fixture.archive.connection.scalar("SELECT count(*) FROM runner", as: Int.self) == 1)
        let runners = try fixture.archive.runners(named: spelling.new)
        #expect(runners.map(\.name) == [spelling.existing])
    }

    @Test("the file says it is a different person: distinct_from, kept and written back byte for byte", arguments: spellings)
    func differentPersonByDistinctFrom(_ spelling: Spelling) throws {
        let fixture = try TemporaryArchive()
        let first = try fixture.file("2023.yaml", try EditionFileWriter.text(of: Edition(year: 2023, entrantList: .partial, entrants: [Entrant(name: spelling.existing)])))
        var edition = Edition(year: 2024, entrantList: .partial, entrants: [Entrant(name: spelling.new, distinctFrom: [spelling.existing])])
        let canonical = try EditionFileWriter.text(of: edition)
        #expect(canonical.contains("distinct_from:"))
        let second = try fixture.file("2024.yaml", canonical)
        try fixture.archive.importFiles([first, second])
        #expect(try fixture.archive.connection.scalar("SELECT count(*) FROM runner", as: Int.self) == 2)
        #expect(try fixture.archive.edition(year: 2024)?.entrants.first?.distinctFrom == [spelling.existing])

        let exported = try fixture.archive.exportEditions(to: fixture.directory.appendingPathComponent("export"))
        #expect(try String(contentsOf: exported[1], encoding: .utf8) == canonical)

        // Imported the other way round, the older file is the new runner: the answer still holds.
        let reversed = try TemporaryArchive()
        try reversed.archive.importFiles([try reversed.file("2024.yaml", canonical), try reversed.file("2023.yaml", String(contentsOf: first, encoding: .utf8))])
        #expect(try reversed.archive.connection.scalar("SELECT count(*) FROM runner", as: Int.self) == 2)

        // Several names at once are a list, and come back as one.
        edition.entrants[0].distinctFrom = [spelling.existing, "Someone Else"]
        let list = try EditionFileWriter.text(of: edition)
        #expect(list.contains("distinct_from: ["))
        #expect(try EditionFileWriter.text(of: EditionFileReader.read(text: list, fileName: "2024.yaml").edition) == list)
    }

    @Test("runners new in one batch are checked against each other, in --dry-run as in a real import")
    func nearNamesWithinOneBatch() throws {
        let fixture = try TemporaryArchive()
        let urls = [try fixture.file("2022.yaml", Self.edition(2022, ["Jared Campbell"])),
                    try fixture.file("2023.yaml", Self.edition(2023, ["Jared Campbell"])),
                    try fixture.file("2024.yaml", Self.edition(2024, ["Jarred Campbel", "Jon Doe-Smith", "Doe Smith, Jon"]))]
        var found: [[ImportProblem]] = []
        for dryRun in [true, false] {
            let error = try #require(throws: ImportError.self) { try fixture.archive.importFiles(urls, dryRun: dryRun) }
            found.append(error.problems)
        }
        #expect(found[0] == found[1])
        #expect(found[0].map(\.rule) == [.similarRunner, .duplicateRunner])
        #expect(found[0].map(\.field) == ["entrants[0].name", "entrants[2].name"])
        #expect(try fixture.archive.connection.scalar("SELECT count(*) FROM runner", as: Int.self) == 0)
    }

    @Test("problems found against the archive and the batch come in line order with the file's own, file by file")
    func problemsInLineOrder() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2022.yaml", Self.edition(2022, ["Jared Campbell", "Guillaume Calmettes"]))])
        // In each file a near name (found against the archive) comes before a duplicate (found in the file alone).
        let urls = [try fixture.file("2023.yaml", Self.edition(2023, ["Jarred Campbell", "Jon Doe-Smith", "Doe Smith, Jon"])),
                    try fixture.file("2024.yaml", Self.edition(2024, ["Guillaume Calmetes", "Al Ng", "Ng, Al"]))]
        for dryRun in [true, false] {
            let error = try #require(throws: ImportError.self) { try fixture.archive.importFiles(urls, dryRun: dryRun) }
            #expect(error.problems.map(\.file) == ["2023.yaml", "2023.yaml", "2024.yaml", "2024.yaml"])
            #expect(error.problems.map(\.line) == [4, 6, 4, 6])
            #expect(error.problems.map(\.field) == ["entrants[0].name", "entrants[2].name", "entrants[0].name", "entrants[2].name"])
            #expect(error.problems.map(\.rule) == [.similarRunner, .duplicateRunner, .similarRunner, .duplicateRunner])
        }
    }

    @Test("names far apart, or short names a letter apart, import without a question")
    func farNamesImport() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([
            fixture.file("2023.yaml", Self.edition(2023, ["John Kelly", "Al Ng", "Jasmin Paris"])),
            fixture.file("2024.yaml", Self.edition(2024, ["John Kelley Smith", "Al Wu", "Jasmine Parsons", "Kelly Halpin"])),
        ])
        #expect(try fixture.archive.connection.scalar("SELECT count(*) FROM runner", as: Int.self) == 7)
    }

    @Test("correcting a spelling in the edition that alone names the runner asks nothing")
    func correctedSpellingInTheSameEdition() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2023.yaml", Self.edition(2023, ["Kelly Halpin", "Jasmine Parris"]))])
        try fixture.archive.importFiles([fixture.file("2023.yaml", Self.edition(2023, ["Kelly Halpin", "Jasmin Paris"]))])
        #expect(try fixture.archive.connection.rows("SELECT name FROM runner ORDER BY name").map { try $0.require("name", as: String.self) }
                == ["Jasmin Paris", "Kelly Halpin"])

        // Named by another edition too, the old spelling stays: the question is asked.
        try fixture.archive.importFiles([fixture.file("2022.yaml", Self.edition(2022, ["Jasmin Paris"]))])
        let error = try #require(throws: ImportError.self) {
            try fixture.archive.importFiles([fixture.file("2023.yaml", Self.edition(2023, ["Kelly Halpin", "Jasmin Parris"]))])
        }
        #expect(error.problems.map(\.rule) == [.similarRunner])
    }

    @Test("a distinct_from naming the entrant itself is refused")
    func distinctFromItself() throws {
        let text = Self.edition(2024, ["Jasmin Paris"], extra: "  distinct_from: JASMIN PARIS\n")
        let problems = EditionValidator.problems(in: try EditionFileReader.read(text: text, fileName: "2024.yaml"))
        #expect(problems.map(\.field) == ["entrants[0].distinct_from"])
        #expect(problems.first?.line == 5)
    }

    @Test("identity keys fold apostrophes, dashes and name order (with or without a comma), and keep suffixes")
    func identityKeys() {
        #expect(NameKey.identity("Dan O’Brien") == NameKey.identity("dan o'brien"))
        #expect(NameKey.identity("Kelly, John") == "john kelly")
        #expect(NameKey.identity("John Kelly, Jr.") == "john jr kelly")
        #expect(NameKey.identity("Kelly John") == NameKey.identity("John Kelly"))
        #expect(NameKey.identity("Kowalski Mary-Jane") == NameKey.identity("Mary Jane Kowalski"))
        #expect(NameKey.identity("Jean‐Pierre  Dubois") == "dubois jean pierre")
        #expect(NameKey.identity("'-") == NameKey.fold("'-"), "punctuation alone keeps its plain key")
        #expect(NameKey.fold("Dan O’Brien") != NameKey.fold("Dan O'Brien"), "runners are matched only on the plain key")
    }

    @Test("edit distance within the allowed band, scaled for short names")
    func distances() {
        #expect(NearNames.distance("john kelly", "jon kelly") == 1)
        #expect(NearNames.distance("john kelly", "jon kelley") == 2)
        #expect(NearNames.distance("john kelly", "jon kely") == nil, "8 letters: one edit allowed")
        #expect(NearNames.distance("john kelly", "jo kel") == nil)
        #expect(NearNames.distance("al ng", "al wu") == nil, "5 letters: one edit allowed")
        #expect(NearNames.distance("al ng", "al nq") == 1)
        #expect(NearNames.distance("bo li", "bo li") == 0)
        #expect(NearNames.distance("ed", "ad") == nil, "names of 4 letters or fewer must be equal")
    }

    /// The index finds exactly what comparing every pair finds. Seeded: 3,000 names of 1 to 14
    /// characters over a small alphabet with a non-ASCII letter, so near pairs are common and
    /// the index rebuilds its hash table as it grows; 460 of them are looked up.
    @Test("the near-name index finds exactly the runners a full comparison finds")
    func indexMatchesFullComparison() {
        var random = SplitMix64(seed: 0x1D3A7)
        let alphabet = Array("abcé ".unicodeScalars)
        var index = NearNameIndex()
        var keys: [String] = [], seen = Set<String>()
        while keys.count < 3_000 {
            let length = random.int(in: 1...14)
            let name = String(String.UnicodeScalarView((0..<length).map { _ in alphabet[random.int(in: 0...(alphabet.count - 1))] }))
            let key = NameKey.fold(name)
            guard !key.isEmpty, seen.insert(key).inserted else { continue }
            index.add(name: name, key: key)
            keys.append(key)
        }
        #expect(index.count == 3_000)
        let identities = keys.map { Array(NameKey.identity(folded: $0).unicodeScalars) }
        var pairs = 0
        for (position, query) in keys.enumerated() where position % 7 == 0 || position < 40 {
            let identity = identities[position]
            let result = index.near(identity: String(String.UnicodeScalarView(identity)), key: query)
            #expect(result.holdsKey, "every indexed runner is found by its own key")
            let found = Set(result.matches.map(\.key))
            let expected = Set(keys.indices.filter { other in
                guard other != position else { return false }
                let limit = min(NearNames.allowedDistance(length: identity.count), NearNames.allowedDistance(length: identities[other].count))
                return NearNames.distance(identity, identities[other], limit: limit) != nil
            }.map { keys[$0] })
            #expect(found == expected, "\(query)")
            pairs += expected.count
        }
        #expect(pairs > 200, "the sample has near pairs to find: \(pairs)")
    }
}
