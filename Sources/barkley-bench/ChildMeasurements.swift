import BarkleyArchive
import BarkleyQueries
import BarkleySite
import Foundation

/// The measurements that run in a child process of their own, so that each reads its own peak
/// memory: the kernel's high-water mark (`VmHWM`) covers a whole process's life.
///
/// Each is a hidden subcommand of `barkley-bench` (`_import`, `_baseline-model`,
/// `_baseline-files`) that prints one ``ChildResult`` as JSON on standard output.
enum ChildMeasurements {
    struct ChildResult: Codable {
        var seconds: Double
        var peakMemoryKilobytes: Int?
        var editions: Int
        var batches: Int
        /// CPU seconds (user and system, every thread) of the timed part: on a shared machine
        /// a fairer measure of cost than wall-clock time.
        var cpuSeconds: Double?
        /// `_site` only: pages and bytes written.
        var pages: Int? = nil
        var bytes: Int? = nil
    }

    /// CPU seconds, user and system, used so far by this process (`RUSAGE_SELF`) or by its
    /// children that have been waited for (`RUSAGE_CHILDREN`).
    static func cpuSeconds(_ who: __rusage_who = RUSAGE_SELF) -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(who.rawValue), &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static let subcommands = ["_import", "_reimport", "_baseline-model", "_baseline-files", ReimportTimings.subcommand, "_site"]

    static func run(_ arguments: [String]) throws {
        let result: ChildResult
        switch (arguments.first, arguments.count) {
        case ("_import", 3): result = try importFiles(directory: arguments[1], database: arguments[2])
        case ("_reimport", 3): result = try reimportFiles(directory: arguments[1], database: arguments[2])
        case ("_baseline-files", 3): result = try baselineFromFiles(directory: arguments[1], database: arguments[2])
        case (ReimportTimings.subcommand, 5):
            result = try ReimportTimings.child(directory: arguments[1], base: arguments[2], work: arguments[3], target: arguments[4])
        case ("_site", 3): result = try writeSite(database: arguments[1], directory: arguments[2])
        case ("_baseline-model", 4):
            guard let seed = UInt64(arguments[1]), let entries = Int(arguments[2]) else { throw BenchError.usage("bad \(arguments[0]) arguments") }
            result = try baselineFromModel(history: SyntheticHistory(seed: seed, entries: entries), database: arguments[3])
        default:
            throw BenchError.usage("internal subcommand misused: \(arguments.joined(separator: " "))")
        }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        FileHandle.standardOutput.write(try encoder.encode(result))
    }

    /// The import as `barkley import --db FILE editions/*/*.yaml` runs it: one
    /// `Archive.importFiles` call for every file (read and checked a few files ahead on a
    /// second thread, full validation, one transaction), into a fresh database file.
    static func importFiles(directory: String, database: String) throws -> ChildResult {
        let archive = try freshArchive(at: database)
        let files = try EditionFileSet.batches(in: URL(fileURLWithPath: directory)).flatMap { $0 }
        let clock = ContinuousClock()
        let start = clock.now
        let cpu = cpuSeconds()
        let reports = try archive.importFiles(files) { done, total in progress(done, of: total, since: start, clock: clock) }
        let seconds = (clock.now - start).seconds
        let cpuUsed = cpuSeconds() - cpu
        guard reports.allSatisfy({ $0.change == .added }) else {
            throw BenchError.failed("editions not added: \(reports.filter { $0.change != .added }.prefix(3))")
        }
        return ChildResult(seconds: seconds, peakMemoryKilobytes: peakMemoryKilobytes(), editions: reports.count, batches: 1, cpuSeconds: cpuUsed)
    }

    /// `barkley site DIR` on an archive file, once for every race it holds (the synthetic
    /// history is many races of 40 editions), each race's site in a folder of its own; pages
    /// are written as they are made, so the peak memory should not grow with the page count.
    static func writeSite(database: String, directory: String) throws -> ChildResult {
        try? FileManager.default.removeItem(atPath: directory)
        let archive = try Archive.openReadOnly(path: database)
        let races = Array(Set(try archive.editionKeys().map(\.race))).sorted()
        let clock = ContinuousClock()
        let start = clock.now
        var pages = 0, bytes = 0, editions = 0
        for (index, race) in races.enumerated() {
            let summary = try SiteWriter(history: History(archive: archive, race: race))
                .write(to: URL(fileURLWithPath: directory).appendingPathComponent("race-\(index + 1)"))
            pages += summary.pages
            bytes += summary.bytes
            editions += summary.editions
        }
        return ChildResult(seconds: (clock.now - start).seconds, peakMemoryKilobytes: peakMemoryKilobytes(), editions: editions,
                           batches: races.count, pages: pages, bytes: bytes)
    }

    /// An import that replaces the editions of an existing archive file (while others read
    /// it: see ``ReadersDuringImport``), as `barkley import --db FILE` of corrected files does.
    static func reimportFiles(directory: String, database: String) throws -> ChildResult {
        let archive = try Archive(path: database)
        let files = try EditionFileSet.batches(in: URL(fileURLWithPath: directory)).flatMap { $0 }
        let clock = ContinuousClock()
        let start = clock.now
        let reports = try archive.importFiles(files)
        return ChildResult(seconds: (clock.now - start).seconds, peakMemoryKilobytes: peakMemoryKilobytes(), editions: reports.count, batches: 1)
    }

    /// The raw baseline: the generated editions, straight from memory (no files, no YAML, no
    /// validation), inserted with direct sqlite3 calls in one transaction. Generating each race
    /// is not timed.
    static func baselineFromModel(history: SyntheticHistory, database: String) throws -> ChildResult {
        try freshSchema(at: database)
        let inserter = try RawInserter(path: database)
        let clock = ContinuousClock()
        let importedAt = ISO8601DateFormatter().string(from: Date())
        var timed = Duration.zero
        var editions = 0
        var races = 0
        var start = clock.now
        try inserter.begin()
        timed += clock.now - start
        for race in history.races() {
            start = clock.now
            inserter.forgetRunners()
            for edition in race.editions {
                // The same length as a real checksum, so the rows are the same size.
                try inserter.insert(edition, fileName: Archive.fileName(for: edition), checksum: "0000000000000000", importedAt: importedAt)
            }
            timed += clock.now - start
            editions += race.editions.count
            races += 1
        }
        start = clock.now
        try inserter.commit()
        timed += clock.now - start
        return ChildResult(seconds: timed.seconds, peakMemoryKilobytes: peakMemoryKilobytes(), editions: editions, batches: races)
    }

    /// The raw baseline with parsing: each file read with `EditionFileReader.read` (Yams compose
    /// and the field reader, no archive validation), then inserted as ``baselineFromModel``.
    static func baselineFromFiles(directory: String, database: String) throws -> ChildResult {
        try freshSchema(at: database)
        let inserter = try RawInserter(path: database)
        let batches = try EditionFileSet.batches(in: URL(fileURLWithPath: directory))
        let importedAt = ISO8601DateFormatter().string(from: Date())
        let clock = ContinuousClock()
        let start = clock.now
        var editions = 0
        try inserter.begin()
        for batch in batches {
            inserter.forgetRunners()
            for url in batch {
                let parsed = try EditionFileReader.read(contentsOf: url)
                try inserter.insert(parsed.edition, fileName: parsed.fileName, checksum: parsed.checksum, importedAt: importedAt)
                editions += 1
            }
        }
        try inserter.commit()
        return ChildResult(seconds: (clock.now - start).seconds, peakMemoryKilobytes: peakMemoryKilobytes(), editions: editions, batches: batches.count)
    }

    /// A new archive file with the current schema (creating it is not timed).
    private static func freshArchive(at path: String) throws -> Archive {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return try Archive(path: path)
    }

    private static func freshSchema(at path: String) throws {
        _ = try freshArchive(at: path)  // migrated, then closed
    }

    /// The process's peak resident memory so far, from `/proc/self/status` (Linux only).
    static func peakMemoryKilobytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }

    /// A line on standard error every tenth of the way, for long runs.
    private static func progress(_ done: Int, of total: Int, since start: ContinuousClock.Instant, clock: ContinuousClock) {
        let step = max(1, total / 10)
        guard total >= 20, done % step == 0 || done == total else { return }
        let elapsed = (clock.now - start).seconds
        FileHandle.standardError.write(Data("    import: \(done)/\(total) files, \(String(format: "%.1f", elapsed)) s\n".utf8))
    }
}
