import BarkleyArchive
import Foundation

/// A fixed set of read-only archives on one file, lent to one question at a time.
///
/// An `Archive` (one SQLite connection) must be used by one thread at a time.
/// Each archive here is either idle in ``idle`` or lent to exactly one question, and a question
/// that finds none idle waits, without blocking a thread, until one comes back.
final class ConnectionPool: @unchecked Sendable {
    /// An archive on its way between the pool and the one question using it.
    struct Lease: @unchecked Sendable {
        let archive: Archive
    }

    // `idle` and `waiting` are read and changed only while `lock` is held: questions check out
    // and in from any thread. (`NSLock`, not `Mutex`: the package still builds for macOS 13.)
    private let lock = NSLock()
    private var idle: [Lease]
    private var waiting: [CheckedContinuation<Lease, Never>] = []

    /// Opens `count` read-only connections to the archive file at `path`.
    ///
    /// - Throws: what `Archive/openReadOnly(path:)` throws: `cantOpen` when
    ///   there is no file, `notADatabase`, a `MigrationError`.
    init(path: String, count: Int) throws {
        idle = try (0..<max(1, count)).map { _ in Lease(archive: try Archive.openReadOnly(path: path)) }
    }

    /// An idle archive, or the next one checked in.
    func checkOut() async -> Lease {
        await withCheckedContinuation { continuation in
            lock.lock()
            if let lease = idle.popLast() {
                lock.unlock()
                continuation.resume(returning: lease)
            } else {
                waiting.append(continuation)
                lock.unlock()
            }
        }
    }

    /// Gives `lease` to the longest-waiting question, or back to the idle ones.
    func checkIn(_ lease: Lease) {
        lock.lock()
        if waiting.isEmpty {
            idle.append(lease)
            lock.unlock()
        } else {
            let next = waiting.removeFirst()
            lock.unlock()
            next.resume(returning: lease)
        }
    }
}
