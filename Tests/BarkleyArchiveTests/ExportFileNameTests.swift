@testable import BarkleyArchive
import Foundation
import Testing

/// Export gives every edition a file of its own, on every file system, or writes nothing.
@Suite("Export: one file per edition")
struct ExportFileNameTests {
    /// An edition file of `race` in `year`, with a note to tell the files apart.
    static func file(race: String, year: Int = 2024, note: String) -> String {
        "race: \"\(race)\"\nyear: \(year)\nentrant_list: unknown\nnotes: \(note)\n"
    }

    /// Imports one file per race, exports, and returns the files written and the export folder.
    static func exportRaces(_ races: [String], year: Int = 2024, in fixture: TemporaryArchive) throws -> (files: [URL], directory: URL) {
        let inputs = try races.enumerated().map { index, race in
            try fixture.file("input-\(index).yaml", file(race: race, year: year, note: "race number \(index)"))
        }
        try fixture.archive.importFiles(inputs)
        let directory = fixture.directory.appendingPathComponent("export")
        return (try fixture.archive.exportEditions(to: directory), directory)
    }

    @Test("races whose names differ only in case, accents, punctuation or width each get a file, and each comes back")
    func racesThatFoldAlike() throws {
        let races = ["Trail Ñ", "trail n", "Trail-N", "TRAIL N", "Tráil N.", "Ｔｒａｉｌ Ｎ", "trail_n"]
        let fixture = try TemporaryArchive()
        let (files, directory) = try Self.exportRaces(races, in: fixture)
        #expect(files.count == races.count)
        #expect(Set(files.map { $0.lastPathComponent.lowercased() }).count == races.count, "distinct even where case is ignored")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == races.count)

        let copy = try TemporaryArchive()
        try copy.archive.importFiles(files)
        #expect(try copy.archive.editionKeys().map(\.race).sorted() == races.sorted())
        // The same races get the same files in every export.
        let again = try copy.archive.exportEditions(to: copy.directory.appendingPathComponent("again"))
        #expect(again.map(\.lastPathComponent).sorted() == files.map(\.lastPathComponent).sorted())
    }

    @Test("a race with a slug of its own keeps the plain name; the Barkley keeps YEAR.yaml")
    func namesWithoutClashesStayPlain() throws {
        #expect(try EditionFileName.names(for: [Edition(year: 2024), Edition(race: "Hardrock 100", year: 2024), Edition(race: "Hardrock 100", year: 2025)])
                == ["2024.yaml", "hardrock-100-2024.yaml", "hardrock-100-2025.yaml"])
    }

    @Test("a race name longer than a file name may be exports under at most 128 bytes, and comes back", arguments: [
        String(repeating: "Long", count: 80),
        String(repeating: "長い名前の大会", count: 30),
        String(repeating: "Ultra-Trail du Mont-Blanc® ", count: 12).trimmingCharacters(in: .whitespaces),
        String(repeating: "Écrins ", count: 50).trimmingCharacters(in: .whitespaces),
    ])
    func longRaceNames(race: String) throws {
        let fixture = try TemporaryArchive()
        let (files, _) = try Self.exportRaces([race], in: fixture)
        let name = try #require(files.first?.lastPathComponent)
        #expect(name.utf8.count <= EditionFileName.maximumBytes)
        #expect(name.hasSuffix(".yaml"))
        let copy = try TemporaryArchive()
        try copy.archive.importFiles(files)
        #expect(try copy.archive.editionKeys().map(\.race) == [race])
    }

    @Test("two long names that start alike get distinct files")
    func longNamesThatStartAlike() throws {
        let prefix = String(repeating: "Mountain ", count: 30)
        let fixture = try TemporaryArchive()
        let (files, _) = try Self.exportRaces([prefix + "East", prefix + "West"], in: fixture)
        #expect(Set(files.map(\.lastPathComponent)).count == 2)
    }

    @Test("an export that cannot give every edition its own file writes nothing, and names both editions")
    func refusesBeforeWritingAnything() throws {
        // Found by search: after the slug is cut, these two share the slug and the eight hex
        // digits of their suffix.
        let prefix = String(repeating: "Long", count: 30)
        let races = [prefix + " 522725", prefix + " 854118"]
        let editions = races.map { Edition(race: $0, year: 2024) }
        #expect(EditionFileName.base(for: editions[0]).name == EditionFileName.base(for: editions[1]).name, "the inputs must clash")

        let fixture = try TemporaryArchive()
        let inputs = try races.enumerated().map { try fixture.file("input-\($0).yaml", Self.file(race: $1, note: "n\($0)")) }
        try fixture.archive.importFiles(inputs)
        let directory = fixture.directory.appendingPathComponent("export")
        let error = #expect(throws: ExportError.self) { try fixture.archive.exportEditions(to: directory) }
        #expect(error?.description.contains(races[0]) == true)
        #expect(error?.description.contains(races[1]) == true)
        #expect(!FileManager.default.fileExists(atPath: directory.path), "nothing written, not even the folder")
    }
}
