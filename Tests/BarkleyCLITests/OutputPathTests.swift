import Foundation
import Testing

/// Every byte `barkley` prints leaves through one of three doors, each escaping with
/// `TextSanitizer`: `OutputOptions.print` (a rendered report or JSON), `Terminal.say` (a
/// message on stdout) and `Terminal.writeError` (stderr). A new `print(` or a direct write to a
/// standard stream elsewhere would bypass them; this test names it. Beneath the doors,
/// `StandardStreams` does the checked writes (a failed write exits 74); it prints only
/// ArgumentParser's help (exit 0), which quotes nothing a user typed.
@Suite struct OutputPathTests {
    /// Where each way of writing may appear, by file name.
    static let allowed: [(pattern: String, files: Set<String>)] = [
        ("Swift.print(", ["GlobalOptions.swift"]),
        ("print(", ["GlobalOptions.swift", "Terminal.swift", "StandardStreams.swift"]),
        ("FileHandle.standardError", ["Terminal.swift"]),
        ("FileHandle.standardOutput", []),
        ("fputs(", []),
        ("putchar(", []),
        ("STDOUT_FILENO)", ["Terminal.swift"]),
    ]

    @Test("nothing in Sources/barkley writes to stdout or stderr except through the escaping doors")
    func onlyTheDoorsWrite() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/barkley")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 20, "found the CLI's sources")
        for file in files {
            let code = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
                .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
            for (pattern, places) in Self.allowed where !places.contains(file.lastPathComponent) {
                // `output.print(` is the report door itself.
                let uses = code.filter { $0.contains(pattern) && !$0.contains("output.print(") && !$0.contains("func print(") }
                #expect(uses.isEmpty, "\(file.lastPathComponent) writes with \(pattern) outside the escaping doors: \(uses)")
            }
        }
    }
}
