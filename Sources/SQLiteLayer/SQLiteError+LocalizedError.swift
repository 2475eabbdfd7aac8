import Foundation

// An app shows `error.localizedDescription`: these are the messages the `barkley` CLI prints
// for the same errors, so an app and the CLI say the same thing.

extension SQLiteError: LocalizedError {
    /// SQLite's own message (`file is not a database`), without codes or SQL; ``description``
    /// keeps those for logs.
    public var errorDescription: String? { message }
}

extension MigrationError: LocalizedError {
    public var errorDescription: String? { description }
}

extension RowDecodingError: LocalizedError {
    public var errorDescription: String? { "the archive holds a value this version cannot read: \(description)" }
}
