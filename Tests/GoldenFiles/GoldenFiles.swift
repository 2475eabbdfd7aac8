import Foundation
import Testing

/// A folder of expected output committed beside a test target and compared exactly: the
/// golden files of the CLI's answers and of the site's pages are kept the same way.
///
/// `BARKLEY_UPDATE_GOLDEN=1 swift test --filter TARGET` rewrites the files from the current
/// output instead; read the diff before committing it.
public struct GoldenFiles: Sendable {
    public let directory: URL
    /// What the files hold, for messages: "output", "page".
    public let kind: String

    public init(directory: URL, holding kind: String) {
        self.directory = directory
        self.kind = kind
    }

    public static var updating: Bool { ProcessInfo.processInfo.environment["BARKLEY_UPDATE_GOLDEN"] == "1" }

    /// Records an issue naming the first line where `actual` differs from the file `name`.
    public func check(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if Self.updating {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(name); run with BARKLEY_UPDATE_GOLDEN=1 to create it", sourceLocation: sourceLocation)
            return
        }
        guard actual != expected else { return }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        Issue.record("""
            \(kind) differs from Golden/\(name) at line \(line + 1):
              expected: \(line < expectedLines.count ? String(expectedLines[line]) : "<end>")
              actual:   \(line < actualLines.count ? String(actualLines[line]) : "<end>")
            """, sourceLocation: sourceLocation)
    }
}
