import BarkleyArchive
import Foundation
import SeededRandom
import Testing

/// Crashes and concurrent use, with the real `barkley` binary: nothing stored is ever lost or
/// half-written. `BARKLEY_HEAVY_TESTS=1` (set by CI) runs the full counts.
@Suite("Reliability", .serialized)
struct ReliabilityTests {
    static let heavy = ProcessInfo.processInfo.environment["BARKLEY_HEAVY_TESTS"] == "1"

    /// Two versions of 40 synthetic editions with complete entrant lists: `b` drops one entrant
    /// of each edition and changes a time, so a half-written edition matches neither.
    struct EditionSets {
        let directory: TemporaryDirectory
        let a: [URL], b: [URL]
        let editionsA: [Int: Edition], editionsB: [Int: Edition]

        init() throws {
            directory = try TemporaryDirectory()
            var a: [URL] = [], b: [URL] = [], editionsA: [Int: Edition] = [:], editionsB: [Int: Edition] = [:]
            for year in 1986...2025 {
                var edition = Edition(race: "Crash Test", year: year,
                                      format: RaceFormat(loops: 5, timeLimit: RaceTime(hours: 60, minutes: 0)), entrantList: .complete)
                edition.sources = [SourceReference(key: "gen", citation: "Synthetic edition for the reliability tests")]
                edition.cited = ["gen"]
                for index in 0..<40 {
                    let loops = (index * 7 + year) % 6
                    let times = (0..<loops).map { LoopTime(loop: $0 + 1, elapsed: RaceTime(seconds: ($0 + 1) * 40_000 + index)) }
                    edition.entrants.append(Entrant(name: Self.runnerName(year: year, index: index), loopsCompleted: loops, times: times, cited: ["gen"]))
                }
                edition.starters = 40
                var smaller = edition
                smaller.entrants.removeLast()
                smaller.starters = 39
                smaller.notes = "version B"
                for (set, version, suffix) in [(edition, 0, "a"), (smaller, 1, "b")] {
                    let url = directory.url.appendingPathComponent("\(year)-\(suffix).yaml")
                    try EditionFileWriter.text(of: set).write(to: url, atomically: true, encoding: .utf8)
                    if version == 0 { a.append(url); editionsA[year] = set } else { b.append(url); editionsB[year] = set }
                }
            }
            (self.a, self.b, self.editionsA, self.editionsB) = (a, b, editionsA, editionsB)
        }

        /// A name of its own for each (year, index), at least three letters from every other
        /// so the import never asks whether two are one runner: two consonant-vowel syllables
        /// numbering the pair, written three times ("Runner Bafebafebafe").
        static func runnerName(year: Int, index: Int) -> String {
            let consonants = Array("bdfgklmnprstvz"), vowels = Array("aeiou")
            let number = (year - 1986) * 40 + index
            let syllables = [number / 70, number % 70].map { String([consonants[$0 / 5], vowels[$0 % 5]]) }.joined()
            return "Runner " + String(repeating: syllables, count: 3).capitalized
        }

        /// Checks the database: sound, and every edition exactly version A or version B.
        func check(_ path: String) throws -> (a: Int, b: Int) {
            let archive = try Archive(path: path)
            #expect(try archive.connection.integrityProblems() == [])
            var counts = (a: 0, b: 0)
            for year in 1986...2025 {
                let stored = try archive.edition(year: year, race: "Crash Test")
                if stored == editionsA[year] { counts.a += 1 } else if stored == editionsB[year] { counts.b += 1 } else {
                    Issue.record("\(year) is neither version A nor version B: half-written or lost")
                }
            }
            return counts
        }
    }

    @Test("SIGKILL at random points during an import leaves every edition whole, old or new")
    func killedImports() throws {
        let sets = try EditionSets()
        let db = sets.directory.url.appendingPathComponent("archive.sqlite").path
        let start = Date()
        let first = try BarkleyBinary.run(["import", "--db", db] + sets.a.map(\.path))
        #expect(first.status == 0, "\(first)")
        let fullImport = Date().timeIntervalSince(start)

        var random = SplitMix64(seed: 0xC4A5_4)
        let points = Self.heavy ? 60 : 8
        var interrupted = 0
        for round in 0..<points {
            let files = round % 2 == 0 ? sets.b : sets.a
            let delay = Double.random(in: 0...(fullImport * 1.2), using: &random)
            if try BarkleyBinary.runAndKill(["import", "--db", db] + files.map(\.path), after: delay) { interrupted += 1 }
            _ = try sets.check(db)
        }
        print("crash test: \(points) kill points, \(interrupted) interrupted an import, every edition whole after each")
        #expect(interrupted > 0)
    }

    @Test("readers never see a half-imported edition and never fail while a writer imports")
    func concurrentReadersAndWriter() throws {
        let sets = try EditionSets()
        let db = sets.directory.url.appendingPathComponent("archive.sqlite").path
        #expect(try BarkleyBinary.run(["import", "--db", db] + sets.a.map(\.path)).status == 0)

        let writes = Self.heavy ? 12 : 4
        let readerCount = 3
        let state = ConcurrentState()
        let group = DispatchGroup()
        for _ in 0..<readerCount {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                while !state.writerDone {
                    // A half-written edition would have fewer entries than its complete list of starters.
                    let result = try? BarkleyBinary.run(["sql", "--db", db, "--format", "csv",
                        "SELECT count(*) AS torn FROM edition WHERE starters <> (SELECT count(*) FROM entry WHERE entry.edition_id = edition.id)"])
                    state.record(result)
                }
            }
        }
        var writeFailures: [String] = []
        for round in 0..<writes {
            let result = try BarkleyBinary.run(["import", "--db", db] + (round % 2 == 0 ? sets.b : sets.a).map(\.path))
            if result.status != 0 { writeFailures.append(result.description) }
        }
        // A backup taken while readers are active is a whole, identical archive.
        let copy = sets.directory.url.appendingPathComponent("backup.sqlite").path
        let backup = try BarkleyBinary.run(["backup", "--db", db, copy])
        state.writerDone = true
        group.wait()

        #expect(writeFailures == [])
        #expect(backup.status == 0, "\(backup)")
        #expect(state.failures == [], "readers failed")
        #expect(state.reads > 0)
        let original = try Archive(path: db), restored = try Archive(path: copy)
        for year in 1986...2025 {
            #expect(try restored.edition(year: year, race: "Crash Test") == original.edition(year: year, race: "Crash Test"))
        }
        print("concurrency test: \(readerCount) reader processes, \(state.reads) reads, \(writes) imports of 40 editions, backup identical")
    }
}

/// What the reader threads saw, shared under a lock.
final class ConcurrentState: @unchecked Sendable {
    private let lock = NSLock()
    private var _reads = 0, _failures: [String] = [], _done = false

    var reads: Int { lock.withLock { _reads } }
    var failures: [String] { lock.withLock { _failures } }
    var writerDone: Bool {
        get { lock.withLock { _done } }
        set { lock.withLock { _done = newValue } }
    }

    func record(_ result: BarkleyBinary.Result?) {
        lock.withLock {
            _reads += 1
            guard let result else { return _failures.append("could not run barkley") }
            if result.status != 0 || result.stdout != "torn\n0\n" { _failures.append(result.description) }
        }
    }
}

extension BarkleyBinary {
    /// Starts `barkley` and sends SIGKILL after `delay` seconds; true when it was still running.
    static func runAndKill(_ arguments: [String], after delay: TimeInterval) throws -> Bool {
        let executable = try #require(url)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        let wasRunning = process.isRunning
        if wasRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return wasRunning && process.terminationReason == .uncaughtSignal
    }
}
