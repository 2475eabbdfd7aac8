import ArgumentParser
import BarkleyArchive
import Foundation
import SQLiteLayer

extension Barkley {
    /// `barkley import FILE…`: adds or replaces editions, all or nothing.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add or replace editions from edition files; nothing is written unless every file is sound.",
            discussion: """
                Each file is read and checked against the archive's rules first. If any file breaks \
                a rule, every problem is listed on stderr as FILE:LINE: FIELD: MESSAGE, nothing is \
                written, and barkley exits with 65. The archive file is created on first use.

                A spreadsheet of entrants (CSV: name, listed_as, country, sex, first_attempt, \
                loops_completed, outcome, loop_1…loop_N, cite, note) replaces the entrants of an \
                edition already in the archive, named with --year.

                Examples:
                  barkley import --db barkley.sqlite SampleData/*.yaml
                  barkley import --db barkley.sqlite 2024.yaml --dry-run
                  barkley import --db barkley.sqlite entrants-2024.csv --year 2024
                """)

        @Argument(help: ArgumentHelp("Edition files (.yaml) to import, or one entrants spreadsheet (.csv) with --year.", valueName: "file"),
                  completion: .file(extensions: ["yaml", "yml", "csv"]))
        var arguments: [String]

        /// The files given, as typed (`main` joins many edition files into one argument: see ``ImportOperands``).
        private var files: [String] { ImportOperands.split(arguments) }

        @Option(help: "The edition whose entrants a .csv file holds, such as 2024.")
        var year: Int?

        @Flag(help: "Check the files and show what would change, writing nothing.")
        var dryRun = false

        @OptionGroup var archive: ArchiveOptions

        /// True when the one file given is an entrants spreadsheet.
        private var isSpreadsheet: Bool { files.count == 1 && files[0].lowercased().hasSuffix(".csv") }

        func validate() throws {
            try archive.requireFile(toRun: "import")
            let spreadsheets = files.filter { $0.lowercased().hasSuffix(".csv") }
            if !spreadsheets.isEmpty && (files.count > 1 || year == nil) {
                throw ValidationError("Import one .csv at a time, with --year naming its edition (e.g. --year 2024).")
            }
            if year != nil && spreadsheets.isEmpty {
                throw ValidationError("--year goes with an entrants spreadsheet (.csv); edition files carry their year.")
            }
        }

        func run() throws {
            for file in files {
                if let refusal = PathKind.refusal(for: file, role: "an edition file", mayBeMissing: false) {
                    throw CLIError(refusal.kind, refusal.message, hint: "Nothing was imported.")
                }
            }
            let interruption = ImportInterruption()
            let reports: [ImportReport]
            do {
                reports = try importIntoArchive(watchedBy: interruption)
            } catch {
                // Stopped by a signal: the transaction rolled back as the error unwound.
                if let signal = interruption.receivedSignal { throw ImportInterruption.failure(for: signal, command: "import") }
                throw error
            }
            for report in reports { Terminal.say(report.description) }
        }

        /// Imports into the archive at `--db`; a new archive is built aside and moved into place
        /// only when the import succeeds (never for a dry run). When another process creates the
        /// same archive first, this import goes into that one: no commit is lost, no file deleted.
        private func importIntoArchive(watchedBy interruption: ImportInterruption) throws -> [ImportReport] {
            if let store = try archive.openExistingForWriting(command: "import") { return try importFiles(into: store, watchedBy: interruption) }
            do {
                return try archive.createArchive(dryRun: dryRun) { try importFiles(into: $0, watchedBy: interruption) }
            } catch is DatabaseFileExistsError {
                guard let store = try archive.openExistingForWriting(command: "import") else { throw CLIError(.failure, "the archive appeared and vanished while importing") }
                return try importFiles(into: store, watchedBy: interruption)
            }
        }

        private func importFiles(into store: Archive, watchedBy interruption: ImportInterruption) throws -> [ImportReport] {
            interruption.watch(store.connection)
            let progress = ProgressLine(label: dryRun ? "Checking" : "Importing")
            defer { progress.finish() }
            if isSpreadsheet, let year {
                return [try store.importEntrantsCSV(URL(fileURLWithPath: files[0]), year: year, dryRun: dryRun)]
            }
            return try store.importFiles(files.map { URL(fileURLWithPath: $0, isDirectory: false) }, dryRun: dryRun, progress: progress.update)
        }
    }
}
