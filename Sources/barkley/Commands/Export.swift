import ArgumentParser
import Foundation

extension Barkley {
    /// `barkley export DIR`: every edition back out as an edition file.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every edition as an edition file (YEAR.yaml) into a directory.",
            discussion: """
                The files are in canonical form: importing them again changes nothing. The \
                directory is created when missing; files of the same name are replaced. Other \
                races' files are named RACE-YEAR.yaml, with a suffix where two race names fold \
                alike; if two editions would still share a file, nothing is written (exit 65). \
                Every file comes from one snapshot of the archive, even while an import runs.

                With --datasette, writes instead the archive file (barkley.sqlite) and a \
                Datasette metadata file (metadata.json: title, source, licence, what every \
                table, view and column holds, canned queries), to open with \
                `datasette serve DIR/barkley.sqlite --metadata DIR/metadata.json`.

                Examples:
                  barkley export editions/
                  barkley export --db barkley.sqlite backup-editions/
                  barkley export --datasette site-data/
                """)

        @Argument(help: ArgumentHelp("The directory to write into.", valueName: "dir"), completion: .directory)
        var directory: String

        @Flag(help: "Write the archive file and Datasette metadata (metadata.json) instead of edition files.")
        var datasette = false

        @OptionGroup var archive: ArchiveOptions

        func run() throws {
            switch PathKind(of: directory) {
            case .missing, .directory: break
            case .regularFile, .special, .danglingSymbolicLink:
                throw CLIError(.missingInput, "\(directory) is not a directory", hint: "Give the path of a directory to write the edition files into (it is created when missing).")
            }
            let store = try archive.openForReading()
            if datasette {
                let written = try store.exportForDatasette(to: URL(fileURLWithPath: directory))
                Terminal.say("Wrote \(written.map(\.lastPathComponent).joined(separator: " and ")) to \(directory).")
                return
            }
            // One read transaction: every file comes from the same committed state, even while an import runs.
            let written = try store.connection.savepoint { try store.exportEditions(to: URL(fileURLWithPath: directory)) }
            Terminal.say("Wrote \(Formatting.plural(written.count, "edition file")) to \(directory).")
        }
    }
}
