#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// How many columns a table or a message may take: `COLUMNS` when it is set to a positive
/// number, else the terminal's own width (`TIOCGWINSZ`) when the stream is a terminal, else no
/// limit (`nil`): output piped into a file or another program is never wrapped or shortened
/// unless `COLUMNS` asks for it.
///
/// Only the table format and messages use a width; CSV, JSON, JSON Lines and Markdown are
/// never cut.
enum TerminalWidth {
    /// Narrower than this, wrapping does more harm than good: a smaller width is raised to it.
    static let minimum = 20

    /// The width for standard output: see ``Terminal/stdoutWidth``.
    static var standardOutput: Int? { Terminal.stdoutWidth }

    /// The width for messages and errors on standard error: only when it is a terminal (then
    /// `COLUMNS` or the terminal's width). Written to a file or read by a program, each message
    /// stays on its own lines, as the program wrote it.
    static var standardError: Int? { isatty(STDERR_FILENO) == 1 ? of(fileDescriptor: STDERR_FILENO) : nil }

    /// `COLUMNS`, else the terminal's width when `fileDescriptor` is a terminal, else nil.
    static func of(fileDescriptor: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        if let text = environment["COLUMNS"], let columns = Int(text.trimmingCharacters(in: .whitespaces)), columns > 0 {
            return max(columns, minimum)
        }
        guard isatty(fileDescriptor) == 1 else { return nil }
        var size = winsize()
        guard ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return max(Int(size.ws_col), minimum)
    }
}
