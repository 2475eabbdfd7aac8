import BarkleyArchive
import CSQLite
import Foundation
import SQLiteLayer

/// `barkley-bench [--sizes 1000,100000,1000000] [--json PATH] [--work-dir DIR] …`: for each size,
/// generate a synthetic history as edition files, import it, insert it again as the direct-SQLite
/// baselines, time the queries and the CLI, and print a table and a JSON report.
struct BenchCommand {
    var sizes = [1_000, 100_000, 1_000_000]
    var workDirectory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("barkley-bench")
    var jsonPath: String?
    var seed: UInt64 = 1986
    var barkley: URL?
    var queryRuns = 5
    var cliRuns = 10
    var reimportRuns = 3
    /// `--readers`: only the reading CLI's figures (``ReaderFigures``), no synthetic history.
    var readersOnly = false
    /// `--readers-edition`: of the reading CLI's figures, only `edition`'s (no 3,000,000-row `sql`).
    var readersSQL = true

    static let usage = """
        USAGE: swift run -c release --scratch-path .build-bench barkley-bench [options]

        Generates a synthetic Barkley history of each size as edition files, imports it with
        Archive.importFiles (full validation), inserts the same rows with direct sqlite3 calls as a
        baseline, times each query and the barkley CLI, and prints a table and a JSON report.

        OPTIONS:
          --sizes LIST      entries per size, comma-separated; 1k and 1M work too (default 1000,100000,1000000)
          --json PATH       where to write the JSON report (default WORK-DIR/results.json)
          --work-dir DIR    where files and databases go (default $TMPDIR/barkley-bench)
          --seed N          the generator's seed (default 1986)
          --barkley PATH    the barkley binary to time (default: beside this one)
          --query-runs N    timed runs per query, after one warm-up (default 5)
          --cli-runs N      timed runs of the CLI and of sqlite3 (default 10)
          --reimport-runs N timed runs of each re-import (default 3)
          --readers         only the reading CLI's figures: barkley sql over 3,000,000 rows in every
                            format, barkley edition of 5,000/10,000/20,000 entrants (uses --cli-runs)
          --readers-edition only the edition figures of --readers
          -h, --help        show this help
        """

    init(arguments: [String]) throws {
        var rest = arguments[...]
        func value(_ option: String) throws -> String {
            guard let value = rest.popFirst() else { throw BenchError.usage("\(option) needs a value") }
            return value
        }
        func count(_ option: String, _ text: String) throws -> Int {
            let lower = text.lowercased().replacingOccurrences(of: "_", with: "")
            let multiplier = lower.hasSuffix("m") ? 1_000_000 : lower.hasSuffix("k") ? 1_000 : 1
            guard let number = Int(multiplier == 1 ? lower : String(lower.dropLast())), number > 0 else {
                throw BenchError.usage("\(option): '\(text)' is not a positive number")
            }
            return number * multiplier
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--sizes": sizes = try value(argument).split(separator: ",").map { try count(argument, String($0)) }
            case "--json": jsonPath = try value(argument)
            case "--work-dir": workDirectory = URL(fileURLWithPath: try value(argument))
            case "--seed":
                guard let number = UInt64(try value(argument)) else { throw BenchError.usage("--seed needs a number") }
                seed = number
            case "--barkley": barkley = URL(fileURLWithPath: try value(argument))
            case "--query-runs": queryRuns = try count(argument, try value(argument))
            case "--cli-runs": cliRuns = try count(argument, try value(argument))
            case "--reimport-runs": reimportRuns = try count(argument, try value(argument))
            case "--readers": readersOnly = true
            case "--readers-edition": readersOnly = true; readersSQL = false
            case "-h", "--help":
                print(Self.usage)
                exit(0)
            default: throw BenchError.usage("unknown argument '\(argument)'; see --help")
            }
        }
        guard !sizes.isEmpty else { throw BenchError.usage("--sizes is empty") }
    }

    func run() throws {
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
        let barkley = self.barkley ?? ChildProcess.benchExecutable.deletingLastPathComponent().appendingPathComponent("barkley")
        if readersOnly {
            let figures = try ReaderFigures.measure(barkley: barkley, workDirectory: workDirectory, runs: cliRuns,
                                                    sql: readersSQL, say: say)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            let path = jsonPath ?? workDirectory.appendingPathComponent("readers.json").path
            try encoder.encode(figures).write(to: URL(fileURLWithPath: path))
            print(ReaderFigures.table(figures))
            print("JSON: \(path)")
            return
        }
        var report = BenchReport(date: ISO8601DateFormatter().string(from: Date()), seed: seed,
                                 command: (["barkley-bench"] + CommandLine.arguments.dropFirst()).joined(separator: " "),
                                 machine: Self.machine(), notes: BenchReport.notes)
        for size in sizes.sorted() {
            report.sizes.append(try measure(entries: size, barkley: barkley))
            report.evaluate()
            // Written after every size, so a long run that is stopped keeps what it measured.
            try report.json().write(to: URL(fileURLWithPath: jsonPath ?? workDirectory.appendingPathComponent("results.json").path))
        }
        print()
        print(report.table())
        print("JSON: \(jsonPath ?? workDirectory.appendingPathComponent("results.json").path)")
    }

    private func measure(entries: Int, barkley: URL) throws -> BenchReport.SizeResult {
        let directory = workDirectory.appendingPathComponent("size-\(entries)")
        say("\(entries.grouped) entries: generating edition files in \(directory.path)")
        let files = try EditionFileSet.write(SyntheticHistory(seed: seed, entries: entries), to: directory)
        say("  \(files.races) races, \(files.editions.grouped) files, \(format(Double(files.bytes) / 1_048_576, 1)) MB in \(format(files.seconds, 1)) s; CSV sample: \(files.csvFiles.joined(separator: ", "))")

        let importDatabase = directory.appendingPathComponent("import.sqlite").path
        let rawDatabase = directory.appendingPathComponent("raw.sqlite").path
        let parseDatabase = directory.appendingPathComponent("parse.sqlite").path
        say("  raw baseline (sqlite3 calls from the model)…")
        let raw = try ChildProcess.measure(["_baseline-model", String(seed), String(entries), rawDatabase])
        say("    \(format(raw.seconds, 2)) s")
        say("  parse baseline (EditionFileReader.read + sqlite3 calls)…")
        let parse = try ChildProcess.measure(["_baseline-files", directory.path, parseDatabase])
        say("    \(format(parse.seconds, 2)) s")
        say("  import (Archive.importFiles, every file in one call)…")
        let imported = try ChildProcess.measure(["_import", directory.path, importDatabase])
        say("    \(format(imported.seconds, 2)) s")

        let rows = try Self.rowCounts(importDatabase)
        let same = try Self.rowCounts(rawDatabase) == rows && Self.rowCounts(parseDatabase) == rows
        let total = Self.tables.reduce(0) { $0 + (rows[$1] ?? 0) }
        func measurement(_ method: String, _ result: ChildMeasurements.ChildResult) -> BenchReport.Measurement {
            BenchReport.Measurement(method: method, seconds: result.seconds, rowsPerSecond: Double(total) / result.seconds,
                                    entriesPerSecond: Double(entries) / result.seconds,
                                    peakMemoryMegabytes: result.peakMemoryKilobytes.map { Double($0) / 1024 }, batches: result.batches)
        }
        say("  queries…")
        let queries = try QueryTimings.measure(databasePath: importDatabase, runs: queryRuns)
        say("  cli…")
        let year = try Archive.openReadOnly(path: importDatabase).connection
            .scalar("SELECT CASE WHEN EXISTS (SELECT 1 FROM edition WHERE race = ? AND year = 2000) THEN 2000 ELSE max(year) END FROM edition WHERE race = ?",
                    [Edition.barkley, Edition.barkley], as: Int.self) ?? 2000
        let cli = CLITimings.measure(databasePath: importDatabase, year: year, barkley: barkley, runs: cliRuns)
        say("  import again with one file edited, and that file alone (median of \(reimportRuns) runs each)…")
        let reimport = try ReimportTimings.measure(directory: directory, database: importDatabase, runs: reimportRuns)
        say("    \(format(reimport.wholeHistorySeconds, 3)) s for every file, \(format(reimport.oneFileSeconds, 3)) s for \(reimport.changedFile) alone (\(format(reimport.ratio, 2))×); CPU \(format(reimport.wholeHistoryCPUSeconds, 3)) s / \(format(reimport.oneFileCPUSeconds, 3)) s (\(format(reimport.cpuRatio, 2))×)")
        say("  barkley import of every file…")
        let cliImport = try CLIImportTiming.measure(directory: directory, barkley: barkley, librarySeconds: imported.seconds,
                                                    libraryCPUSeconds: imported.cpuSeconds)
        say("    " + (cliImport.seconds.map { "\(format($0, 2)) s (\(format($0 / imported.seconds, 3))× importFiles); CPU \(format(cliImport.cpuSeconds ?? .nan, 2)) s (\(format(cliImport.cpuRatio ?? .nan, 3))×)" } ?? cliImport.skipped ?? ""))
        let databaseBytes = (try? FileManager.default.attributesOfItem(atPath: importDatabase)[.size] as? Int) ?? 0
        say("  4 readers during an import that replaces every edition (the next seed's history)…")
        let replacement = workDirectory.appendingPathComponent("size-\(entries)-replacement")
        _ = try EditionFileSet.write(SyntheticHistory(seed: seed &+ 1, entries: entries), to: replacement)
        let readers = try ReadersDuringImport.measure(databasePath: importDatabase, replacement: replacement)
        say("    idle: \(format(readers.idleQuestionsPerSecond, 0)) questions/s; during the import (\(format(readers.importSeconds, 2)) s, \(readers.editionsReplaced.grouped) editions): \(format(readers.questionsPerSecond, 0)) questions/s, \(readers.failures) failures")

        say("  static site (barkley site, every race)…")
        let siteRun = try ChildProcess.measure(["_site", importDatabase, directory.appendingPathComponent("site").path])
        let site = BenchReport.SiteRun(races: siteRun.batches, seconds: siteRun.seconds, pages: siteRun.pages ?? 0, megabytes: Double(siteRun.bytes ?? 0) / 1_048_576,
                                       peakMemoryMegabytes: siteRun.peakMemoryKilobytes.map { Double($0) / 1024 })
        say("    \(format(site.seconds, 2)) s, \(site.pages.grouped) pages, peak \(site.peakMemoryMegabytes.map { format($0, 1) } ?? "-") MB")

        return BenchReport.SizeResult(
            entries: entries, files: files, rows: rows, totalRows: total, baselinesWroteSameRows: same,
            importRun: measurement("Archive.importFiles, every file in one call (one transaction), read on every core", imported),
            rawBaseline: measurement("sqlite3_* prepared statements, one transaction, from the in-memory model", raw),
            parseBaseline: measurement("EditionFileReader.read + sqlite3_* prepared statements, one transaction", parse),
            importOverRaw: imported.seconds / raw.seconds, importOverParse: imported.seconds / parse.seconds,
            databaseMegabytes: Double(databaseBytes) / 1_048_576, queries: queries, cli: cli, reimport: reimport, cliImport: cliImport,
            readersDuringImport: readers,
            site: site)
    }

    static let tables = ["edition", "loop_cutoff", "loop_count", "source", "edition_source", "runner", "entry", "entry_source",
                         "loop_time", "loop_time_source", "import_log"]

    /// Rows per table, and entries per outcome, so two databases can be compared.
    static func rowCounts(_ path: String) throws -> [String: Int] {
        let connection = try Connection(path: path, mode: .readOnly)
        var counts: [String: Int] = [:]
        for table in tables {
            counts[table] = try connection.scalar("SELECT count(*) FROM \(table)", as: Int.self) ?? 0
        }
        for row in try connection.rows("SELECT outcome, count(*) AS n FROM entry GROUP BY outcome") {
            counts["entry.outcome=" + (try row.require("outcome", as: String.self))] = try row.require("n", as: Int.self)
        }
        return counts
    }

    private static func machine() -> BenchReport.Machine {
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        let info = ProcessInfo.processInfo
        return BenchReport.Machine(cores: info.activeProcessorCount, memoryMegabytes: Int(info.physicalMemory / 1_048_576),
                                   loadAverageAtStart: load, sqliteVersion: String(cString: sqlite3_libversion()),
                                   os: info.operatingSystemVersionString)
    }

    private func say(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
