import BarkleyArchive
import Foundation

/// The reading CLI's two figures (issue 18): `barkley sql` over a result of millions of rows,
/// and `barkley edition YEAR` of one very large edition, each timed from launch to exit in a
/// child process whose peak memory GNU time reports (see ``timed(_:_:runs:environment:)``).
///
/// - `sql`: a recursive CTE of `sqlRows` rows (3,000,000 by default) of three columns, in every
///   format, standard output to /dev/null; against `SELECT 1` (the binary's own footprint).
///   Streaming is what keeps memory flat: the requirement is under 50 MB in every format.
/// - `edition`: one 2024 edition file of 5,000, 10,000 and 20,000 entrants (`editionSizes`),
///   imported with `barkley import`, then `edition 2024` and `edition 2024 --splits` in every
///   format (table also at `COLUMNS=80`) timed (median of `runs`). The requirement: under a second at
///   20,000, and time linear in the entrants (the ratio per doubling near 2).
///
/// Run alone with `barkley-bench --readers` (needs `barkley` built into the same scratch path).
enum ReaderFigures {
    struct Run: Codable {
        var command: String
        var rows: Int
        /// Median wall-clock seconds, launch to exit.
        var seconds: Double
        /// Median CPU seconds (user + system) of the child: what the command costs, whatever
        /// else the machine is running (on a loaded machine wall-clock time is mostly waiting).
        var cpuSeconds: Double = 0
        /// The largest resident set of the runs, in megabytes.
        var peakMegabytes: Double
    }

    struct Result: Codable {
        var sql: [Run] = []
        var edition: [Run] = []
        /// For each `edition` command, seconds at each size over seconds at the size before it.
        var growth: [String: [Double]] = [:]
    }

    static let sqlRows = 3_000_000
    static let editionSizes = [5_000, 10_000, 20_000]

    /// - Parameter sql: whether to time `sql` too; false for `edition`'s figures alone.
    static func measure(barkley: URL, workDirectory: URL, runs: Int, sql: Bool = true, say: (String) -> Void) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: barkley.path) else {
            throw BenchError.failed("no barkley binary at \(barkley.path); build it with `\(CLITimings.buildCommand)`")
        }
        var result = Result()
        if sql { try measureSQL(barkley: barkley, runs: runs, into: &result, say: say) }
        try measureEdition(barkley: barkley, workDirectory: workDirectory, runs: runs, into: &result, say: say)
        return result
    }

    private static func measureSQL(barkley: URL, runs: Int, into result: inout Result, say: (String) -> Void) throws {
        let statement = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < \(sqlRows)) "
            + "SELECT x AS id, 'runner ' || x AS name, x * 0.5 AS half FROM n"
        say("barkley sql over \(sqlRows.grouped) rows (stdout to /dev/null)…")
        let baseline = try timed(barkley, ["sql", "SELECT 1"], runs: runs)
        result.sql.append(Run(command: "barkley sql \"SELECT 1\"", rows: 1, seconds: baseline.seconds, cpuSeconds: baseline.cpu,
                              peakMegabytes: baseline.peak))
        say("  SELECT 1: \(format(baseline.seconds, 3)) s, peak \(format(baseline.peak, 1)) MB")
        for outputFormat in ["table", "csv", "json", "jsonl", "markdown"] {
            let run = try timed(barkley, ["sql", statement, "--format", outputFormat], runs: 1)
            result.sql.append(Run(command: "barkley sql <\(sqlRows.grouped) rows> --format \(outputFormat)", rows: sqlRows,
                                  seconds: run.seconds, cpuSeconds: run.cpu, peakMegabytes: run.peak))
            say("  \(outputFormat): \(format(run.seconds, 2)) s, peak \(format(run.peak, 1)) MB")
        }
    }

    private static func measureEdition(barkley: URL, workDirectory: URL, runs: Int, into result: inout Result, say: (String) -> Void) throws {
        let commands: [(name: String, arguments: [String])] = [
            ("edition 2024", ["edition", "2024"]), ("edition 2024 (COLUMNS=80)", ["edition", "2024"]),
            ("edition 2024 --format csv", ["edition", "2024", "--format", "csv"]),
            ("edition 2024 --format json", ["edition", "2024", "--format", "json"]),
            ("edition 2024 --format jsonl", ["edition", "2024", "--format", "jsonl"]),
            ("edition 2024 --format markdown", ["edition", "2024", "--format", "markdown"]),
            ("edition 2024 --splits", ["edition", "2024", "--splits"]),
            ("edition 2024 --splits (COLUMNS=80)", ["edition", "2024", "--splits"]),
            ("edition 2024 --splits --format csv", ["edition", "2024", "--splits", "--format", "csv"]),
            ("edition 2024 --splits --format json", ["edition", "2024", "--splits", "--format", "json"]),
            ("edition 2024 --splits --format jsonl", ["edition", "2024", "--splits", "--format", "jsonl"]),
            ("edition 2024 --splits --format markdown", ["edition", "2024", "--splits", "--format", "markdown"]),
        ]
        for size in editionSizes {
            let directory = workDirectory.appendingPathComponent("edition-\(size)")
            try? FileManager.default.removeItem(at: directory)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let file = directory.appendingPathComponent("2024.yaml")
            try EditionFileWriter.text(of: largeEdition(entrants: size)).write(to: file, atomically: false, encoding: .utf8)
            let database = directory.appendingPathComponent("archive.sqlite").path
            let (status, _) = try ChildProcess.run(barkley, ["import", "--db", database, file.path], captureOutput: false)
            guard status == 0 else { throw BenchError.failed("barkley import of \(file.path) exited with \(status)") }
            say("edition of \(size.grouped) entrants (\(database)):")
            for command in commands {
                let environment = command.name.contains("COLUMNS=80") ? ["COLUMNS": "80"] : ["COLUMNS": ""]
                let run = try timed(barkley, command.arguments + ["--db", database], runs: runs, environment: environment)
                result.edition.append(Run(command: "barkley " + command.name, rows: size, seconds: run.seconds, cpuSeconds: run.cpu,
                                          peakMegabytes: run.peak))
                say("  \(command.name): \(format(run.seconds, 3)) s (CPU \(format(run.cpu, 3)) s), peak \(format(run.peak, 1)) MB")
            }
        }
        // CPU time, not wall-clock: on a machine shared with other work, waiting for a core
        // would hide (or invent) the growth.
        for command in commands {
            let times = result.edition.filter { $0.command == "barkley " + command.name }.map(\.cpuSeconds)
            result.growth["barkley " + command.name] = zip(times.dropFirst(), times).map { $0 / $1 }
        }
    }

    /// One edition of `entrants` runners with unique names: the 2024 field of as many synthetic
    /// races as it takes (names are unique across races), under race 0's name and sources.
    static func largeEdition(entrants: Int) -> Edition {
        var base: Edition?
        var field: [Entrant] = []
        for race in SyntheticHistory(seed: 1986, entries: entrants * 45).races() {
            guard let year2024 = race.editions.first(where: { $0.year == 2024 }) else { continue }
            if base == nil { base = year2024 }
            field += year2024.entrants.prefix(entrants - field.count)
            if field.count == entrants { break }
        }
        guard var edition = base else { return Edition(year: 2024) }
        edition.race = Edition.barkley
        edition.entrants = field
        edition.loopCounts = []
        let outcomes = field.map { $0.outcome(under: edition.format) }
        edition.starters = field.count
        edition.statedFinishers = outcomes.filter { $0 == .finish }.count
        edition.statedFunRuns = outcomes.filter { $0 == .funRun }.count
        return edition
    }

    /// Runs `arguments` `runs` times, standard output to /dev/null; the median wall-clock and CPU
    /// (user + system) seconds and the largest peak resident set (MB) of the runs.
    ///
    /// CPU time and peak are GNU time's `%U %S %M` (`/usr/bin/time -f … -o FILE barkley …`), not `wait4` on a
    /// child spawned from here: `posix_spawn` shares this process's memory until the `exec`,
    /// and Linux keeps the larger of the two high-water marks, so a child of a bench that has
    /// generated 20,000 entrants would report the bench's own 500 MB. `time` forks from a
    /// process of a few megabytes. Its wall-clock time (fork and wait included) is within a
    /// millisecond of the child's.
    static func timed(_ executable: URL, _ arguments: [String], runs: Int, environment: [String: String] = [:]) throws -> (seconds: Double, cpu: Double, peak: Double) {
        let time = URL(fileURLWithPath: "/usr/bin/time")
        guard FileManager.default.isExecutableFile(atPath: time.path) else { throw BenchError.failed("no GNU time at /usr/bin/time (Debian: apt-get install time)") }
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("barkley-bench-peak-\(getpid()).txt")
        defer { try? FileManager.default.removeItem(at: report) }
        var environmentPairs = ProcessInfo.processInfo.environment
        for (key, value) in environment { environmentPairs[key] = value.isEmpty ? nil : value }
        let envp: [UnsafeMutablePointer<CChar>?] = environmentPairs.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let argv: [UnsafeMutablePointer<CChar>?] = ([time.path, "-f", "%U %S %M", "-o", report.path, executable.path] + arguments).map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let clock = ContinuousClock()
        var times: [Double] = [], cpuTimes: [Double] = [], peak = 0
        for _ in 0..<max(runs, 1) {
            var pid = pid_t()
            let start = clock.now
            let code = posix_spawn(&pid, time.path, &actions, nil, argv, envp)
            guard code == 0 else { throw BenchError.failed("cannot start \(time.path): error \(code)") }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            times.append((clock.now - start).seconds)
            guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
                throw BenchError.failed("`barkley \(arguments.joined(separator: " "))` failed (wait status \(status))")
            }
            let text = (try? String(contentsOf: report, encoding: .utf8)) ?? ""
            let fields = text.split(whereSeparator: \.isNewline).last?.split(separator: " ") ?? []
            guard fields.count == 3, let user = Double(fields[0]), let system = Double(fields[1]), let kilobytes = Int(fields[2]) else {
                throw BenchError.failed("no CPU time and peak memory from /usr/bin/time: '\(text)'")
            }
            cpuTimes.append(user + system)
            peak = max(peak, kilobytes)
        }
        return (median(times), median(cpuTimes), Double(peak) / 1024)
    }

    /// The figures as the lines a reader's note quotes.
    static func table(_ result: Result) -> String {
        var lines = ["command                                              rows      seconds  CPU s    peak MB"]
        for run in result.sql + result.edition {
            lines.append(run.command.padding(toLength: 52, withPad: " ", startingAt: 0) + " " + String(run.rows).leftPadded(9)
                         + "  " + format(run.seconds, 3).leftPadded(7) + "  " + format(run.cpuSeconds, 3).leftPadded(7)
                         + "  " + format(run.peakMegabytes, 1).leftPadded(7))
        }
        lines.append("")
        lines.append("growth of edition CPU time per size step (" + editionSizes.map(\.grouped).joined(separator: " → ") + "; linear ≈ size ratio):")
        for (command, ratios) in result.growth.sorted(by: { $0.key < $1.key }) {
            lines.append("  " + command + ": " + ratios.map { format($0, 2) + "×" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
