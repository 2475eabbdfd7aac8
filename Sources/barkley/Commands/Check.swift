import ArgumentParser
import BarkleyArchive
import Foundation
import SQLiteLayer

extension Barkley {
    /// `barkley check`: is the archive sound, and does every edition still keep the rules?
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the archive: SQLite's integrity checks, then every edition against the archive's rules.",
            discussion: """
                SQLite's integrity checks run with every CHECK constraint evaluated (on an \
                in-memory copy: the file is never written); the schema is compared with the \
                shipped migrations; each stored edition is written out as an edition file and \
                read back through the same checks an import makes, so rules added since an \
                edition was imported are checked too; and every derived value (outcomes, finish \
                times) is recomputed from the loop times. Problems are listed on stderr, and \
                barkley exits with 65.

                Examples:
                  barkley check
                  barkley check --db barkley.sqlite
                """)

        @OptionGroup var archive: ArchiveOptions

        func run() throws {
            let store = try archive.openForReading()
            // One read transaction: every check sees the same committed state.
            let (problems, editions) = try store.connection.savepoint { () -> ([String], Int) in
                var problems = try store.constraintProblems().map { "integrity: \($0)" }
                problems += try store.schemaProblems().map { "schema: \($0)" }
                let keys = try store.editionKeys()
                for key in keys {
                    do {
                        guard let edition = try store.edition(year: key.year, race: key.race) else { continue }
                        problems += try Self.ruleProblems(in: edition).map(\.description)
                        problems += try store.derivedValueProblems(race: key.race, year: key.year).map { "derived: \($0)" }
                    } catch let error as RowDecodingError {
                        problems.append("\(key.year) \(key.race): a stored value cannot be read: \(error)")
                    }
                }
                return (problems, keys.count)
            }
            guard problems.isEmpty else {
                throw CLIError(.badData, "the \(archive.archiveDescription) has \(Formatting.plural(problems.count, "problem"))",
                               hint: "Fix the edition files named above and import them again.", details: problems)
            }
            Terminal.say("Integrity: ok (integrity_check with CHECK constraints, foreign_key_check)")
            Terminal.say("Schema: ok (as the migrations define it)")
            Terminal.say("Rules: ok (\(Formatting.plural(editions, "edition")) checked, derived values recomputed)")
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
