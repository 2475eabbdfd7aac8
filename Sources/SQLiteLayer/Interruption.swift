import Foundation
internal import CSQLite

/// Stops a connection's running statement from another thread (`sqlite3_interrupt`), for a
/// signal handler: the statement fails with `SQLITE_INTERRUPT`, and a transaction it was part
/// of is rolled back.
///
/// `sqlite3_interrupt` must never be called on a closed connection, so the handle and the
/// connection share a lock: the connection invalidates the handle before it closes, and an
/// interrupt after that does nothing.
public final class InterruptHandle: @unchecked Sendable {
    // Guards `handle`: interrupt() runs on a signal-handling thread, invalidate() on the
    // connection's thread as it closes.
    private let lock = NSLock()
    private var handle: OpaquePointer?

    init(_ handle: OpaquePointer) { self.handle = handle }

    /// Interrupts the statement running now, if any. A no-op once the connection has closed.
    public func interrupt() {
        lock.withLock { if let handle { sqlite3_interrupt(handle) } }
    }

    func invalidate() {
        lock.withLock { handle = nil }
    }
}

/// The result code of a statement stopped by ``InterruptHandle/interrupt()``.
extension ResultCode {
    public static let interrupt = ResultCode(rawValue: SQLITE_INTERRUPT)
}
