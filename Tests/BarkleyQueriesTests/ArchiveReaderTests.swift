import BarkleyArchive
import BarkleyBuiltInArchive
import BarkleyQueries
import Foundation
import SQLiteLayer
import Testing

/// `ArchiveReader`: questions from many tasks at once against an archive file, while an import
/// writes to it.
@Suite("ArchiveReader")
struct ArchiveReaderTests {
    /// The two versions of 2024 the import swaps between: as published, and with Jasmin Paris
    /// ten seconds faster (so the finishers, her career and the records all differ).
    static func versionsOf2024() throws -> (published: ParsedEdition, changed: ParsedEdition) {
        let file = try #require(BuiltInArchive.files.first { $0.name == "2024.yaml" })
        let published = try EditionFileReader.read(text: file.contents, fileName: file.name)
        var edition = published.edition
        let paris = try #require(edition.entrants.firstIndex { $0.name == "Jasmin Paris" })
        let last = edition.entrants[paris].times.count - 1
        let time = edition.entrants[paris].times[last].elapsed
        edition.entrants[paris].times[last].elapsed = RaceTime(seconds: time.seconds - 10, precision: time.precision)
        return (published, ParsedEdition(edition: edition, fileName: file.name, checksum: "changed"))
    }

    /// The answers compared: what 2024's finishers, Paris's career and the records say.
    struct Answers: Hashable, Sendable {
        var finishers: EditionFinishes
        var career: Career
        var records: Records
    }

    static func answers(_ history: History) throws -> Answers {
        Answers(finishers: try history.finishers(in: 2024), career: try history.career(of: "Jasmin Paris"), records: try history.records())
    }

    /// A flag and a counter shared by the test and the importing thread.
    final class ImportLoop: @unchecked Sendable {
        // Read and written only with `lock` held: the importing thread and the test's tasks share them.
        private let lock = NSLock()
        private var stopRequested = false
        private var done = 0
        private var failure: (any Error)?

        var shouldStop: Bool { lock.withLock { stopRequested } }
        func stop() { lock.withLock { stopRequested = true } }
        func finishedOne() { lock.withLock { done += 1 } }
        func failed(_ error: any Error) { lock.withLock { failure = error } }
        var imports: Int { lock.withLock { done } }
        var error: (any Error)? { lock.withLock { failure } }
    }

    @Test("200 concurrent questions during imports that replace an edition: no error, no torn answer")
    func concurrentQuestionsDuringImports() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("archive-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("barkley.sqlite").path

        let versions = try Self.versionsOf2024()
        let expected: (published: Answers, changed: Answers)
        do {
            let archive = try Archive(path: path)
            let others = try BuiltInArchive.files.filter { $0.name != "2024.yaml" }.map { try EditionFileReader.read(text: $0.contents, fileName: $0.name) }
            try archive.importEditions(others + [versions.changed])
            let changed = try Self.answers(History(archive: archive))
            try archive.importEditions([versions.published])
            expected = (try Self.answers(History(archive: archive)), changed)
        }
        #expect(expected.published != expected.changed)

        let loop = ImportLoop()
        let firstImport = DispatchSemaphore(value: 0)
        let writer = Thread {
            do {
                let archive = try Archive(path: path)
                var next = versions.changed
                while !loop.shouldStop {
                    try archive.importEditions([next])
                    next = next.checksum == versions.changed.checksum ? versions.published : versions.changed
                    if loop.imports == 0 { firstImport.signal() }
                    loop.finishedOne()
                }
            } catch {
                loop.failed(error)
                firstImport.signal()
            }
        }
        writer.start()
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { firstImport.wait(); continuation.resume() }
        }

        let reader = try ArchiveReader(path: path, connections: 4)
        let answers = try await withThrowingTaskGroup(of: Answers.self) { group in
            for _ in 0..<200 {
                group.addTask { try await reader.read { try Self.answers($0) } }
            }
            return try await group.reduce(into: [Answers]()) { $0.append($1) }
        }
        let importsDuringQuestions = loop.imports
        loop.stop()
        while !writer.isFinished { try await Task.sleep(for: .milliseconds(10)) }

        #expect(loop.error == nil, "the import failed: \(String(describing: loop.error))")
        #expect(answers.count == 200)
        #expect(importsDuringQuestions >= 2, "the import did not run while the questions were asked")
        let torn = answers.filter { $0 != expected.published && $0 != expected.changed }
        #expect(torn.count == 0, "answers that match neither version of 2024")
    }

    @Test("the async questions answer as History does")
    func asyncQuestionsMatchHistory() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("archive-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("barkley.sqlite").path
        let history: History
        do {
            let archive = try Archive(path: path)
            try archive.importEditions(BuiltInArchive.files.map { try EditionFileReader.read(text: $0.contents, fileName: $0.name) })
            history = History(archive: archive)
        }
        let reader = try ArchiveReader(path: path, connections: 2)
        #expect(try await reader.finishers(in: 2024) == history.finishers(in: 2024))
        #expect(try await reader.mostFinishes(limit: 3) == history.mostFinishes(limit: 3))
        #expect(try await reader.edition(year: 2012) == history.archive.edition(year: 2012))
        await #expect(throws: QueryError.noEdition(race: Edition.barkley, year: 2020 + 100)) {
            try await reader.finishers(in: 2120)
        }
    }

    @Test("a reader never creates a file: no archive there is cantOpen")
    func missingFileIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-archive-\(UUID().uuidString).sqlite").path
        #expect(throws: SQLiteError.self) { try ArchiveReader(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
