import Foundation
import Testing

/// CI runs exactly what README.md tells a contributor to run, so the two cannot drift.
@Suite("Test command")
struct TestCommandTests {
    @Test(".ci/run runs README.md's test command, which builds the documentation")
    func ciRunsTheReadmeCommand() throws {
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        let ci = try String(contentsOf: Repository.root.appendingPathComponent(".ci/run"), encoding: .utf8)
        let section = try #require(readme.range(of: "**Run the tests**"), "README.md has no 'Run the tests'")
        let block = try #require(readme[section.upperBound...].firstMatch(of: /```sh\n(.+)\n```/), "no command under 'Run the tests'")
        let command = String(block.1)
        #expect(command.contains("scripts/check-docs"))
        let commandLines = ci.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("set ") && !$0.hasPrefix("cd ") && !$0.hasPrefix("export ") && !$0.isEmpty }
        #expect(commandLines.last.map(String.init) == command)
    }
}
