import Foundation
import Testing

/// `barkley export` says what it wrote, and writes what it says, or nothing.
@Suite struct ExportCommandTests {
    /// Writes one edition file per race into `directory` and imports them into `archive`.
    static func importRaces(_ races: [String], into archive: String, directory: TemporaryDirectory) throws {
        let files = try races.enumerated().map { index, race in
            let path = directory.path("race-\(index).yaml")
            try "race: \"\(race)\"\nyear: 2023\nentrant_list: unknown\nnotes: race \(index)\n".write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let result = try BarkleyBinary.run(["import", "--db", archive] + files)
        #expect(result.status == 0, "\(result)")
    }

    @Test("races that fold alike and a name too long for a file: one file each, as many as it says")
    func foldAlikeAndLongRaces() throws {
        let directory = try TemporaryDirectory()
        let archive = directory.path("a.sqlite")
        let races = ["Hill Race", "hill race", "Hill-Race", "Hîll Râce", String(repeating: "Endless Hill ", count: 30) + "Race"]
        try Self.importRaces(races, into: archive, directory: directory)
        let out = directory.path("out")
        let result = try BarkleyBinary.run(["export", "--db", archive, out])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "Wrote 5 edition files to \(out).\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(names.count == races.count)
        #expect(names.allSatisfy { $0.utf8.count <= 128 })

        let copy = directory.path("copy.sqlite")
        let reimport = try BarkleyBinary.run(["import", "--db", copy] + names.map { "\(out)/\($0)" })
        #expect(reimport.status == 0, "\(reimport)")
        let stored = try BarkleyBinary.run(["sql", "SELECT race FROM edition ORDER BY race", "--db", copy, "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(stored.stdout.utf8)) as? [[String: String]]
        #expect(rows?.compactMap { $0["race"] } == races.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    @Test("an export that cannot give each edition a file exits 65, names both editions and writes nothing")
    func refusalWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let archive = directory.path("a.sqlite")
        // After the slug is cut to fit, these share the slug and the suffix of their exact names.
        let prefix = String(repeating: "Long", count: 30)
        try Self.importRaces([prefix + " 522725", prefix + " 854118"], into: archive, directory: directory)
        let out = directory.path("out")
        let result = try BarkleyBinary.run(["export", "--db", archive, out])
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("522725") && result.stderr.contains("854118"), "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
