import BarkleyArchive
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
/// | 66 | missing input: no archive at `--db PATH`, no such file to import |
/// | 1 | anything else |
struct CLIError: Error, CustomStringConvertible {
    enum Kind: Int32 {
        case failure = 1
        case usage = 64
        case badData = 65
        case missingInput = 66
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
        case let error as MigrationError:
            self.init(.failure, error.description)
        case let error as RowDecodingError:
            self.init(.badData, "the archive holds a value this version cannot read: \(error)",
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
        switch error.code {
        case .notADatabase, .corrupt:
            self.init(.badData, error.message, hint: "Pass --db the path of a barkley archive, or make one with `barkley import --db NEW.sqlite FILE…`.")
        case .cantOpen:
            self.init(.missingInput, error.message, hint: "Check the path and its directory's permissions.")
        default:
            self.init(.failure, error.message)
        }
    }
}
