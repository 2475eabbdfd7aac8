import Foundation
import GoldenFiles
import Testing

/// Expected pages, committed under `Tests/BarkleySiteTests/Golden/` and compared exactly
/// (`BARKLEY_UPDATE_GOLDEN=1 swift test --filter BarkleySiteTests` rewrites them).
enum Golden {
    static let files = GoldenFiles(directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden"), holding: "page")

    static func check(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try files.check(actual, matches: name, sourceLocation: sourceLocation)
    }
}
