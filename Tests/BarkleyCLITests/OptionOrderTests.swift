import Foundation
@testable import barkley
import Testing

/// `--db`, `--format` and `--race` work before the command as after it (`barkley --db X
/// finishers`); any other option before the command is refused (64) with the order that works.
@Suite struct OptionOrderTests {
    @Test("barkley --db FILE finishers reads FILE, as barkley finishers --db FILE does")
    func archiveBeforeTheCommand() throws {
        let directory = try TemporaryDirectory()
        let db = directory.path("archive.sqlite")
        let sample = Repository.root.appendingPathComponent("SampleData")
        let imported = try BarkleyBinary.run(["import", "--db", db, sample.appendingPathComponent("2024.yaml").path])
        #expect(imported.status == 0, "\(imported)")
        let after = try BarkleyBinary.run(["finishers", "--db", db])
        let before = try BarkleyBinary.run(["--db", db, "finishers"])
        let joined = try BarkleyBinary.run(["--db=\(db)", "finishers"])
        #expect(before.status == 0, "\(before)")
        #expect(before.stdout == after.stdout)
        #expect(joined.stdout == after.stdout)
        // Only 2024 is in the file: the built-in archive would list 27 finishes.
        #expect(before.stdout.contains("Ihor Verys") && !before.stdout.contains("Brett Maune"), "\(before.stdout)")
    }

    @Test("--format and --race before the command, with the command's own arguments after it")
    func formatBeforeTheCommand() throws {
        let before = try BarkleyBinary.run(["--format", "json", "--race", "Barkley Marathons", "most", "finishes", "--limit", "3"])
        let after = try BarkleyBinary.run(["most", "finishes", "--limit", "3", "--format", "json", "--race", "Barkley Marathons"])
        #expect(before.status == 0, "\(before)")
        #expect(before.stdout == after.stdout)
        #expect(before.stdout.hasPrefix("{"))
    }

    @Test("an option the command does not take is refused by the command, by name")
    func movedOptionTheCommandRefuses() throws {
        let result = try BarkleyBinary.run(["--format", "json", "check"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("--format"), "\(result)")
        #expect(!result.stderr.contains("Options go after the command"), "\(result)")
    }

    @Test("another option before the command is refused with the order that works")
    func commandOptionBeforeTheCommand() throws {
        let result = try BarkleyBinary.run(["--limit", "3", "most", "finishes"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Options go after the command: barkley most finishes --limit 3"), "\(result)")
        let fixed = try BarkleyBinary.run(["most", "finishes", "--limit", "3"])
        #expect(fixed.status == 0)
    }

    @Test func reorderingMovesOnlyLeadingGlobalOptionsBeforeACommand() {
        let commands: Set<String> = ["finishers", "most", "edition"]
        #expect(GlobalOptionOrder.reordered(["--db", "x", "finishers", "--year", "2024"], commands: commands)
                == ["finishers", "--db", "x", "--year", "2024"])
        #expect(GlobalOptionOrder.reordered(["--db=x", "--format", "csv", "most", "finishes"], commands: commands)
                == ["most", "--db=x", "--format", "csv", "finishes"])
        // A file named like a command is the option's value, not the command.
        #expect(GlobalOptionOrder.reordered(["--db", "edition", "edition", "2024"], commands: commands)
                == ["edition", "--db", "edition", "2024"])
        // Nothing to move, or no command after them: unchanged (the overview takes them).
        #expect(GlobalOptionOrder.reordered(["--format", "json"], commands: commands) == ["--format", "json"])
        #expect(GlobalOptionOrder.reordered(["--db"], commands: commands) == ["--db"])
        #expect(GlobalOptionOrder.reordered(["--limit", "3", "most"], commands: commands) == ["--limit", "3", "most"])
        #expect(GlobalOptionOrder.reordered(["finishers", "--db", "x"], commands: commands) == ["finishers", "--db", "x"])
    }

    @Test func hintQuotesWhatTheShellNeeds() {
        let hint = GlobalOptionOrder.hint(for: ["--chart", "edition", "it's", "--", "-x"], commands: ["edition"])
        #expect(hint == "Options go after the command: barkley edition 'it'\\''s' --chart -- -x")
        #expect(GlobalOptionOrder.hint(for: ["--help", "edition"], commands: ["edition"]) == nil)
        #expect(GlobalOptionOrder.hint(for: ["edition", "--chart"], commands: ["edition"]) == nil)
    }
}
