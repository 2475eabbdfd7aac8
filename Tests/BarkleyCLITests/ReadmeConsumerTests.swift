import Foundation
import Testing

/// README.md's library examples, compiled from outside the package as a new user would: a
/// package that depends on this one by path, whose manifest is the README's "Add to your
/// package" block and whose programs are the README's other ```swift blocks, as written.
///
/// The consumer package and its build live in `.build-consumer/` at the repository root
/// (ignored by git), so later runs are incremental; a fresh clone builds the library once more
/// there, in debug, for this test.
@Suite("README consumer")
struct ReadmeConsumerTests {
    /// The README's ```swift blocks, in order.
    static func swiftBlocks() throws -> [String] {
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring]?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```swift" {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current!.joined(separator: "\n") + "\n")
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    /// The README's manifest, with its dependency on the published package replaced by this
    /// checkout, and one more executable target per program (with the manifest target's
    /// dependencies), appended as Swift statements so the README's text is kept whole.
    static func manifest(from block: String, checkout: String, programs: Int) throws -> String {
        let dependency = try #require(block.firstMatch(of: /\.package\(url: "[^"]+", from: "[^"]+"\)/),
                                      "the README's manifest has no .package(url:from:)")
        var text = block.replacingCharacters(in: dependency.range, with: ".package(path: \"\(checkout)\")")
        text += "\n// Added by ReadmeConsumerTests: one program per README example.\n"
        for index in 1..<programs {
            text += "package.targets.append(.executableTarget(name: \"Example\(index)\", dependencies: package.targets[0].dependencies))\n"
        }
        return text
    }

    /// Runs `swift` with `arguments`, output to a file; returns the exit status and the output.
    static func swift(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("readme-consumer-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift"] + arguments
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, try String(contentsOf: log, encoding: .utf8))
    }

    @Test("README's Swift examples build in a package that depends on this one, and run")
    func readmeExamplesBuildFromOutside() throws {
        let blocks = try Self.swiftBlocks()
        let manifests = blocks.filter { $0.hasPrefix("// swift-tools-version") }
        let programs = blocks.filter { !$0.hasPrefix("// swift-tools-version") }
        #expect(manifests.count == 1, "README.md should have one Package.swift block")
        #expect(programs.count >= 2, "README.md should show the library in use")
        let manifestBlock = try #require(manifests.first)
        let fileManager = FileManager.default

        // The package is named "barkley-archive" by its URL; a path dependency is named by its
        // directory, so the consumer reaches this checkout through a link of that name.
        let root = Repository.root.appendingPathComponent(".build-consumer")
        let checkout = root.appendingPathComponent("barkley-archive")
        let package = root.appendingPathComponent("package")
        try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        if (try? fileManager.destinationOfSymbolicLink(atPath: checkout.path)) != Repository.root.path {
            try? fileManager.removeItem(at: checkout)
            try fileManager.createSymbolicLink(at: checkout, withDestinationURL: Repository.root)
        }
        // Rewritten every run, so a removed example leaves no stale program behind.
        try? fileManager.removeItem(at: package.appendingPathComponent("Sources"))
        let manifest = try Self.manifest(from: manifestBlock, checkout: checkout.path, programs: programs.count)
        try fileManager.createDirectory(at: package, withIntermediateDirectories: true)
        try Data(manifest.utf8).write(to: package.appendingPathComponent("Package.swift"))
        let mainTarget = try #require(manifestBlock.firstMatch(of: /\.executableTarget\(name: "([^"]+)"/)?.1, "no executable target")
        for (index, program) in programs.enumerated() {
            let directory = package.appendingPathComponent("Sources").appendingPathComponent(index == 0 ? String(mainTarget) : "Example\(index)")
            try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(program.utf8).write(to: directory.appendingPathComponent("main.swift"))
        }

        let scratch = root.appendingPathComponent("build").path
        let build = try Self.swift(["build", "--package-path", package.path, "--scratch-path", scratch])
        #expect(build.status == 0, "README.md's examples do not build:\n\(build.output.suffix(6000))")
        guard build.status == 0 else { return }

        // The first example asks the built-in history; what it prints is what its comments say.
        let run = try Self.swift(["run", "--skip-build", "--package-path", package.path, "--scratch-path", scratch, String(mainTarget)])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("5 Jasmin Paris 59:58:21"))
        #expect(run.output.contains("did you mean Jared Campbell?"))
    }
}
