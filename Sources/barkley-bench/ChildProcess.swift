import Foundation

enum BenchError: Error, CustomStringConvertible {
    case usage(String)
    case failed(String)

    var description: String {
        switch self {
        case .usage(let message): "usage: \(message)"
        case .failed(let message): message
        }
    }
}

/// Runs programs: this benchmark again (for a measurement in its own process), `barkley`, `sqlite3`.
enum ChildProcess {
    /// This executable, to run a hidden subcommand in a fresh process.
    static var benchExecutable: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0])
    }

    /// Runs a hidden subcommand of this benchmark and decodes the result it prints.
    static func measure(_ arguments: [String]) throws -> ChildMeasurements.ChildResult {
        // Start from no dirty pages: writeback of the files and databases written just before
        // would otherwise throttle this measurement's writes (seconds, at a million entries).
        sync()
        let (status, output) = try run(benchExecutable, arguments, captureOutput: true)
        guard status == 0 else { throw BenchError.failed("`barkley-bench \(arguments.joined(separator: " "))` exited with \(status)") }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ChildMeasurements.ChildResult.self, from: output)
    }

    /// Runs `executable` to exit; standard error passes through, standard output is captured or dropped.
    @discardableResult
    static func run(_ executable: URL, _ arguments: [String], captureOutput: Bool, quiet: Bool = false,
                    environment: [String: String]? = nil, in directory: URL? = nil) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = captureOutput ? pipe : FileHandle.nullDevice
        if quiet { process.standardError = FileHandle.nullDevice }
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read before waiting: a child that fills the pipe would otherwise wait on us forever.
        let output = captureOutput ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// Wall-clock milliseconds from launch to exit, for each of `runs` runs; standard output
    /// goes to /dev/null.
    ///
    /// `posix_spawn` and `waitpid` rather than `Process`: Foundation's `waitUntilExit` on Linux
    /// polls its run loop every 50 ms, which would swamp a start-up time of a few milliseconds.
    static func timeRuns(_ executable: URL, _ arguments: [String], runs: Int) throws -> [Double] {
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let clock = ContinuousClock()
        return try (0..<runs).map { _ in
            var pid = pid_t()
            let start = clock.now
            let code = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
            guard code == 0 else { throw BenchError.failed("cannot start \(executable.path): error \(code)") }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            let elapsed = (clock.now - start).milliseconds
            // WIFEXITED and WEXITSTATUS are macros: exited normally when the low 7 bits are 0.
            guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
                throw BenchError.failed("`\(executable.path) \(arguments.joined(separator: " "))` failed (wait status \(status))")
            }
            return elapsed
        }
    }

    /// The first executable called `name` on `PATH`.
    static func onPath(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

extension BenchError {
    var isUsage: Bool {
        if case .usage = self { return true }
        return false
    }
}
