import ArgumentParser
import BarkleyArchive
import Foundation

/// `barkley`: the results of the Barkley Marathons, from a source-backed archive.
@main
struct Barkley: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "barkley",
        abstract: "Results of the Barkley Marathons, 1986 to today, from a source-backed archive.",
        discussion: """
            With no command, barkley shows an overview of the built-in archive: the real data \
            of SampleData/, with no set-up and no network. Pass --db PATH (or set BARKLEY_DB) \
            to use an archive file instead; `barkley import` creates one.

            Reading commands take --format table|csv|json|jsonl|markdown; --db, --format \
            and --race may also come before the command. Exit codes: 0 success, \
            64 usage, 65 bad data, 66 missing input (no archive file), 74 output or copy not \
            written, 75 archive busy, 1 anything else, including an edition or runner the \
            archive does not hold.

            Examples:
              barkley
              barkley edition 2024 --format markdown
              barkley finishers --year 2024
              barkley runner "jasmin paris"
              barkley import --db barkley.sqlite SampleData/*.yaml
              barkley sql "SELECT year, starters FROM edition ORDER BY year DESC LIMIT 3"
            """,
        version: PackageVersion.current,
        // Reading commands answer through BarkleyQueries (see `HistoryOptions`), each with a
        // `Presentable` answer; `sql` last, for anything they do not answer.
        groupedSubcommands: [
            CommandGroup(name: "Reading", subcommands: [
                Overview.self, EditionsCommand.self, EditionCommand.self, Finishers.self, FunRuns.self, RunnerCommand.self, SearchCommand.self,
                RecordsCommand.self, FirstsCommand.self, MostCommand.self, AttritionCommand.self, CountriesCommand.self,
                SourcesCommand.self, DisputesCommand.self, SQLCommand.self,
            ]),
            CommandGroup(name: "Writing", subcommands: [Import.self, Upgrade.self, Export.self, Check.self, Backup.self, SiteCommand.self]),
        ],
        defaultSubcommand: Overview.self)

    /// Runs the command, reporting the archive's errors with the CLI's exit codes (see ``CLIError``);
    /// ArgumentParser reports its own (usage errors exit 64, `--help` exits 0).
    static func main() {
        do {
            // `--db X finishers` reads as `finishers --db X` (GlobalOptionOrder); edition files
            // travel as one argument (ImportOperands).
            var command = try parseAsRoot(ImportOperands.joined(GlobalOptionOrder.reordered(Array(CommandLine.arguments.dropFirst()))))
            try command.run()
            StandardStreams.finishStandardOutput()
        } catch {
            guard let failure = CLIError(translating: error) else { StandardStreams.fail(parsing: error) }
            StandardStreams.fail(failure.description, code: failure.exitCode)
        }
    }
}
