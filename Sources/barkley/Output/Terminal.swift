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

    /// Progress is drawn on stderr, and only when a person is watching it.
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    static func bold(_ text: String) -> String { "\u{1B}[1m" + text + "\u{1B}[0m" }

    /// Writes `text` to stderr as it is (add the newline yourself).
    static func writeError(_ text: String) {
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
        Terminal.writeError("\r\u{1B}[2K\(label) \(done)/\(total)")
    }

    /// Clears the line, so what is printed next starts clean.
    func finish() {
        guard enabled else { return }
        Terminal.writeError("\r\u{1B}[2K")
    }
}
