import BarkleyBuiltInArchive
import BarkleyQueries
import BarkleySite
import Foundation
import Testing

/// The built-in archive's site, written once per test run into a temporary folder and shared
/// by the tests that only read it.
enum BuiltSite {
    static let result: Result<(URL, SiteWriter.Summary), any Error> = Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("barkley-site-\(UUID().uuidString)")
        let summary = try SiteWriter(history: History(archive: BuiltInArchive.open())).write(to: directory)
        return (directory, summary)
    }

    static func directory() throws -> URL { try result.get().0 }

    /// Every `.html` file of the site, relative to its folder, sorted.
    static func pages() throws -> [String] {
        let root = try directory()
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var pages: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "html" else { continue }
            pages.append(String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)))
        }
        return pages.sorted()
    }

    static func read(_ page: String) throws -> String {
        try String(contentsOf: directory().appendingPathComponent(page), encoding: .utf8)
    }
}

/// Runs a program found on PATH; nil when it is not installed.
func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String, error: String)? {
    guard let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .map({ "\($0)/\(program)" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    // Standard error goes to a file, so a chatty program cannot fill a pipe we are not reading.
    let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("barkley-site-stderr-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errorFile) }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: errorFile)
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let errorData = (try? Data(contentsOf: errorFile)) ?? Data()
    return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
}
