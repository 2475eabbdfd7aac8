import ArgumentParser
import BarkleyArchive
import BarkleyQueries

/// `--race` and `--db`: whose history a reading command asks about, and in which archive.
///
/// Every command that answers through `BarkleyQueries` takes these, and asks its question
/// through ``answer(_:)`` so that a question without an answer is reported the same way.
struct HistoryOptions: ParsableArguments {
    @Option(help: "The race, for an archive that holds more than the Barkley Marathons.")
    var race: String = Edition.barkley

    @OptionGroup var archive: ArchiveOptions

    /// Opens the archive and asks `question` of the race's history.
    ///
    /// - Throws: ``CLIError`` with exit 1 when the archive has no answer — no such edition,
    ///   runner or entry — saying what it does hold (see ``CLIError/init(noAnswer:in:archive:)``);
    ///   the archive's own errors as ``ArchiveOptions/openForReading()`` throws them.
    func answer<Answer>(_ question: (History) throws -> Answer) throws -> Answer {
        let history = History(archive: try archive.openForReading(), race: race)
        do {
            return try question(history)
        } catch let error as QueryError {
            throw CLIError(noAnswer: error, in: history, archive: archive.archiveDescription)
        }
    }

    /// The race as a title reads it: `Barkley Marathons`, or the race's own name.
    var raceTitle: String { Formatting.raceTitle(race) }

    /// Refuses a year before the first Barkley, as a usage error (64).
    static func validate(year: Int) throws {
        guard year >= EditionValidator.firstYear else {
            throw ValidationError("\(year) is before the first Barkley (\(EditionValidator.firstYear)); give a year from \(EditionValidator.firstYear) on.")
        }
    }
}
