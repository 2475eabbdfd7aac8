import Testing

/// Golden output of the reading commands on the built-in archive, in every format.
///
/// The expected files were checked by eye against `/work/shared/reference` (editions.csv,
/// finishes.csv, fun_runs.csv, facts.md): 38 editions held, 27 finishes (26 of the 5-loop race
/// by 20 runners, plus Ed Furtaw's 1988 3-loop finish), 2024's five finishers and times, 2025's
/// 40 starters and one fun run.
@Suite struct ReadingOutputTests {
    static let formats: [(name: String, fileExtension: String)] = [("table", "txt"), ("csv", "csv"), ("json", "json"), ("jsonl", "jsonl"), ("markdown", "md")]

    @Test(arguments: formats.map(\.name))
    func overview(format: String) throws {
        let result = try BarkleyBinary.run(["overview", "--format", format])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        try Golden.check(result.stdout, matches: "overview.\(Self.fileExtension(format))")
    }

    @Test func noArgumentsShowsTheOverview() throws {
        let plain = try BarkleyBinary.run([])
        let explicit = try BarkleyBinary.run(["overview"])
        #expect(plain.status == 0)
        #expect(plain.stdout == explicit.stdout)
        #expect(!plain.stdout.contains("\u{1B}"), "no colour when stdout is not a terminal")
    }

    @Test func formatWithoutACommandGoesToTheOverview() throws {
        let result = try BarkleyBinary.run(["--format", "json"])
        #expect(result.status == 0, "\(result)")
        try Golden.check(result.stdout, matches: "overview.json")
    }

    @Test(arguments: formats.map(\.name))
    func edition2024(format: String) throws {
        let result = try BarkleyBinary.run(["edition", "2024", "--format", format])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        try Golden.check(result.stdout, matches: "edition-2024.\(Self.fileExtension(format))")
    }

    /// 2001: times published to the minute (58:21), unknown starters and fun-run count.
    @Test func editionWithApproximateTimes() throws {
        let result = try BarkleyBinary.run(["edition", "2001"])
        #expect(result.status == 0, "\(result)")
        try Golden.check(result.stdout, matches: "edition-2001.txt")
    }

    @Test func editionNotHeld() throws {
        let result = try BarkleyBinary.run(["edition", "2002"])
        #expect(result.status == 0, "\(result)")
        try Golden.check(result.stdout, matches: "edition-2002.txt")
    }

    /// NULL for unknown: 2001's starters and 2002 (not held) have none.
    @Test(arguments: formats.map(\.name))
    func sql(format: String) throws {
        let result = try BarkleyBinary.run([
            "sql", "SELECT year, held, starters, stated_finishers AS finishers FROM edition WHERE year BETWEEN 2000 AND 2003 ORDER BY year",
            "--format", format,
        ])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        try Golden.check(result.stdout, matches: "sql.\(Self.fileExtension(format))")
    }

    @Test func rootHelp() throws {
        let result = try BarkleyBinary.run(["--help"])
        #expect(result.status == 0)
        try Golden.check(result.stdout, matches: "help-root.txt")
    }

    @Test func editionHelp() throws {
        let result = try BarkleyBinary.run(["edition", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"))
        try Golden.check(result.stdout, matches: "help-edition.txt")
    }

    /// Every command's help has an example.
    @Test(arguments: ["overview", "edition", "sql", "import", "export", "check", "backup", "finishers", "fun-runs", "runner",
                      "records", "firsts", "attrition", "search", "sources", "most", "countries"])
    func helpHasAnExample(command: String) throws {
        let result = try BarkleyBinary.run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:\n  barkley"), "\(command) --help has no example")
    }

    @Test func completionScriptsComeFromTheLibrary() throws {
        let result = try BarkleyBinary.run(["--generate-completion-script", "bash"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("edition"))
    }

    static func fileExtension(_ format: String) -> String {
        formats.first { $0.name == format }?.fileExtension ?? "txt"
    }
}
