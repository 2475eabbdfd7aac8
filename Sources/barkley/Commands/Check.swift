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
            let pending = try archive.pendingUpgrade()
            guard pending.isEmpty else { return try checkBeforeUpgrade(pending: pending) }
            let store = try archive.openForReading()
            // One read transaction: every check sees the same committed state.
            let (problems, editions) = try store.connection.savepoint { () -> ([String], Int) in
                var problems = try store.constraintProblems().map { "integrity: \($0)" }
                problems += try store.schemaProblems().map { "schema: \($0)" }
                problems += try store.searchIndexProblems().map { "search: \($0)" }
                let (editionProblems, editions) = try Self.editionProblems(in: store)
                return (problems + editionProblems, editions)
            }
            guard problems.isEmpty else {
                throw CLIError(.badData, "the \(archive.archiveDescription) has \(Formatting.plural(problems.count, "problem"))",
                               hint: "Fix the edition files named above and import them again.", details: problems)
            }
            // Wrapped at word boundaries to the width (COLUMNS or the terminal's), as answers are.
            for line in ["Integrity: ok (integrity_check with CHECK constraints, foreign_key_check)",
                         "Schema: ok (as the migrations define it)",
                         "Search: ok (every full-text index in step with its table)",
                         "Rules: ok (\(Formatting.plural(editions, "edition")) checked, derived values recomputed)"] {
                Terminal.say(TextWrap.prose(line, width: Terminal.stdoutWidth))
            }
        }

        /// An archive an older version wrote: its rows are checked under its own schema (on an
        /// in-memory copy) and against what the upgrade will refuse; the file is not changed.
        private func checkBeforeUpgrade(pending: [String]) throws {
            let (beforeUpgrade, upgradedCopy) = try archive.problemsBeforeUpgrade()
            let problems = try beforeUpgrade + (upgradedCopy.map { try Self.editionProblems(in: $0).problems } ?? [])
            let description = archive.archiveDescription
            guard problems.isEmpty else {
                throw CLIError(.badData, "the \(description) has \(Formatting.plural(problems.count, "problem")), and needs upgrading (\(pending.joined(separator: ", ")))",
                               hint: upgradedCopy == nil
                                   ? "Fix the rows named above (the edition files they came from, imported again), then run `barkley upgrade`; editions are checked against the rules once it is upgraded."
                                   : "Fix the edition files named above and import them again (the import upgrades the archive).",
                               details: problems)
            }
            throw CLIError(.badData, "the \(description) is sound under its own schema but was written by an older version of barkley and needs upgrading (\(pending.joined(separator: ", ")))",
                           hint: "Run `barkley upgrade --db PATH`; then `barkley check` checks every edition against the rules.")
        }

        /// Every edition's problems — the rules an import checks, and derived values recomputed —
        /// and how many editions were checked.
        static func editionProblems(in store: Archive) throws -> (problems: [String], editions: Int) {
            var problems: [String] = []
            let keys = try store.editionKeys()
            for key in keys {
                do {
                    guard let edition = try store.edition(year: key.year, race: key.race) else { continue }
                    problems += try ruleProblems(in: edition).map(\.description)
                    problems += try store.derivedValueProblems(race: key.race, year: key.year).map { "derived: \($0)" }
                } catch let error as RowDecodingError {
                    problems.append("\(key.year) \(key.race): a stored value cannot be read: \(error)")
                }
            }
            return (problems, keys.count)
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
