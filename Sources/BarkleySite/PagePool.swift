import Foundation

/// Renders and writes pages on a few threads while the caller reads the archive and builds
/// the next page models: rendering is most of a site's CPU time, and it needs nothing but
/// the model and the templates.
///
/// At most `width` pages are in hand at once: ``submit(_:)`` waits for a free worker, so
/// memory stays flat however many pages a site has. The first failure stops the run:
/// ``submit(_:)`` throws it instead of taking more pages, and ``finish()`` throws it after
/// the pages in hand are done. When several pages in hand fail, the one submitted first is
/// reported, whatever order the workers finished in.
final class PagePool: @unchecked Sendable {
    // Unchecked: `pages`, `bytes` and `failure` are shared by the workers and only read or
    // changed under `lock`; the semaphore and the group are thread-safe themselves.
    private let queue = DispatchQueue(label: "barkley.site.pages", attributes: .concurrent)
    private let group = DispatchGroup()
    private let free: DispatchSemaphore
    private let lock = NSLock()
    private var submitted = 0
    private var pages = 0
    private var bytes = 0
    private var failure: (order: Int, error: any Error)?

    /// - Parameter width: pages rendered at once; at least 1.
    init(width: Int = ProcessInfo.processInfo.activeProcessorCount) {
        free = DispatchSemaphore(value: max(1, width))
    }

    /// Runs `job` (render one page and write it, returning its bytes) on the next free worker,
    /// waiting for one when all are busy.
    /// - Throws: the first failure of a page submitted before, instead of running `job`.
    func submit(_ job: @escaping @Sendable () throws -> Int) throws {
        free.wait()
        if let failure = lock.withLock({ failure }) {
            free.signal()
            group.wait()
            throw lock.withLock { self.failure?.error } ?? failure.error
        }
        let order = submitted
        submitted += 1
        queue.async(group: group) { [self] in
            defer { free.signal() }
            do {
                let written = try job()
                lock.withLock {
                    pages += 1
                    bytes += written
                }
            } catch {
                lock.withLock {
                    if failure == nil || order < failure!.order { failure = (order, error) }
                }
            }
        }
    }

    /// Waits for the pages in hand, without reporting their failures (the caller is already
    /// failing for another reason).
    func drain() {
        group.wait()
    }

    /// Waits for every page submitted.
    /// - Returns: the pages and bytes written.
    /// - Throws: the failure of the first page submitted that failed.
    func finish() throws -> (pages: Int, bytes: Int) {
        group.wait()
        return try lock.withLock {
            if let failure { throw failure.error }
            return (pages, bytes)
        }
    }
}
