import ArgumentParser
import Foundation

/// `--db PATH`: which archive a command uses.
///
/// Without it (and without `BARKLEY_DB` in the environment) commands use the built-in archive,
/// the real data of `SampleData/`, which needs no set-up and cannot be changed.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long,
            help: ArgumentHelp("An archive file to use instead of the built-in archive (or set BARKLEY_DB).", valueName: "path"),
            completion: .file(extensions: ["sqlite", "db"]))
    var db: String?

    /// The environment variable read when `--db` is not given.
    static let environmentVariable = "BARKLEY_DB"

    /// `--db`, else `BARKLEY_DB` when set and not empty, else nil for the built-in archive.
    var path: String? {
        if let db { return db }
        guard let path = ProcessInfo.processInfo.environment[Self.environmentVariable], !path.isEmpty else { return nil }
        return path
    }

    /// `--db ""` names nothing: refused rather than read as SQLite's private temporary database.
    func validate() throws {
        if db?.isEmpty == true { throw ValidationError("--db needs a path; an empty one names no file.") }
    }

    /// For commands that change an archive: the built-in one cannot be changed, so a file is required.
    ///
    /// - Throws: `ValidationError` (exit 64) when neither `--db` nor `BARKLEY_DB` names a file.
    func requireFile(toRun command: String) throws {
        guard path == nil else { return }
        throw ValidationError("`barkley \(command)` changes an archive file, and the built-in archive cannot be changed: pass --db PATH (or set \(Self.environmentVariable)); the file is created on first use.")
    }
}

/// `--format`: how a reading command prints its answer.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "How to print the answer.")
    var format: OutputFormat = .table

    /// Prints text a renderer has already escaped (``TextSanitizer``), as it is: `sql`'s rows,
    /// streamed by ``SQLRowPrinter``.
    func write(escaped text: String) {
        Swift.print(text, terminator: "")
    }

    /// Prints `value` to stdout in the chosen format, with colour only on a colour terminal and
    /// tables fitted to the terminal's width (``TerminalWidth``). JSON and JSON Lines are
    /// written as they are made, in pieces, never held whole.
    func print(_ value: some Presentable) throws {
        switch format {
        case .json: return try JSONOutput.write(value.json) { Swift.print($0, terminator: "") }
        case .jsonl: return try JSONLinesRenderer.render(value) { Swift.print($0, terminator: "") }
        case .table, .csv, .markdown: break
        }
        let table = format == .table
        Swift.print(try format.render(value, colour: table && Terminal.stdoutShowsColour, width: table ? TerminalWidth.standardOutput : nil),
                    terminator: "")
    }
}
