import BarkleyArchive
import BarkleyQueries
import Foundation

/// Questions per second that one `ArchiveReader` with 4 read-only connections answers from 4
/// tasks: first with nothing else running, then while another process imports a second
/// synthetic history of the same size that replaces every edition of the archive.
///
/// The questions rotate through answers that exist in both histories (a year's finishers, the
/// records, the most finishes, results per year, a year's attrition), so none fails because
/// the import changed the data; every failure is counted.
enum ReadersDuringImport {
    struct Result: Codable {
        var readers: Int
        /// With no import running, for comparison.
        var idleQuestionsPerSecond: Double
        var idleSeconds: Double
        /// Answered while the import ran, from its start to its exit.
        var questionsDuringImport: Int
        var importSeconds: Double
        var questionsPerSecond: Double
        var failures: Int
        var editionsReplaced: Int
    }

    /// Counters shared by the reading tasks and the thread that waits for the import.
    private final class Tally: @unchecked Sendable {
        // Read and written only with `lock` held: four tasks and a thread share them.
        private let lock = NSLock()
        private var stop = false
        private var answered = 0
        private var failed = 0

        var shouldStop: Bool { lock.withLock { stop } }
        func finish() { lock.withLock { stop = true } }
        func answer(ok: Bool) { lock.withLock { if ok { answered += 1 } else { failed += 1 } } }
        var counts: (answered: Int, failed: Int) { lock.withLock { (answered, failed) } }
    }

    /// - Parameters:
    ///   - databasePath: an archive file holding the first history.
    ///   - replacement: a directory of edition files of the same races and years.
    static func measure(databasePath: String, replacement: URL, readers: Int = 4, idleSeconds: Double = 3) throws -> Result {
        let sample = try QueryTimings.sample(from: try Archive.openReadOnly(path: databasePath))
        let reader = try ArchiveReader(path: databasePath, connections: readers)

        // Idle: `readers` tasks for `idleSeconds`.
        let idle = Tally()
        let clock = ContinuousClock()
        let idleStart = clock.now
        let idleTasks = startReading(reader, sample: sample, tasks: readers, tally: idle)
        Thread.sleep(forTimeInterval: idleSeconds)
        idle.finish()
        wait(for: idleTasks)
        let idleElapsed = (clock.now - idleStart).seconds

        // During an import in another process, from its launch to its exit.
        let process = Process()
        process.executableURL = ChildProcess.benchExecutable
        process.arguments = ["_reimport", replacement.path, databasePath]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        let busy = Tally()
        let importStart = clock.now
        try process.run()
        let busyTasks = startReading(reader, sample: sample, tasks: readers, tally: busy)
        let child = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let importElapsed = (clock.now - importStart).seconds
        let counted = busy.counts
        busy.finish()
        wait(for: busyTasks)
        guard process.terminationStatus == 0 else { throw BenchError.failed("the import during the readers exited with \(process.terminationStatus)") }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let imported = try decoder.decode(ChildMeasurements.ChildResult.self, from: child)

        return Result(readers: readers, idleQuestionsPerSecond: Double(idle.counts.answered) / idleElapsed, idleSeconds: idleElapsed,
                      questionsDuringImport: counted.answered, importSeconds: importElapsed,
                      questionsPerSecond: Double(counted.answered) / importElapsed, failures: counted.failed + busy.counts.failed + idle.counts.failed,
                      editionsReplaced: imported.editions)
    }

    /// `tasks` tasks asking questions in turn until `tally` says stop.
    private static func startReading(_ reader: ArchiveReader, sample: QueryTimings.Sample, tasks: Int, tally: Tally) -> [Task<Void, Never>] {
        let year = sample.year
        return (0..<tasks).map { task in
            Task.detached {
                var turn = task
                while !tally.shouldStop {
                    do {
                        switch turn % 5 {
                        case 0: _ = try await reader.finishers(in: year)
                        case 1: _ = try await reader.records()
                        case 2: _ = try await reader.mostFinishes(limit: 10)
                        case 3: _ = try await reader.resultsPerYear()
                        default: _ = try await reader.attrition(year: year)
                        }
                        tally.answer(ok: true)
                    } catch {
                        tally.answer(ok: false)
                    }
                    turn += 1
                }
            }
        }
    }

    private static func wait(for tasks: [Task<Void, Never>]) {
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            for task in tasks { await task.value }
            done.signal()
        }
        done.wait()
    }
}
