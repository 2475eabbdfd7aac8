import Foundation

/// Reads and checks edition files on a background thread, a few files ahead of the importer.
///
/// Reading a file (YAML, the field reader, the rules that need no archive) is about half of an
/// import's work and needs no database, so it runs on one core while the importer writes to
/// SQLite on another. Files come back in the order given, and at most `lookahead` of them are
/// held at once: memory stays flat however many files are imported.
final class EditionFileReadAhead: @unchecked Sendable {
    /// One file, read and checked on its own: its edition, unless it could not be read, and
    /// every problem found without the archive.
    struct CheckedFile: Sendable {
        var parsed: ParsedEdition?
        var problems: [ImportProblem]

        /// Checks an edition that is already parsed (a CSV's, or one built in code).
        init(_ parsed: ParsedEdition) {
            self.parsed = parsed
            problems = EditionValidator.problems(in: parsed)
        }

        /// Reads and checks the file at `url`.
        init(contentsOf url: URL) {
            do {
                self.init(try EditionFileReader.read(contentsOf: url))
            } catch {
                self.init(unreadable: (error as? ImportError)?.problems
                    ?? [ImportProblem(file: url.lastPathComponent, line: nil, field: "-", rule: .syntax, message: "\(error)")])
            }
        }

        private init(unreadable problems: [ImportProblem]) {
            parsed = nil
            self.problems = problems
        }
    }

    /// Files read but not yet taken, the end of the list, and a stop request: all guarded by `condition`.
    private let condition = NSCondition()
    private var ready: [CheckedFile] = []
    private var finished = false
    private var cancelled = false

    /// Starts reading `urls` in the background.
    init(urls: [URL], lookahead: Int = 8) {
        let thread = Thread { [self] in read(urls, lookahead: lookahead) }
        // The YAML composer recurses once per nesting level (bounded by NestingGuard); give it
        // the main thread's usual stack rather than a secondary thread's smaller default.
        thread.stackSize = 8 << 20
        thread.name = "barkley.read-ahead"
        thread.start()
    }

    /// The next file, in order, waiting for it when needed; nil after the last one.
    func next() -> CheckedFile? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty, !finished { condition.wait() }
        guard !ready.isEmpty else { return nil }
        condition.broadcast()
        return ready.removeFirst()
    }

    /// Stops reading (after the file in hand); the importer calls this when it leaves early.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private func read(_ urls: [URL], lookahead: Int) {
        for url in urls {
            let file = CheckedFile(contentsOf: url)
            condition.lock()
            while ready.count >= lookahead, !cancelled { condition.wait() }
            guard !cancelled else {
                condition.unlock()
                return
            }
            ready.append(file)
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
