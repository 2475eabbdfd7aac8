#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation

/// Every write to stdout and stderr, checked: output that could not be written (a full disk,
/// `> /dev/full`) ends the run with exit 74 (EX_IOERR) and a message, never a silent exit 0.
///
/// Answers go to stdout through `print` (C's buffered `stdout`); ``finishStandardOutput()``
/// flushes it and reads its error flag once at the end. Messages go to stderr unbuffered,
/// through ``writeStandardError(_:)``, which reports whether every byte was written.
enum StandardStreams {
    static let ioErrorExitCode: Int32 = 74

    /// C's `stdout` stream, found by name: Swift 6 refuses to read the C global directly, and
    /// `print` writes through it.
    private static var cStandardOutput: UnsafeMutablePointer<FILE>? {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), "stdout")?.load(as: UnsafeMutablePointer<FILE>?.self)
    }

    /// Writes `text` to stderr; false when any of it could not be written.
    @discardableResult
    static func writeStandardError(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            bytes = bytes.dropFirst(written)
        }
        return true
    }

    /// Flushes stdout; on a failed write says so on stderr and exits 74.
    static func finishStandardOutput() {
        // fflush(NULL) flushes every stream; the error flag also remembers a write that failed
        // earlier, when the buffer filled mid-answer.
        let flushed = fflush(nil) == 0
        let failedEarlier = cStandardOutput.map { ferror($0) != 0 } ?? false
        guard !flushed || failedEarlier else { return }
        let reason = String(cString: strerror(errno == 0 ? EIO : errno))
        writeStandardError("Error: the answer could not be written to standard output (\(reason)); it is incomplete\n")
        exit(ioErrorExitCode)
    }

    /// Writes an error message to stderr and exits with `code`, or with 74 when even that fails.
    static func fail(_ message: String, code: Int32) -> Never {
        // Whatever was printed before the error still has to reach stdout (or be reported lost).
        finishStandardOutput()
        // Messages quote names, file names and file content: escaped as prose, like every message.
        // Wrapped at word boundaries to the terminal's width (or COLUMNS), like every answer.
        let text = TextWrap.prose(TextSanitizer.prose(message), width: TerminalWidth.standardError, breakingLongWords: false)
        exit(writeStandardError(text) ? code : ioErrorExitCode)
    }

    /// Help text with its `USAGE:` line wrapped at `width`; every other line as it is (help's
    /// prose is wrapped by ArgumentParser, and `--experimental-dump-help` is JSON).
    static func wrappingUsage(_ help: String, width: Int?) -> String {
        help.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("USAGE: ") ? TextWrap.prose(String(line), width: width, breakingLongWords: false) : String(line)
        }.joined(separator: "\n")
    }

    /// Reports an error ArgumentParser knows (`--help`, a usage error) as it would, with checked
    /// writes: help to stdout with exit 0, anything else to stderr with its exit code.
    static func fail(parsing error: any Error) -> Never {
        let code = Barkley.exitCode(for: error).rawValue
        // A mistyped command or option: the same message, with the closest name suggested.
        let arguments = Array(CommandLine.arguments.dropFirst())
        // A negative year (`edition -1`) that ArgumentParser took for an option: said as such.
        let suggested = code == 64
            ? DidYouMean.message(for: error, arguments: arguments)
                ?? NegativeYear.message(for: error, arguments: arguments)
            : nil
        var message = suggested ?? Barkley.fullMessage(for: error)
        // An option typed before the command: the order that works (GlobalOptionOrder).
        if code == 64, let hint = GlobalOptionOrder.hint(for: arguments) { message += "\n" + hint }
        if code == 0 {
            // ArgumentParser wraps help's prose itself, but not its usage line.
            print(Self.wrappingUsage(message, width: TerminalWidth.standardOutput))
            finishStandardOutput()
            exit(0)
        }
        fail(message.isEmpty ? "" : message + "\n", code: code)
    }
}
