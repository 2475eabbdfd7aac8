import BarkleyArchive
import Foundation
import SeededRandom
import SQLiteLayer
import Testing

/// Every reading command on archives holding the extremes the schema admits, and `check` on
/// archives whose rows break the rules: nothing crashes or hangs, and `check` names each fault.
@Suite("Archives at the schema's extremes", .serialized)
struct BoundaryArchiveTests {
    /// Every reading command, with the arguments that reach the most code.
    static let readingCommands: [[String]] = [
        [], ["edition", "2024"], ["edition", "2012"], ["finishers"], ["finishers", "--year", "2024"], ["fun-runs"],
        ["fun-runs", "--year", "2024"], ["runner", "Jasmin Paris"], ["runner", "John Kelly"], ["search", "paris"], ["records"],
        ["records", "--loops", "100"], ["records", "--loops", "1"], ["firsts"], ["firsts", "--loops", "100"], ["most", "starts"],
        ["most", "finishes"], ["most", "fun-runs"], ["attrition"], ["attrition", "2024"], ["countries"], ["sources", "2024"],
        ["sources", "2024", "--runner", "Jasmin Paris"], ["sql", "SELECT * FROM entry JOIN loop_time ON loop_time.entry_id = entry.id"],
    ]

    /// Runs `barkley`, killing it after `limit` seconds; nil when it had to be killed (a hang).
    static func run(_ arguments: [String], limit: TimeInterval = 30) throws -> BarkleyBinary.Result? {
        let running = try BarkleyBinary.start(arguments)
        let deadline = Date().addingTimeInterval(limit)
        while running.process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if running.process.isRunning {
            running.process.terminate()
            _ = try running.wait()
            return nil
        }
        return try running.wait()
    }

    /// Writes boundary values (the least and the most each bounded column admits) into the
    /// archive at `path`, each chosen by `random`; a combination a constraint refuses is skipped.
    static func writeExtremes(into path: String, random: inout SplitMix64) throws -> Int {
        let db = try Connection(path: path)
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        let statements: [String] = [
            "UPDATE edition SET finish_loops = \(pick(["1", "100"])), fun_run_loops = \(pick(["NULL", "1", "99"])) WHERE year = 2024",
            "UPDATE edition SET finish_limit_seconds = \(pick(["1", "3600000"])), fun_run_limit_seconds = \(pick(["NULL", "1", "3600000"]))",
            "UPDATE edition SET starters = \(pick(["0", "100000"])), stated_finishers = \(pick(["NULL", "0", "100000"])), stated_fun_runs = \(pick(["0", "100000"])) WHERE year = \(pick(["2024", "2012"]))",
            "INSERT OR REPLACE INTO loop_count (edition_id, loop, started, completed) SELECT id, \(pick(["1", "100"])), \(pick(["0", "100000"])), \(pick(["0", "NULL"])) FROM edition",
            "INSERT OR REPLACE INTO loop_cutoff (edition_id, loop, cutoff_seconds) SELECT id, \(pick(["1", "100"])), \(pick(["1", "3600000"])) FROM edition",
            "UPDATE entry SET loops_completed = \(pick(["0", "100", "NULL"])) WHERE name = '\(pick(["Jasmin Paris", "John Kelly"]))'",
            "UPDATE entry SET outcome = 'finish', finish_seconds = \(pick(["1", "3600000"])) WHERE name = 'John Kelly'",
            "INSERT OR REPLACE INTO loop_time (entry_id, loop, elapsed_seconds, precision) SELECT id, \(pick(["1", "99", "100"])), \(pick(["1", "3600000"])), 'exact' FROM entry WHERE name = '\(pick(["Jasmin Paris", "John Kelly"]))'",
            "INSERT OR REPLACE INTO loop_time (entry_id, loop, elapsed_seconds, precision) SELECT id, 100, 3600000, 'approximate' FROM entry",
            "UPDATE loop_time SET elapsed_seconds = \(pick(["1", "3600000"])) WHERE loop = \(pick(["1", "5"]))",
        ]
        var written = 0
        for sql in statements where (try? db.execute(sql)) != nil { written += 1 }
        return written
    }

    @Test("every reading command on archives holding the schema's extremes: no crash, no hang")
    func extremesNeverCrashReadingCommands() throws {
        let directory = try TemporaryDirectory()
        let base = directory.path("base.sqlite")
        let imported = try BarkleyBinary.run(["import", "--db", base] + ["2012.yaml", "2017.yaml", "2024.yaml", "2025.yaml"].map(Repository.sample))
        #expect(imported.status == 0, "\(imported)")
        var random = SplitMix64(seed: 0xED6E_5)
        let variants = ReliabilityTests.heavy ? 25 : 2
        var runs = 0, crashes: [String] = [], hangs: [String] = []
        for variant in 0..<variants {
            let path = directory.path("extreme-\(variant).sqlite")
            try FileManager.default.copyItem(atPath: base, toPath: path)
            _ = try Self.writeExtremes(into: path, random: &random)
            let perVariant = Self.readingCommands.flatMap { [$0, $0 + ["--format", "json"]] }
                + [["check"], ["export", directory.path("export-\(variant)")], ["backup", directory.path("backup-\(variant).sqlite")]]
            for command in perVariant {
                runs += 1
                guard let result = try Self.run(command + ["--db", path]) else { hangs.append("\(variant): \(command)"); continue }
                // 0 an answer, 1 no such thing, 65 a fault check names, 64 a --loops no edition
                // has (the extremes change 2024's); anything else is a crash.
                let refusedLoops = result.status == 64 && command.contains("--loops") && result.stderr.contains("No race of")
                if ![0, 1, 65].contains(result.status) && !refusedLoops { crashes.append("\(variant): \(command): \(result)") }
            }
        }
        #expect(crashes == [])
        #expect(hangs == [])
        print("boundary fuzzer: \(variants) archives at the schema's extremes, \(runs) command runs, \(crashes.count) crashes, \(hangs.count) hangs")
    }

    @Test("check names rows written with CHECK constraints off, and outcomes the times do not support")
    func checkFindsBrokenRulesAndDerivedLies() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("archive.sqlite")
        #expect(try BarkleyBinary.run(["import", "--db", path, Repository.sample("2024.yaml"), Repository.sample("2025.yaml")]).status == 0)
        #expect(try BarkleyBinary.run(["check", "--db", path]).status == 0)
        do {
            let db = try Connection(path: path)
            // A 0:20:00 "finish" for a runner whose times say otherwise, and a sex no CHECK allows.
            try db.execute("""
                UPDATE entry SET outcome = 'finish', finish_seconds = 1200
                WHERE name = 'John Kelly' AND edition_id = (SELECT id FROM edition WHERE year = 2025);
                PRAGMA ignore_check_constraints = ON;
                UPDATE entry SET sex = 'X' WHERE name = 'Jasmin Paris';
                PRAGMA ignore_check_constraints = OFF;
                """)
        }
        let result = try BarkleyBinary.run(["check", "--db", path])
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("derived: 2025") && result.stderr.contains("John Kelly") && result.stderr.contains("0:20:00"), "\(result.stderr)")
        #expect(result.stderr.contains("CHECK constraint failed in entry"), "\(result.stderr)")
    }

    @Test("check names a schema edited by hand")
    func checkFindsHandEditedSchema() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("archive.sqlite")
        #expect(try BarkleyBinary.run(["import", "--db", path, Repository.sample("2024.yaml")]).status == 0)
        do {
            let db = try Connection(path: path)
            try db.execute("DROP INDEX entry_by_country; CREATE INDEX mine ON entry (note)")
        }
        let result = try BarkleyBinary.run(["check", "--db", path])
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("schema: the index 'entry_by_country' of the barkley schema is missing"), "\(result.stderr)")
        // An index of the owner's own is theirs to keep (UserSchemaObjectsTests): no problem.
        #expect(!result.stderr.contains("'mine'"), "\(result.stderr)")
    }
}

@Suite("Output time grows with the rows, not their square", .serialized)
struct OutputScalingTests {
    /// Seconds `barkley edition 2024` takes on an archive of one edition of `count` entrants, in
    /// every format, the best of two runs (less noise on a shared machine).
    static func editionSeconds(entrants count: Int, in directory: TemporaryDirectory) throws -> Double {
        let file = directory.path("\(count)/2024.yaml")
        try FileManager.default.createDirectory(atPath: directory.path("\(count)"), withIntermediateDirectories: true)
        let lines = ["year: 2024", "entrant_list: partial", "starters: \(count)", "entrants:"]
            + (0..<count).map { "- {name: \(ReliabilityTests.EditionSets.runnerName(year: 1986, index: $0)), loops_completed: 1}" }
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let db = directory.path("\(count)/archive.sqlite")
        #expect(try BarkleyBinary.run(["import", "--db", db, file]).status == 0)
        var total = 0.0
        for format in ["table", "csv", "json", "markdown"] {
            var best = Double.infinity
            for _ in 0..<2 {
                let start = Date()
                let result = try BarkleyBinary.run(["edition", "2024", "--db", db, "--format", format])
                best = min(best, Date().timeIntervalSince(start))
                #expect(result.status == 0)
            }
            total += best
        }
        return total
    }

    @Test("edition output for 4 times the entrants takes well under 16 times as long")
    func editionOutputIsLinear() throws {
        let directory = try TemporaryDirectory()
        let small = try Self.editionSeconds(entrants: 1_000, in: directory)
        let large = try Self.editionSeconds(entrants: 4_000, in: directory)
        print("edition output: 1,000 entrants \(String(format: "%.2f", small)) s, 4,000 entrants \(String(format: "%.2f", large)) s (ratio \(String(format: "%.1f", large / small)); quadratic would be about 16)")
        #expect(large / small < 8, "4× the entrants took \(large / small)× as long")
    }
}
