import Foundation
import Testing

/// The built `barkley` executable, run as a user would: arguments in, stdout, stderr and exit code out.
enum BarkleyBinary {
    /// What one run printed and how it ended.
    struct Result: CustomStringConvertible {
        var stdout: String
        var stderr: String
        var status: Int32

        var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
    }

    /// The executable, found next to the test bundle in the products directory (`.build/debug`,
    /// or the `--scratch-path` given to `swift test`); `BARKLEY_BINARY` overrides the search.
    static let url: URL? = {
        let fileManager = FileManager.default
        if let path = ProcessInfo.processInfo.environment["BARKLEY_BINARY"] { return URL(fileURLWithPath: path) }
        var directories = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        directories += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        if let argument = CommandLine.arguments.first {
            directories.append(URL(fileURLWithPath: argument).deletingLastPathComponent())
        }
        if let executable = try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            directories.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
        }
        return directories.map { $0.appendingPathComponent("barkley") }.first { candidate in
            var isDirectory: ObjCBool = false
            return fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && fileManager.isExecutableFile(atPath: candidate.path)
        }
    }()

    /// Runs `barkley` with `arguments`, in a clean environment: no `BARKLEY_DB`, no `NO_COLOR`,
    /// 80 columns for help text; `environment` adds or replaces variables.
    static func run(_ arguments: [String], environment: [String: String] = [:],
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        let executable = try #require(url, "no barkley executable next to the test bundle; set BARKLEY_BINARY", sourceLocation: sourceLocation)
        // Output goes to files, not pipes: a pipe fills at 64 KiB and would block the child.
        let directory = try TemporaryDirectory()
        let stdoutURL = directory.url.appendingPathComponent("stdout")
        let stderrURL = directory.url.appendingPathComponent("stderr")
        try Data().write(to: stdoutURL)
        try Data().write(to: stderrURL)
        let stdout = try FileHandle(forWritingTo: stdoutURL)
        let stderr = try FileHandle(forWritingTo: stderrURL)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        variables["BARKLEY_DB"] = nil
        variables["NO_COLOR"] = nil
        variables["COLUMNS"] = "80"
        variables.merge(environment) { _, new in new }
        process.environment = variables
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        try stdout.close()
        try stderr.close()
        return Result(stdout: try String(contentsOf: stdoutURL, encoding: .utf8),
                      stderr: try String(contentsOf: stderrURL, encoding: .utf8),
                      status: process.terminationStatus)
    }
}

/// A directory of its own under the system's temporary directory, removed when released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("barkley-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Paths in this repository, found from this file.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sampleData = root.appendingPathComponent("SampleData")

    static func sample(_ name: String) -> String { sampleData.appendingPathComponent(name).path }
}
