import Foundation

// An app shows `error.localizedDescription`: these are the messages the `barkley` CLI prints
// for the same errors.

extension ImportProblem: LocalizedError {
    /// `2024.yaml:41: entrants[2].times[0].elapsed: …`: file, line, field and what is wrong.
    public var errorDescription: String? { description }
}

extension ImportError: LocalizedError {
    /// `2 problems; nothing was written:` and each problem on its own line.
    public var errorDescription: String? { description }
    public var recoverySuggestion: String? { "Fix each problem listed and import the files again." }
}

extension ExportError: LocalizedError {
    /// `the Barkley Marathons edition of 2024 and … would both be written to …; nothing was written`.
    public var errorDescription: String? { description }
    public var recoverySuggestion: String? {
        "Rename one of the races (import its edition files with a distinct `race:`) and export again."
    }
}
