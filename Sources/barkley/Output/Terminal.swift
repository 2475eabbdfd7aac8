#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What the CLI knows about where its output goes: colour, progress, and writing to stderr.
enum Terminal {
    /// Colour (bold headings) only on a terminal, and never when `NO_COLOR` is set to anything
    /// (https://no-color.org) or the terminal is `dumb`.
    static var stdoutShowsColour: Bool {
        let environment = ProcessInfo.processInfo.environment
        guard isatty(STDOUT_FILENO) == 1 else { return false }
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    /// True when stdout is a terminal: charts are drawn only there unless asked for (``ChartOptions``).
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// The width answers on stdout may take (``TerminalWidth``): `COLUMNS`, else the terminal's.
    static var stdoutWidth: Int? { TerminalWidth.of(fileDescriptor: STDOUT_FILENO) }

    /// Progress is drawn on stderr, and only when a person is watching it.
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    static func bold(_ text: String) -> String { "\u{1B}[1m" + text + "\u{1B}[0m" }

    /// Writes `text` to stderr (add the newline yourself), escaped as prose by ``TextSanitizer``:
    /// error messages quote names, file names and file content.
    static func writeError(_ text: String) {
        writeRawError(TextSanitizer.prose(text))
    }

    /// Prints one message on stdout (a newline follows), escaped as prose by ``TextSanitizer``:
    /// what a writing command reports names files and editions. Reports print through
    /// ``OutputFormat/render(_:colour:)``, whose renderers escape their text themselves.
    static func say(_ text: String) {
        print(TextSanitizer.prose(text))
    }

    /// Writes `text` to stderr exactly as given: only for the CLI's own control sequences.
    fileprivate static func writeRawError(_ text: String) {
        StandardStreams.writeStandardError(text)
    }
}

/// A one-line `done/total` counter on stderr, redrawn in place; silent when stderr is not a terminal.
struct ProgressLine {
    let label: String
    let enabled: Bool

    init(label: String, enabled: Bool = Terminal.stderrIsTerminal) {
        self.label = label
        self.enabled = enabled
    }

    func update(done: Int, total: Int) {
        guard enabled else { return }
        Terminal.writeRawError("\r\u{1B}[2K" + TextSanitizer.cell("\(label) \(done)/\(total)"))
    }

    /// Clears the line, so what is printed next starts clean.
    func finish() {
        guard enabled else { return }
        Terminal.writeRawError("\r\u{1B}[2K")
    }
}
