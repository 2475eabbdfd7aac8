import BarkleyArchive
import BarkleyQueries
import Foundation
import SQLiteLayer

/// A failure the CLI reports itself: what went wrong, what to do next, and the exit code.
///
/// Exit codes follow `sysexits.h`:
///
/// | code | meaning |
/// | --- | --- |
/// | 0 | success |
/// | 64 | usage: a bad argument or option (ArgumentParser's `ValidationError` and parse errors too) |
/// | 65 | bad data: an edition file that breaks a rule, a file that is not an archive, a SQL statement refused or rejected, an archive that fails `check` |
/// | 66 | missing input: no archive at `--db PATH`, no such file to import; a path that is a directory, FIFO, device or dangling link |
/// | 74 | I/O error: output could not be written (a full disk, a closed pipe), a copy that could not be written |
/// | 75 | temporary failure: another process is writing to the archive; nothing was written |
/// | 130, 143 | an import stopped by SIGINT or SIGTERM: rolled back, nothing was written |
/// | 1 | anything else, and a question the archive has no answer to: no such edition, runner or entry |
///
/// A name or a year that is not in the archive exits 1, as `grep` does when nothing matches:
/// the input was read and is well-formed, it just holds no such thing. 66 stays for a file
/// that is missing, so that a script can tell a wrong `--db` from a wrong name.
struct CLIError: Error, CustomStringConvertible {
    enum Kind: Equatable {
        case failure, usage, badData, missingInput, ioError, temporaryFailure
        /// Stopped by a signal: 128 + its number (130 for SIGINT, 143 for SIGTERM), as shells report it.
        case interrupted(Int32)

        var rawValue: Int32 {
            switch self {
            case .failure: 1
            case .usage: 64
            case .badData: 65
            case .missingInput: 66
            case .ioError: 74
            case .temporaryFailure: 75
            case .interrupted(let signal): 128 + signal
            }
        }
    }

    var kind: Kind
    /// What went wrong, as one line.
    var message: String
    /// What to do next.
    var hint: String?
    /// Lines printed before the message, such as every problem of an import (`file:line: field: message`).
    var details: [String] = []

    init(_ kind: Kind, _ message: String, hint: String? = nil, details: [String] = []) {
        self.kind = kind
        self.message = message
        self.hint = hint
        self.details = details
    }

    var exitCode: Int32 { kind.rawValue }

    /// The text written to stderr.
    var description: String {
        (details + ["Error: \(message)"] + (hint.map { [$0] } ?? [])).joined(separator: "\n") + "\n"
    }
}

extension CLIError {
    /// The CLI's reading of an error thrown by the archive or the database layer; nil for errors
    /// ArgumentParser reports itself (parse errors, `--help`, `ValidationError`, `ExitCode`).
    init?(translating error: any Error) {
        switch error {
        case let error as CLIError:
            self = error
        case let error as ImportError:
            let count = error.problems.count == 1 ? "1 problem" : "\(error.problems.count) problems"
            self.init(.badData, "\(count); nothing was written", hint: "Fix each line listed above and run the import again.",
                      details: error.problems.map(\.description))
        case let error as SQLiteError:
            self.init(sqlite: error)
        case let error as QueryError:
            self.init(.failure, error.localizedDescription)
        case let error as ExportError:
            self.init(.badData, error.localizedDescription, hint: error.recoverySuggestion)
        case let error as MigrationError:
            self.init(.badData, error.localizedDescription)
        case let error as ArchiveUpgradeNeeded:
            self = ArchiveOptions.upgradeNeeded(error)
        case let error as DatabaseFileExistsError:
            self.init(.failure, error.description, hint: "Choose a new path, or remove the file first: barkley never overwrites one.")
        case let error as RowDecodingError:
            self.init(.badData, error.localizedDescription,
                      hint: "Run `barkley check` on the archive to see what else is wrong.")
        case let error as CocoaError where error.code == .fileNoSuchFile || error.code == .fileReadNoSuchFile:
            self.init(.missingInput, error.localizedDescription)
        case let error as CocoaError:
            self.init(.failure, error.localizedDescription)
        default:
            return nil
        }
    }

    private init(sqlite error: SQLiteError) {
        if error.extendedCode == .readOnlyRollback {
            self.init(.failure, "an import into this archive was interrupted, and its journal (the -journal file beside it) must be rolled back by a write first; reading commands never write",
                      hint: "Run `barkley upgrade --db PATH` once: it rolls the interrupted import back and changes nothing else.")
            return
        }
        switch error.code {
        case .notADatabase, .corrupt:
            self.init(.badData, error.localizedDescription, hint: "Pass --db the path of a barkley archive, or make one with `barkley import --db NEW.sqlite FILE…`.")
        case .cantOpen:
            self.init(.missingInput, error.localizedDescription, hint: "Check the path and its directory's permissions.")
        case .auth:
            self.init(.badData, error.message, hint: "Pass --db the path of a barkley archive.")
        case .constraint:
            self.init(.badData, "the archive refused a value: \(error.message); nothing was changed",
                      hint: "A row already stored, or one being written, breaks a rule of the schema (an upgrade holds stored rows to new bounds).")
        case .busy:
            self.init(.temporaryFailure, "another process is writing to the archive, and it stayed locked for \(Connection.busyTimeoutMilliseconds / 1000) s: nothing was written",
                      hint: "Try again when the other import has finished.")
        case .full, .ioError:
            self.init(.ioError, error.message, hint: "Nothing was written under the target name; free some space and try again.")
        default:
            self.init(.failure, error.localizedDescription)
        }
    }
}

extension CLIError {
    /// A question the archive has no answer to, said with what it does hold: the years of its
    /// editions, runners with close names ("Did you mean …?"), the runners a spelling could be.
    init(noAnswer error: QueryError, in history: History, archive: String) {
        let race = Formatting.raceTitle(history.race)
        switch error {
        case .noEdition(_, let year):
            let years = (try? history.resultsPerYear().map(\.year)) ?? []
            let held = years.first.map { "It holds \(race) editions of \(Formatting.span($0, years.last ?? $0))" } ?? "It holds no \(race) edition"
            self.init(.failure, "the \(archive) has no \(race) edition in \(year)", hint: "\(held); `barkley` shows an overview.")
        case .noRunner(let name, let suggestions):
            let shown = Array(suggestions.prefix(5)) + (suggestions.count > 5 ? ["\(suggestions.count - 5) more"] : [])
            let search = "`barkley search WORD` finds runners by part of a name."
            self.init(.failure, "no runner named '\(name)' in the \(archive)",
                      hint: shown.isEmpty ? search : "Did you mean \(Formatting.list(shown, conjunction: "or"))? " + search)
        case .ambiguousRunner(let name, let candidates):
            self.init(.failure, "'\(name)' is a spelling of \(candidates.count) runners: \(Formatting.list(candidates))",
                      hint: "Give the full name of one of them.")
        case .noEntry(let runner, let year):
            self.init(.failure, "\(runner) has no entry in \(year)",
                      hint: "`barkley runner \"\(runner)\"` lists the years \(runner) started.")
        }
    }
}
