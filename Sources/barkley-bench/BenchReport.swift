import Foundation

/// Everything one run measured; written as JSON with snake_case keys (the field names are
/// part of the benchmark's interface: add fields, never rename them).
struct BenchReport: Codable {
    struct Machine: Codable {
        var cores: Int
        var memoryMegabytes: Int
        var loadAverageAtStart: String
        var sqliteVersion: String
        var os: String
    }

    /// One timed run of writing a size's rows into a fresh database.
    struct Measurement: Codable {
        var method: String
        var seconds: Double
        var rowsPerSecond: Double
        var entriesPerSecond: Double
        var peakMemoryMegabytes: Double?
        /// `importFiles` calls (import: one, for every file), races (raw baseline) or race
        /// directories (parse baseline). Each of the three writes in one transaction.
        var batches: Int
    }

    struct SizeResult: Codable {
        var entries: Int
        var files: EditionFileSet.Summary
        /// Rows per table of the imported database (with `entry.outcome=…` counts), all tables summed in `total`.
        var rows: [String: Int]
        var totalRows: Int
        /// True when both baselines wrote exactly the rows the import wrote, table by table.
        var baselinesWroteSameRows: Bool
        var importRun: Measurement
        var rawBaseline: Measurement
        var parseBaseline: Measurement
        /// import seconds / raw baseline seconds: the cost of YAML parsing, validation and the archive's store.
        var importOverRaw: Double
        /// import seconds / parse baseline seconds: the cost of validation and the archive's store alone.
        var importOverParse: Double
        var databaseMegabytes: Double
        var queries: [QueryTimings.Timing]
        var cli: CLITimings.Timing
        /// Every file imported again with one edited, against that file alone.
        var reimport: ReimportTimings.Timing
        /// `barkley import` of every file against `Archive.importFiles` (``importRun``).
        var cliImport: CLIImportTiming.Timing
        /// `ArchiveReader` questions per second from 4 tasks, idle and while an import replaces every edition.
        var readersDuringImport: ReadersDuringImport.Result
        /// `barkley site` on the imported archive, one site per race, in a child process.
        var site: SiteRun?
    }

    struct SiteRun: Codable {
        var races: Int
        var seconds: Double
        var pages: Int
        var megabytes: Double
        var peakMemoryMegabytes: Double?
    }

    struct Growth: Codable {
        var fromEntries: Int
        var toEntries: Int
        var sizeRatio: Double
        var importTimeRatio: Double
        var rawTimeRatio: Double
        var parseTimeRatio: Double
        /// k in time ∝ size^k between the two sizes: 1 is linear.
        var importExponent: Double
    }

    struct Goal: Codable {
        var goal: String
        var measured: String
        /// nil when the size the goal names was not run.
        var met: Bool?
    }

    var formatVersion = 1
    var date: String
    var seed: UInt64
    var command: String
    var machine: Machine
    var notes: [String]
    var sizes: [SizeResult] = []
    var growth: [Growth] = []
    var goals: [Goal] = []

    static let notes = [
        "import: Archive.importFiles (read, YAML compose, field reading, full validation including runner lookups, store with change report and import log), one call for every file (one transaction, as `barkley import --db FILE editions/*/*.yaml`; files read and checked on a second thread), into a fresh file database",
        "raw baseline: the same rows with direct sqlite3_prepare_v2/bind/step, one transaction, from the generated model in memory: no files, no YAML, no validation (generating each race is not timed)",
        "parse baseline: the raw baseline plus EditionFileReader.read (Yams compose and field reading) of each file",
        "import_over_raw therefore includes YAML parsing and validation; the baselines run on one thread and the import on every core, so import_over_parse may be below 1",
        "each import and baseline runs in its own child process, after sync(), in the environment users have (no allocator settings: the page faults that once called for them came from SQLite's per-statement page-cache block, now off, see Connection.configureSQLiteOnce); peak memory is that process's VmHWM",
        "every connection, the raw baseline's included, uses the archive's pragmas: rollback journal (DELETE), synchronous=FULL, foreign keys, a 32 MiB page cache",
        "queries: median of N runs after one warm-up, on the imported database, read-only",
        "cli: process launch to exit, median of N runs; the file cache is warm (not a cold disk)",
        "import again: every file imported once more into a copy of the imported archive with one file's notes edited, against that file alone into another copy; unchanged files are skipped by checksum before parsing",
        "barkley import: `barkley import --db FILE editions/*/*.yaml` into a new archive, launch to exit, against the import measurement (Archive.importFiles alone)",
    ]

    // MARK: Derived figures

    mutating func evaluate() {
        growth = zip(sizes, sizes.dropFirst()).map { small, large in
            let sizeRatio = Double(large.entries) / Double(small.entries)
            let importRatio = large.importRun.seconds / small.importRun.seconds
            return Growth(fromEntries: small.entries, toEntries: large.entries, sizeRatio: sizeRatio, importTimeRatio: importRatio,
                          rawTimeRatio: large.rawBaseline.seconds / small.rawBaseline.seconds,
                          parseTimeRatio: large.parseBaseline.seconds / small.parseBaseline.seconds,
                          importExponent: log(importRatio) / log(sizeRatio))
        }
        let million = sizes.first { $0.entries == 1_000_000 }
        let largest = sizes.max { $0.entries < $1.entries }
        goals = []
        if let largest {
            let at = million.map { _ in "at 1,000,000" } ?? "at \(largest.entries.grouped) (1,000,000 not run)"
            goals.append(Goal(goal: "import ≤ 1.3× the direct-SQLite baseline at 1,000,000 entries, full validation",
                              measured: "\(format(largest.importOverRaw, 2))× raw, \(format(largest.importOverParse, 2))× parse+raw \(at)",
                              met: million.map { $0.importOverRaw <= 1.3 }))
            let peak = sizes.compactMap(\.importRun.peakMemoryMegabytes).max()
            goals.append(Goal(goal: "peak memory during the 1,000,000 import < 100 MB",
                              measured: peak.map { "\(format($0, 1)) MB peak (largest over sizes run)" } ?? "unknown",
                              met: million.flatMap { $0.importRun.peakMemoryMegabytes.map { $0 < 100 } }))
            // The goal is about the library's queries; the SQL stand-ins are there for comparison.
            let judged = largest.queries.filter { $0.kind != "sql" }
            let slowest = judged.max { $0.medianMs < $1.medianMs }
            goals.append(Goal(goal: "every query (module and archive) ≤ 50 ms at 1,000,000 entries",
                              measured: slowest.map { "slowest \(format($0.medianMs, 1)) ms (\($0.kind): \($0.name)) \(at)" } ?? "no queries",
                              met: million.map { size in size.queries.filter { $0.kind != "sql" }.allSatisfy { $0.medianMs <= 50 } }))
        }
        if let size = sizes.first(where: { $0.entries == 100_000 }) ?? largest {
            let at = size.entries == 100_000 ? "at 100,000" : "at \(size.entries.grouped) (100,000 not run)"
            goals.append(Goal(goal: "importing every file again with one edited ≤ 2× importing that file alone, at 100,000 entries",
                              measured: "\(format(size.reimport.wholeHistorySeconds, 3)) s / \(format(size.reimport.oneFileSeconds, 3)) s = \(format(size.reimport.ratio, 2))× wall, \(format(size.reimport.cpuRatio, 2))× CPU \(at)",
                              met: size.entries == 100_000 ? size.reimport.ratio <= 2 : nil))
        }
        if let largest, let ratio = largest.cliImport.ratio {
            let cli = largest.cliImport
            goals.append(Goal(goal: "`barkley import` of a whole history ≤ 1.05× the Archive.importFiles call it makes (CPU time)",
                              measured: "CPU \(format(cli.cpuSeconds ?? .nan, 2)) s / \(format(cli.libraryCPUSeconds ?? .nan, 2)) s = \(format(cli.cpuRatio ?? .nan, 3))×; wall \(format(cli.seconds ?? .nan, 2)) s / \(format(cli.librarySeconds, 2)) s = \(format(ratio, 3))× at \(largest.entries.grouped)",
                              met: cli.cpuRatio.map { $0 <= 1.05 }))
        }
        if let step = growth.first(where: { $0.fromEntries == 100_000 && $0.toEntries == 1_000_000 }) ?? growth.last {
            goals.append(Goal(goal: "import time grows linearly (1M/100k ≈ 10)",
                              measured: "\(step.toEntries.grouped)/\(step.fromEntries.grouped): time ×\(format(step.importTimeRatio, 2)) for size ×\(format(step.sizeRatio, 1)) (exponent \(format(step.importExponent, 2)))",
                              met: step.fromEntries == 100_000 && step.toEntries == 1_000_000 ? step.importExponent <= 1.1 : nil))
        }
    }

    // MARK: Output

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(self)
    }

    func table() -> String {
        var out = "Barkley Archive benchmark — seed \(seed), \(machine.cores) cores, \(machine.memoryMegabytes) MB, SQLite \(machine.sqliteVersion), load at start \(machine.loadAverageAtStart)\n\n"
        out += render([
            ["entries", "editions", "rows", "files MB", "import s", "rows/s", "peak MB", "raw s", "raw rows/s", "raw MB",
             "parse+raw s", "parse MB", "import/raw", "import/parse", "db MB", "same rows"],
        ] + sizes.map { size in
            [size.entries.grouped, size.files.editions.grouped, size.totalRows.grouped, format(Double(size.files.bytes) / 1_048_576, 1),
             format(size.importRun.seconds, 2), Int(size.importRun.rowsPerSecond).grouped, megabytes(size.importRun.peakMemoryMegabytes),
             format(size.rawBaseline.seconds, 2), Int(size.rawBaseline.rowsPerSecond).grouped, megabytes(size.rawBaseline.peakMemoryMegabytes),
             format(size.parseBaseline.seconds, 2), megabytes(size.parseBaseline.peakMemoryMegabytes),
             format(size.importOverRaw, 2) + "×", format(size.importOverParse, 2) + "×", format(size.databaseMegabytes, 1),
             size.baselinesWroteSameRows ? "yes" : "NO"]
        }, rightAligned: true)
        out += "\nimport/raw includes YAML parsing + validation; the baselines use one thread, the import every core (so import/parse may be < 1).\n"

        if let names = sizes.first?.queries.map({ "\($0.kind): \($0.name)" }) {
            out += "\nQueries (median ms of \(sizes.first?.queries.first?.runs ?? 0) runs after a warm-up; rows at the largest size)\n"
            var rows = [["query"] + sizes.map { $0.entries.grouped } + ["rows"]]
            for (index, name) in names.enumerated() {
                rows.append([name] + sizes.map { size in index < size.queries.count ? format(size.queries[index].medianMs, 2) : "-" }
                            + [sizes.last.flatMap { index < $0.queries.count ? $0.queries[index].rows.map(String.init) : nil } ?? "-"])
            }
            out += render(rows, rightAligned: false)
            out += "module = BarkleyQueries.History (race \"Barkley Marathons\"); archive = BarkleyArchive reads; sql = plain-SQL stand-ins over the whole archive (not judged against the goal)\n"
        }

        out += "\nCold CLI, launch to exit (median of \(sizes.first?.cli.runs ?? 0) runs)\n"
        out += render([["entries", "barkley ms", "sqlite3 ms", "ratio", "command"]] + sizes.map { size in
            let cli = size.cli
            return [size.entries.grouped, cli.barkleyMedianMs.map { format($0, 1) } ?? "-", cli.sqlite3MedianMs.map { format($0, 1) } ?? "-",
                    cli.ratio.map { format($0, 2) + "×" } ?? "-", cli.skipped.map { "skipped: \($0)" } ?? cli.barkley]
        }, rightAligned: false)

        out += "\nImporting again, and the CLI's import (import again: median of \(sizes.first?.reimport.runs ?? 0) runs)\n"
        let header = ["entries", "files", "all again s", "one file s", "all/one", "CPU all/one", "barkley import s", "importFiles s",
                      "cli/library", "CPU cli/library"]
        out += render([header] + sizes.map(Self.importAgainRow), rightAligned: true)
        let sites = sizes.compactMap { size in size.site.map { (size.entries, $0) } }
        if !sites.isEmpty {
            out += "\nStatic site (`barkley site DIR` for every race; pages written as they are made)\n"
            out += render([["entries", "races", "seconds", "pages", "pages/s", "MB written", "peak MB", "time × vs previous size"]] + sites.enumerated().map { index, pair in
                let (entries, site) = pair
                let ratio = index > 0 ? format(site.seconds / sites[index - 1].1.seconds, 2) + " for size ×" + format(Double(entries) / Double(sites[index - 1].0), 1) : "-"
                return [entries.grouped, site.races.grouped, format(site.seconds, 2), site.pages.grouped, Int(Double(site.pages) / site.seconds).grouped,
                        format(site.megabytes, 1), megabytes(site.peakMemoryMegabytes), ratio]
            }, rightAligned: true)
        }

        if !growth.isEmpty {
            out += "\nGrowth\n"
            out += render([["from", "to", "size ×", "import ×", "raw ×", "parse ×", "import exponent"]] + growth.map {
                [$0.fromEntries.grouped, $0.toEntries.grouped, format($0.sizeRatio, 1), format($0.importTimeRatio, 2),
                 format($0.rawTimeRatio, 2), format($0.parseTimeRatio, 2), format($0.importExponent, 2)]
            }, rightAligned: true)
        }
        out += "\nGoals\n"
        out += render([["goal", "measured", "met"]] + goals.map {
            [$0.goal, $0.measured, $0.met.map { $0 ? "yes" : "NO" } ?? "not run"]
        }, rightAligned: false)
        return out
    }

    /// One size's row of the "Importing again, and the CLI's import" table.
    private static func importAgainRow(_ size: SizeResult) -> [String] {
        let again = size.reimport, cli = size.cliImport
        let wall: String = cli.ratio.map { format($0, 3) + "×" } ?? cli.skipped.map { "skipped: \($0)" } ?? "-"
        let cpu: String = cli.cpuRatio.map { format($0, 3) + "×" } ?? "-"
        return [size.entries.grouped, again.files.grouped, format(again.wholeHistorySeconds, 3), format(again.oneFileSeconds, 3),
                format(again.ratio, 2) + "×", format(again.cpuRatio, 2) + "×", cli.seconds.map { format($0, 2) } ?? "-",
                format(cli.librarySeconds, 2), wall, cpu]
    }

    private func render(_ rows: [[String]], rightAligned: Bool) -> String {
        let widths = (0..<(rows.map(\.count).max() ?? 0)).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned && column > 0 ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }

    private func megabytes(_ value: Double?) -> String { value.map { format($0, 1) } ?? "-" }
}

func format(_ value: Double, _ decimals: Int) -> String {
    guard value.isFinite else { return "-" }
    return String(format: "%.\(decimals)f", value)
}

extension Int {
    /// 1,000,000.
    var grouped: String {
        let digits = String(self.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return self < 0 ? "-" + out : out
    }
}
