import Foundation

/// Reads and checks edition files on background threads, a few files ahead of the importer.
///
/// Reading a file (YAML, the field reader, the rules that need no archive) is about half of an
/// import's work and needs no database, so it runs on other cores while the importer writes to
/// SQLite. Files come back in the order given, and at most about `lookahead` of
/// them are held at once: memory stays flat however many files are imported.
final class EditionFileReadAhead: @unchecked Sendable {
    /// One file, read and checked on its own: its edition, unless it could not be read, and
    /// every problem found without the archive.
    struct CheckedFile: Sendable {
        var parsed: ParsedEdition?
        var problems: [ImportProblem]
        /// The entrants' folded names, folded here rather than on the importer's thread; empty
        /// when the file could not be read.
        var keys: EntrantKeys
        /// Set, instead of `parsed`, for a file whose bytes are those its edition was last
        /// imported from: it was not parsed (see ``UnchangedFile``).
        var unchanged: UnchangedFile?
        /// The file's size and modification time, taken before it was read, for the import
        /// log; nil when not settled (see ``FileStamp``) or not read from a file.
        var stamp: FileStamp?

        /// Checks an edition that is already parsed (a CSV's, or one built in code).
        init(_ parsed: ParsedEdition) {
            self.parsed = parsed
            keys = EntrantKeys(parsed.edition)
            problems = EditionValidator.problems(in: parsed, keys: keys)
        }

        /// Reads and checks the file at `url`, unless it is the file a stored edition was last
        /// imported from (see ``LastImports``): by its whole ``FileStamp`` (name, size, times,
        /// device and inode), without opening it, or else by its checksum.
        init(contentsOf url: URL, lastImports: LastImports = LastImports()) {
            // Stamped before reading: a change while it is read gives the next import another stamp.
            let stamp = url.isFileURL ? FileStamp(settledFileAt: url.path) : nil
            if let last = lastImports.edition(fileName: url.lastPathComponent, stamp: stamp) {
                self.init(unchanged: UnchangedFile(url: url, checksum: last.checksum, race: last.edition.race, year: last.edition.year, byStamp: true))
                return
            }
            do {
                let data = try EditionFileReader.contents(of: url)
                let checksum = EditionFileReader.checksum(of: data)
                if let edition = lastImports.checksums[checksum] {
                    self.init(unchanged: UnchangedFile(url: url, checksum: checksum, race: edition.race, year: edition.year, newStamp: stamp))
                    return
                }
                self.init(try EditionFileReader.read(data: data, fileName: url.lastPathComponent, checksum: checksum))
                self.stamp = stamp
            } catch {
                self.init(unreadable: (error as? ImportError)?.problems
                    ?? [ImportProblem(file: url.lastPathComponent, line: nil, field: "-", rule: .syntax, message: "\(error)")])
            }
        }

        private init(unreadable problems: [ImportProblem]) {
            parsed = nil
            self.problems = problems
            keys = EntrantKeys()
        }

        private init(unchanged file: UnchangedFile) {
            parsed = nil
            problems = []
            keys = EntrantKeys()
            unchanged = file
        }
    }

    /// Files read but not yet taken (by position), the next position to hand out to a reader
    /// thread and to the importer, and a stop request: all guarded by `condition`.
    private let condition = NSCondition()
    private var ready: [Int: CheckedFile] = [:]
    private var nextToRead = 0
    private var nextToTake = 0
    private var cancelled = false
    private let urls: [URL]
    private let lookahead: Int
    private let lastImports: LastImports

    /// Starts reading `urls` in the background on `threads` threads.
    ///
    /// The default is one thread per core: the importer's own thread spends part of its time
    /// waiting for SQLite, and a second reader fills those gaps; readers that get ahead wait.
    /// Files `lastImports` names as unchanged are not parsed (see ``CheckedFile/unchanged``).
    init(urls: [URL], lastImports: LastImports = LastImports(),
         threads: Int = min(4, ProcessInfo.processInfo.activeProcessorCount), lookahead: Int = 16) {
        self.urls = urls
        self.lastImports = lastImports
        self.lookahead = max(1, lookahead)
        let threads = max(1, min(threads, urls.count))
        for number in 0..<threads {
            let thread = Thread { [self] in read() }
            // The YAML composer recurses once per nesting level (bounded by YAMLGuard); give it
            // the main thread's usual stack rather than a secondary thread's smaller default.
            thread.stackSize = 8 << 20
            thread.name = "barkley.read-ahead.\(number)"
            thread.start()
        }
    }

    /// The next file, in order, waiting for it when needed; nil after the last one.
    func next() -> CheckedFile? {
        condition.lock()
        defer { condition.unlock() }
        guard nextToTake < urls.count else { return nil }
        while ready[nextToTake] == nil { condition.wait() }
        let file = ready.removeValue(forKey: nextToTake)
        nextToTake += 1
        condition.broadcast()
        return file
    }

    /// Stops reading (after the files in hand); the importer calls this when it leaves early.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// One reader thread: takes the next position to read, reads it, files the result.
    private func read() {
        condition.lock()
        defer { condition.unlock() }
        while true {
            while nextToRead < urls.count, nextToRead - nextToTake >= lookahead, !cancelled { condition.wait() }
            guard nextToRead < urls.count, !cancelled else { return }
            let position = nextToRead
            nextToRead += 1
            condition.unlock()
            let file = CheckedFile(contentsOf: urls[position], lastImports: lastImports)
            condition.lock()
            ready[position] = file
            condition.broadcast()
        }
    }
}
