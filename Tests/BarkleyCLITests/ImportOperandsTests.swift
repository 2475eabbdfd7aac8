@testable import barkley
import Foundation
import Testing

/// `barkley import` with many edition files: they pass ArgumentParser as one argument
/// (see ``ImportOperands``), in order, and parsing costs what the list costs.
@Suite struct ImportOperandsTests {
    @Test("edition files are joined into one argument and split back in order; options and their values pass as given")
    func joinsAndSplits() throws {
        let arguments = ["import", "--db", "archive.yaml", "a.yaml", "b/c.YML", "--dry-run", "d.yaml", "--year", "2024.yaml"]
        let joined = ImportOperands.joined(arguments)
        #expect(joined == ["import", "--db", "archive.yaml", "a.yaml\0b/c.YML\0d.yaml", "--dry-run", "--year", "2024.yaml"])
        #expect(ImportOperands.split(["a.yaml\0b/c.YML\0d.yaml", "e.csv"]) == ["a.yaml", "b/c.YML", "d.yaml", "e.csv"])
        #expect(ImportOperands.joined(["export", "a.yaml", "b.yaml"]) == ["export", "a.yaml", "b.yaml"])
        #expect(ImportOperands.joined(["import", "a.csv", "--year", "2024"]) == ["import", "a.csv", "--year", "2024"])
        #expect(ImportOperands.joined(["import", "a.yaml", "--", "b.yaml"]) == ["import", "a.yaml", "--", "b.yaml"])
    }

    @Test("the options `import` declares with a value are exactly the ones whose value is never taken for a file")
    func valueOptionsMatchTheCommand() throws {
        let dump = try BarkleyBinary.run(["import", "--experimental-dump-help"])
        #expect(dump.status == 0)
        let info = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let command = try #require(info["command"] as? [String: Any])
        let arguments = try #require(command["arguments"] as? [[String: Any]])
        let valueOptions = arguments.filter { $0["kind"] as? String == "option" }.flatMap { argument in
            (argument["names"] as? [[String: String]] ?? []).map { name in (name["kind"] == "short" ? "-" : "--") + (name["name"] ?? "") }
        }
        #expect(Set(valueOptions) == ImportOperands.valueOptions)
    }

    @Test("20,000 edition files parse in linear time, every one kept")
    func manyFilesParseQuickly() throws {
        let files = (0..<20_000).map { "editions/race-\($0 / 40)/\(1986 + $0 % 40).yaml" }
        let clock = ContinuousClock()
        let start = clock.now
        let command = try Barkley.parseAsRoot(ImportOperands.joined(["import", "--db", "x.sqlite"] + files + ["--dry-run"]))
        let elapsed = clock.now - start
        let parsed = try #require(command as? Barkley.Import)
        #expect(ImportOperands.split(parsed.arguments) == files)
        #expect(parsed.dryRun)
        // Without the join, ArgumentParser took minutes over this list in a debug build.
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }
}
