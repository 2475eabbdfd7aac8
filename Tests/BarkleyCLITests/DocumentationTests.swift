import Foundation
import Testing

@Suite("Documentation")
struct DocumentationTests {
    /// Subcommand names, read from `barkley --help`.
    static func subcommands() throws -> [String] {
        let help = try BarkleyBinary.run(["--help"]).stdout
        // Commands are listed under the "… SUBCOMMANDS:" headings, up to the closing "See …" line.
        let listing = help.components(separatedBy: "SUBCOMMANDS:").dropFirst().joined()
        return listing.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            let name = line.dropFirst(2).prefix { !$0.isWhitespace }
            guard !name.hasPrefix("-"), !name.isEmpty, name.first!.isLowercase else { return nil }
            return String(name)
        }
    }

    @Test("every command is documented in README.md's CLI section")
    func everyCommandInReadme() throws {
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md"), encoding: .utf8)
        let names = try Self.subcommands()
        #expect(names.contains("finishers") && names.contains("import"), "read no commands from the help: \(names)")
        for name in names where name != "overview" && name != "help" {
            #expect(readme.contains("`\(name)") || readme.contains("| `\(name) "), "README.md does not document `barkley \(name)`")
        }
    }
}
