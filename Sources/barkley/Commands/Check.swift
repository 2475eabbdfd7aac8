import ArgumentParser
import BarkleyArchive
import Foundation

extension Barkley {
    /// `barkley check`: is the archive sound, and does every edition still keep the rules?
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the archive: SQLite's integrity checks, then every edition against the archive's rules.",
            discussion: """
                Each stored edition is written out as an edition file and read back through the \
                same checks an import makes, so rules added since an edition was imported are \
                checked too. Problems are listed on stderr, and barkley exits with 65.

                Examples:
                  barkley check
                  barkley check --db barkley.sqlite
                """)

        @OptionGroup var archive: ArchiveOptions

        func run() throws {
            let store = try archive.openForReading()
            // One read transaction: every check sees the same committed state.
            let (problems, keys) = try store.connection.savepoint { () -> ([String], [(race: String, year: Int)]) in
                var problems = try store.connection.integrityProblems().map { "integrity: \($0)" }
                let keys = try store.editionKeys()
                for key in keys {
                    guard let edition = try store.edition(year: key.year, race: key.race) else { continue }
                    problems += try Self.ruleProblems(in: edition).map(\.description)
                }
                return (problems, keys)
            }
            guard problems.isEmpty else {
                throw CLIError(.badData, "the \(archive.archiveDescription) has \(Formatting.plural(problems.count, "problem"))",
                               hint: "Fix the edition files named above and import them again.", details: problems)
            }
            print("Integrity: ok (integrity_check, foreign_key_check)")
            print("Rules: ok (\(Formatting.plural(keys.count, "edition")) checked)")
        }

        /// The problems an import of `edition`, written out as a file, would report.
        static func ruleProblems(in edition: Edition) throws -> [ImportProblem] {
            do {
                let parsed = try EditionFileReader.read(text: EditionFileWriter.text(of: edition), fileName: Archive.fileName(for: edition))
                return EditionValidator.problems(in: parsed)
            } catch let error as ImportError {
                return error.problems
            }
        }
    }
}
