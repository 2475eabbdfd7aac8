import BarkleyArchive
import Foundation

/// Importing the whole history again after editing one file, against importing that one file
/// alone, each into a copy of the imported archive: unchanged files are skipped by checksum
/// before parsing, so the whole folder should cost little more than the file that changed.
enum ReimportTimings {
    struct Timing: Codable {
        /// The edited file, relative to the size's directory (its notes were changed).
        var changedFile: String
        var files: Int
        /// Median seconds of `runs` imports of the edited file alone.
        var oneFileSeconds: Double
        /// Median seconds of `runs` imports of every file, the edited one among them.
        var wholeHistorySeconds: Double
        /// whole / one: the goal is at most 2.
        var ratio: Double
        /// The same in CPU seconds (median), which the machine's other load disturbs less.
        var oneFileCPUSeconds: Double
        var wholeHistoryCPUSeconds: Double
        var cpuRatio: Double
        var runs: Int
    }

    static let subcommand = "_import-again"

    /// Edits one file under `directory`, times both imports in child processes, each run into a
    /// fresh copy of `database` (the imported history), and puts the file back as it was.
    static func measure(directory: URL, database: String, runs: Int) throws -> Timing {
        let files = try EditionFileSet.batches(in: directory).flatMap { $0 }
        // A held edition (one with notes) near the middle of the history.
        let middle = files.count / 2
        guard let changed = (files[middle...] + files[..<middle]).first(where: { url in
            (try? String(contentsOf: url, encoding: .utf8))?.contains(Self.marker) == true
        }) else { throw BenchError.failed("no edition file with '\(Self.marker)' to edit under \(directory.path)") }
        let original = try String(contentsOf: changed, encoding: .utf8)
        try original.replacingOccurrences(of: Self.marker, with: "Edited notes for").write(to: changed, atomically: true, encoding: .utf8)
        defer { try? original.write(to: changed, atomically: true, encoding: .utf8) }

        let work = directory.appendingPathComponent("import-again.sqlite").path
        func medians(_ target: String) throws -> (seconds: Double, cpu: Double) {
            let results = try (0..<max(1, runs)).map { _ in try ChildProcess.measure([subcommand, directory.path, database, work, target]) }
            return (median(results.map(\.seconds)), median(results.map { $0.cpuSeconds ?? .nan }))
        }
        let one = try medians(changed.path)
        let whole = try medians("all")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: work + suffix) }
        return Timing(changedFile: String(changed.path.dropFirst(directory.path.count + 1)), files: files.count,
                      oneFileSeconds: one.seconds, wholeHistorySeconds: whole.seconds, ratio: whole.seconds / one.seconds,
                      oneFileCPUSeconds: one.cpu, wholeHistoryCPUSeconds: whole.cpu, cpuRatio: whole.cpu / one.cpu, runs: max(1, runs))
    }

    /// The text every held synthetic edition's notes start with (see `SyntheticHistory`).
    static let marker = "Synthetic notes for"

    /// The child: copies `base` to `work` (not timed), imports `target` (a file, or every file
    /// under `directory` for `all`) with one `Archive.importFiles` call, and checks that exactly
    /// one edition was replaced and every other reported unchanged.
    static func child(directory: String, base: String, work: String, target: String) throws -> ChildMeasurements.ChildResult {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: work + suffix) }
        try FileManager.default.copyItem(atPath: base, toPath: work)
        if FileManager.default.fileExists(atPath: base + "-wal") { try FileManager.default.copyItem(atPath: base + "-wal", toPath: work + "-wal") }
        let archive = try Archive(path: work)
        let files = target == "all" ? try EditionFileSet.batches(in: URL(fileURLWithPath: directory)).flatMap { $0 } : [URL(fileURLWithPath: target)]
        let clock = ContinuousClock()
        let start = clock.now
        let cpu = ChildMeasurements.cpuSeconds()
        let reports = try archive.importFiles(files)
        let seconds = (clock.now - start).seconds
        let cpuUsed = ChildMeasurements.cpuSeconds() - cpu
        let replaced = reports.filter { $0.change == .replaced }.count
        let unchanged = reports.filter { $0.change == .unchanged }.count
        guard replaced == 1, unchanged == reports.count - 1 else {
            throw BenchError.failed("importing \(target) again: \(replaced) replaced, \(unchanged) unchanged of \(reports.count); expected one replaced")
        }
        return ChildMeasurements.ChildResult(seconds: seconds, peakMemoryKilobytes: ChildMeasurements.peakMemoryKilobytes(),
                                             editions: reports.count, batches: 1, cpuSeconds: cpuUsed)
    }
}
