import ArgumentParser
import BarkleyArchive
import Foundation
import SQLiteLayer

extension Barkley {
    /// `barkley upgrade`: brings an archive written by an older version up to this version's schema.
    struct Upgrade: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upgrade an archive written by an older version of barkley to this version's schema.",
            discussion: """
                Reading commands never change a file, so an older archive is upgraded only here \\
                or by `barkley import`. The file is first proved to be a barkley archive (its own \\
                tables, no trigger of anyone else's; views and indexes of one's own are kept); each migration is applied in its \\
                own transaction.

                Examples:
                  barkley upgrade --db barkley.sqlite
                """)

        @OptionGroup var archive: ArchiveOptions

        func validate() throws {
            try archive.requireFile(toRun: "upgrade")
        }

        func run() throws {
            let path = archive.path ?? ""
            // Read first, to say what the upgrade applies; a file a reader cannot open (an
            // interrupted import's journal) is still opened for writing below, which repairs it.
            let pending = (try? archive.pendingUpgrade()) ?? []
            guard try archive.openExistingForWriting(command: "upgrade") != nil else { throw ArchiveOptions.noArchive(at: path) }
            if pending.isEmpty {
                Terminal.say("The archive at \(path) is up to date.")
            } else {
                Terminal.say("Upgraded the archive at \(path): applied \(pending.joined(separator: ", ")).")
            }
        }
    }
}
