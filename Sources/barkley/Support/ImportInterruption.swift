#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import SQLiteLayer

/// SIGINT and SIGTERM during a write: the write is stopped and rolled back, and the command
/// says so and exits 130 or 143 (128 + the signal), rather than dying mid-transaction and
/// leaving a journal that readers cannot roll back.
///
/// A signal only sets what happened; a dispatch queue then interrupts the archive's connection
/// (`sqlite3_interrupt`) every few milliseconds, since an interrupt between two statements is
/// forgotten. The interrupted statement's error unwinds the import, whose transaction rolls back
/// and whose connection closes; the command then reports the signal.
final class ImportInterruption: @unchecked Sendable {
    // Guards `handles`, `received` and `repeating`: signals arrive on a dispatch queue, the
    // import registers its connection on the main thread.
    private let lock = NSLock()
    private var handles: [InterruptHandle] = []
    private var received: Int32?
    private var sources: [DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "barkley.signals")

    /// Starts catching SIGINT and SIGTERM for this process.
    init() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { [weak self] in self?.receive(signalNumber) }
            source.resume()
            sources.append(source)
        }
    }

    /// The signal received, if any.
    var receivedSignal: Int32? { lock.withLock { received } }

    /// Interrupts `connection` from now on whenever a signal has come.
    func watch(_ connection: Connection) {
        let handle = connection.interruptHandle
        let interruptNow = lock.withLock { () -> Bool in
            handles.append(handle)
            return received != nil
        }
        if interruptNow { handle.interrupt() }
    }

    private func receive(_ signalNumber: Int32) {
        let first = lock.withLock { () -> Bool in
            defer { if received == nil { received = signalNumber } }
            return received == nil
        }
        guard first else { return }
        repeatInterrupts()
    }

    /// Interrupts every watched connection every 5 ms until the process exits.
    private func repeatInterrupts() {
        for handle in lock.withLock({ handles }) { handle.interrupt() }
        queue.asyncAfter(deadline: .now() + .milliseconds(5)) { [weak self] in self?.repeatInterrupts() }
    }

    /// The message and exit code for a write a signal stopped.
    static func failure(for signalNumber: Int32, command: String) -> CLIError {
        let name = signalNumber == SIGINT ? "SIGINT" : signalNumber == SIGTERM ? "SIGTERM" : "signal \(signalNumber)"
        return CLIError(.interrupted(signalNumber), "`barkley \(command)` was stopped by \(name): nothing was written (a write is all or nothing)",
                        hint: "Run it again to import the files.")
    }
}
