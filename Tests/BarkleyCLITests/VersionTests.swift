import BarkleyArchive
import Foundation
import Testing

/// The package has one version: CHANGELOG.md's latest release heading, `PackageVersion.current`
/// and `barkley --version` all say the same number.
@Suite("Version")
struct VersionTests {
    /// The version of the first `## X.Y.Z — YYYY-MM-DD` heading of CHANGELOG.md (an
    /// `## Unreleased` heading above it is skipped: it is not a release).
    static func latestChangelogVersion() throws -> String {
        let changelog = try String(contentsOf: Repository.root.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        for line in changelog.split(separator: "\n") {
            if let match = line.wholeMatch(of: /## (\d+\.\d+\.\d+) — \d{4}-\d{2}-\d{2}/) { return String(match.1) }
        }
        throw CHANGELOGHasNoRelease()
    }

    struct CHANGELOGHasNoRelease: Error {}

    @Test("barkley --version prints CHANGELOG.md's latest release")
    func versionMatchesChangelog() throws {
        let released = try Self.latestChangelogVersion()
        let result = try BarkleyBinary.run(["--version"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == released + "\n")
        #expect(PackageVersion.current == released)
    }
}
