import ArgumentParser
import BarkleyArchive
import Foundation

extension Barkley {
    /// `barkley import FILE…`: adds or replaces editions, all or nothing.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add or replace editions from edition files; nothing is written unless every file is sound.",
            discussion: """
                Each file is read and checked against the archive's rules first. If any file breaks \
                a rule, every problem is listed on stderr as FILE:LINE: FIELD: MESSAGE, nothing is \
                written, and barkley exits with 65. The archive file is created on first use.

                Examples:
                  barkley import --db barkley.sqlite SampleData/*.yaml
                  barkley import --db barkley.sqlite 2024.yaml --dry-run
                """)

        @Argument(help: ArgumentHelp("Edition files to import.", valueName: "file"), completion: .file(extensions: ["yaml", "yml"]))
        var files: [String]

        @Flag(help: "Check the files and show what would change, writing nothing.")
        var dryRun = false

        @OptionGroup var archive: ArchiveOptions

        func validate() throws {
            try archive.requireFile(toRun: "import")
        }

        func run() throws {
            let missing = files.filter { !FileManager.default.fileExists(atPath: $0) }
            guard missing.isEmpty else {
                throw CLIError(.missingInput, "no file at " + missing.joined(separator: ", "),
                               hint: "Check the path; nothing was imported.")
            }
            let path = archive.path ?? ""
            let isNewArchive = !FileManager.default.fileExists(atPath: path)
            let reports: [ImportReport]
            do {
                reports = try importFiles()
            } catch {
                // A failed import leaves no trace: not even the empty archive it created.
                if isNewArchive { Self.removeArchiveFiles(at: path) }
                throw error
            }
            if isNewArchive && dryRun { Self.removeArchiveFiles(at: path) }
            for report in reports { print(report.description) }
        }

        /// Opens the archive in its own scope, so that it is closed before any clean-up.
        private func importFiles() throws -> [ImportReport] {
            let store = try archive.openForWriting(command: "import")
            let progress = ProgressLine(label: dryRun ? "Checking" : "Importing")
            defer { progress.finish() }
            return try store.importFiles(files.map { URL(fileURLWithPath: $0) }, dryRun: dryRun, progress: progress.update)
        }

        private static func removeArchiveFiles(at path: String) {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }
}
