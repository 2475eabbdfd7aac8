import Foundation
import Testing

/// `barkley` runs that the other helpers do not cover: started without waiting, with stdout
/// going somewhere chosen (`/dev/full`), or as another user.
extension BarkleyBinary {
    /// A `barkley` process started by ``start(_:)``; ``wait()`` gives what it printed.
    final class Running {
        let process = Process()
        let directory: TemporaryDirectory
        let stdoutURL: URL, stderrURL: URL

        init(_ arguments: [String], launcher: [String] = [], environment: [String: String] = [:]) throws {
            let executable = try #require(BarkleyBinary.url)
            directory = try TemporaryDirectory()
            stdoutURL = directory.url.appendingPathComponent("stdout")
            stderrURL = directory.url.appendingPathComponent("stderr")
            try Data().write(to: stdoutURL)
            try Data().write(to: stderrURL)
            if launcher.isEmpty {
                process.executableURL = executable
                process.arguments = arguments
            } else {
                process.executableURL = URL(fileURLWithPath: launcher[0])
                process.arguments = Array(launcher.dropFirst()) + [executable.path] + arguments
            }
            var variables = ProcessInfo.processInfo.environment
            variables["BARKLEY_DB"] = nil
            variables.merge(environment) { _, new in new }
            process.environment = variables
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
            process.standardError = try FileHandle(forWritingTo: stderrURL)
            try process.run()
        }

        func wait() throws -> Result {
            process.waitUntilExit()
            return Result(stdout: try String(contentsOf: stdoutURL, encoding: .utf8),
                          stderr: try String(contentsOf: stderrURL, encoding: .utf8), status: process.terminationStatus)
        }
    }

    /// Starts `barkley` and returns at once.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Running {
        try Running(arguments, environment: environment)
    }

    /// Runs `barkley` as user and group `uid` (with `setpriv`, as root); nil when this process
    /// cannot switch users, with the reason printed.
    static func run(asUser uid: Int, _ arguments: [String]) throws -> Result? {
        guard SwitchUser.reasonUnavailable == nil else { return nil }
        return try Running(arguments, launcher: ["/usr/bin/setpriv", "--reuid=\(uid)", "--regid=\(uid)", "--clear-groups"]).wait()
    }

    /// Runs `barkley` with stdout written to `path` (such as `/dev/full`); stderr is captured.
    static func run(_ arguments: [String], standardOutput path: String) throws -> Result {
        let executable = try #require(url)
        let directory = try TemporaryDirectory()
        let stderrURL = directory.url.appendingPathComponent("stderr")
        try Data().write(to: stderrURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try #require(FileHandle(forWritingAtPath: path))
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
        process.waitUntilExit()
        return Result(stdout: "", stderr: try String(contentsOf: stderrURL, encoding: .utf8), status: process.terminationStatus)
    }
}

/// Whether tests may run commands as other users and mount small file systems: CI runs as root.
enum SwitchUser {
    /// Nil when the tests run as root with `setpriv`; else why the other-user tests are skipped.
    static let reasonUnavailable: String? = {
        if getuid() != 0 { return "not running as root (CI runs as root)" }
        if !FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") { return "no /usr/bin/setpriv" }
        return nil
    }()

    /// Runs a system tool (mount, chown) and returns its exit status.
    @discardableResult
    static func tool(_ path: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// The names in a directory, sorted: what "left nothing behind" compares.
func directoryListing(_ url: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
}
