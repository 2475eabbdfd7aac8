import ArgumentParser
import Foundation

extension Barkley {
    /// `barkley backup PATH`: a consistent copy of the archive in a new file.
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the archive, consistently, into a new SQLite file.",
            discussion: """
                Uses SQLite's online backup, so the copy is of one moment even while others \
                read. A backup never overwrites a file. Without --db it copies the built-in \
                archive: a ready-made archive file to pass to --db.

                Examples:
                  barkley backup barkley.sqlite
                  barkley backup --db barkley.sqlite barkley-2025-04-01.sqlite
                """)

        @Argument(help: ArgumentHelp("The new file to write.", valueName: "path"), completion: .file(extensions: ["sqlite"]))
        var destination: String

        @OptionGroup var archive: ArchiveOptions

        func run() throws {
            guard !FileManager.default.fileExists(atPath: destination) else {
                throw CLIError(.failure, "\(destination) already exists",
                               hint: "Choose a new path, or remove the file first: a backup never overwrites.")
            }
            let store = try archive.openForReading()
            let editions = try store.editionKeys().count
            try store.backup(to: destination)
            Terminal.say("Backed up \(Formatting.plural(editions, "edition")) from the \(archive.archiveDescription) to \(destination).")
        }
    }
}
