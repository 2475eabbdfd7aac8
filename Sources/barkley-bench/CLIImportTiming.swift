import Foundation

/// `barkley import --db FILE editions/*/*.yaml`, launch to exit, against the one
/// `Archive.importFiles` call it makes (the import measurement of the same size): the command
/// should cost no more than the library (within 5%).
enum CLIImportTiming {
    struct Timing: Codable {
        var command: String
        var seconds: Double?
        /// The import measurement: `Archive.importFiles` alone, archive creation not timed.
        var librarySeconds: Double
        /// seconds / librarySeconds.
        var ratio: Double?
        /// CPU seconds (user and system, all threads) of the command, and of the library call:
        /// the cost the goal (at most 1.05×) is judged on, as the wall clock of a shared machine
        /// moves with its other load.
        var cpuSeconds: Double?
        var libraryCPUSeconds: Double?
        var cpuRatio: Double?
        /// Why nothing was measured, when it was not.
        var skipped: String?
    }

    /// Runs `barkley import` of every edition file under `directory` (paths relative to it, as a
    /// shell glob gives them) into a new archive file, once.
    static func measure(directory: URL, barkley: URL, librarySeconds: Double, libraryCPUSeconds: Double?) throws -> Timing {
        var timing = Timing(command: "barkley import --db cli-import.sqlite editions/*/*.yaml", librarySeconds: librarySeconds,
                            libraryCPUSeconds: libraryCPUSeconds)
        guard FileManager.default.isExecutableFile(atPath: barkley.path) else {
            timing.skipped = "no barkley binary at \(barkley.path); build it with `\(CLITimings.buildCommand)`"
            return timing
        }
        let database = directory.appendingPathComponent("cli-import.sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        let files = try EditionFileSet.batches(in: directory).flatMap { $0 }.map { String($0.path.dropFirst(directory.path.count + 1)) }
        sync()
        let clock = ContinuousClock()
        let start = clock.now
        let cpu = ChildMeasurements.cpuSeconds(RUSAGE_CHILDREN)
        let (status, _) = try ChildProcess.run(barkley, ["import", "--db", database] + files, captureOutput: false, in: directory)
        let seconds = (clock.now - start).seconds
        let cpuUsed = ChildMeasurements.cpuSeconds(RUSAGE_CHILDREN) - cpu
        guard status == 0 else { throw BenchError.failed("`\(timing.command)` exited with \(status)") }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        timing.seconds = seconds
        timing.ratio = seconds / librarySeconds
        timing.cpuSeconds = cpuUsed
        timing.cpuRatio = libraryCPUSeconds.map { cpuUsed / $0 }
        return timing
    }
}
