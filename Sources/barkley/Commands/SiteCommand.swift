import ArgumentParser
import BarkleyArchive
import BarkleyQueries
import BarkleySite
import Foundation

extension Barkley {
    /// `barkley site DIR`: the archive as a static website.
    struct SiteCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "site",
            abstract: "Write the archive as a static website: editions, runners, records, with charts.",
            discussion: """
                Writes plain HTML with relative links into DIR (created when missing): a home \
                page, editions/YEAR/, runners/NAME/, finishers, fun runs, records, firsts, \
                countries and sources. It needs no server: open DIR/index.html in a browser, \
                or copy DIR to any static host. Files of the same names are replaced.

                Examples:
                  barkley site out/
                  barkley site --db barkley.sqlite public/
                """)

        @Argument(help: "The folder to write the site into.")
        var directory: String

        @Option(help: "The race, for an archive that holds more than the Barkley Marathons.")
        var race: String = Edition.barkley

        @OptionGroup var archive: ArchiveOptions

        func run() throws {
            let store = try archive.openForReading()
            let summary: SiteWriter.Summary
            do {
                summary = try SiteWriter(history: History(archive: store, race: race)).write(to: URL(fileURLWithPath: directory))
            } catch let error as SiteError {
                throw CLIError(.failure, error.localizedDescription, hint: "Pass a folder you can write to.")
            }
            Terminal.say("Wrote \(summary.pages) pages (\(summary.editions) editions, \(summary.runners) runners) to \(directory)")
        }
    }
}
