import ArgumentParser
import Foundation

extension Barkley {
    /// `barkley backup PATH`: a consistent copy of the archive in a new file.
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the archive, consistently, into a new SQLite file.",
            discussion: """
                Uses SQLite's online backup, so the copy is of one moment even while others \
                read. The copy is written to a hidden file beside PATH, synced, then moved to \
                PATH: a failed or interrupted backup leaves nothing under PATH. A backup never \
                overwrites a file (nor follows a link, nor writes into a directory). Without \
                --db it copies the built-in archive: a ready-made archive file to pass to --db.

                Examples:
                  barkley backup barkley.sqlite
                  barkley backup --db barkley.sqlite barkley-2025-04-01.sqlite
                """)

        @Argument(help: ArgumentHelp("The new file to write.", valueName: "path"), completion: .file(extensions: ["sqlite"]))
        var destination: String

        @OptionGroup var archive: ArchiveOptions

        func validate() throws {
            if destination.isEmpty { throw ValidationError("The backup needs a path to write; an empty one names no file.") }
            if destination == ":memory:" { throw ValidationError("':memory:' is not a file: give the path of the new backup file.") }
        }

        func run() throws {
            switch PathKind(of: destination) {
            case .missing: break
            case .regularFile:
                throw CLIError(.failure, "\(destination) already exists",
                               hint: "Choose a new path, or remove the file first: a backup never overwrites.")
            case .directory:
                throw CLIError(.missingInput, "\(destination) is a directory", hint: "Give the path of the new backup file, such as \(destination)/barkley.sqlite.")
            case .danglingSymbolicLink:
                throw CLIError(.missingInput, "\(destination) is a symbolic link to a file that does not exist",
                               hint: "Give a new path: a backup does not follow links.")
            case .special(let kind):
                throw CLIError(.missingInput, "\(destination) is \(kind)", hint: "Give the path of the new backup file.")
            }
            let folder = URL(fileURLWithPath: destination).deletingLastPathComponent().path
            guard PathKind(of: folder) == .directory else {
                throw CLIError(.missingInput, "no directory \(folder) to write \(destination) in", hint: "Create the directory first.")
            }
            let store = try archive.openForReading()
            let editions = try store.editionKeys().count
            try store.backup(to: destination)
            Terminal.say("Backed up \(Formatting.plural(editions, "edition")) from the \(archive.archiveDescription) to \(destination).")
        }
    }
}
