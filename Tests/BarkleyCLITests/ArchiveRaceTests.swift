import BarkleyArchive
import Foundation
import SeededRandom
import Testing

/// Archive files under races, with the real `barkley` binary: creating an archive is atomic and
/// exclusive, export and backup are snapshots. `BARKLEY_HEAVY_TESTS=1` (CI) runs the full counts.
@Suite("Archive files under races", .serialized)
struct ArchiveRaceTests {
    static let heavy = ReliabilityTests.heavy

    /// Editions in the archive at `path`, by year; nil when there is no archive there.
    static func years(in path: String) throws -> Set<Int>? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let archive = try Archive.openReadOnly(path: path)
        return Set(try archive.editionKeys().map(\.year))
    }

    @Test("two imports creating the same new archive both land in it; a failing or dry run beside them deletes nothing")
    func racingFirstImports() throws {
        let directory = try TemporaryDirectory()
        let bad = directory.path("bad-2023.yaml")
        try WritingCommandTests.badEdition.write(toFile: bad, atomically: true, encoding: .utf8)
        let rounds = Self.heavy ? 50 : 6
        var lostCommits = 0, deletedArchives = 0, runs = 0
        for round in 0..<rounds {
            let db = directory.path("new-\(round).sqlite")
            // Round kinds: two good imports; a good one and one that fails; a good one and a dry run.
            let kind = round % 3
            let second: [String] = switch kind {
            case 0: ["import", "--db", db, Repository.sample("2025.yaml")]
            case 1: ["import", "--db", db, bad]
            default: ["import", "--dry-run", "--db", db, Repository.sample("2025.yaml")]
            }
            let first = try BarkleyBinary.start(["import", "--db", db, Repository.sample("2024.yaml")])
            let other = try BarkleyBinary.start(second)
            let (a, b) = (try first.wait(), try other.wait())
            runs += 2
            #expect(a.status == 0, "\(a)")
            #expect(b.status == (kind == 1 ? 65 : 0), "\(b)")
            guard let years = try Self.years(in: db) else {
                deletedArchives += 1
                continue
            }
            if a.status == 0 && !years.contains(2024) { lostCommits += 1 }
            if kind == 0 && b.status == 0 && !years.contains(2025) { lostCommits += 1 }
            #expect(kind == 0 || !years.contains(2025), "a dry run or a failed import wrote nothing")
            #expect(!years.contains(2023))
        }
        // Nothing but the archives and the input: no temporary file left by any run.
        let leftovers = try directoryListing(directory.url).filter { $0 != "bad-2023.yaml" && !($0.hasPrefix("new-") && $0.hasSuffix(".sqlite")) }
        #expect(leftovers == [])
        #expect(lostCommits == 0)
        #expect(deletedArchives == 0)
        print("racing first imports: \(rounds) rounds, \(runs) imports, \(lostCommits) lost commits, \(deletedArchives) deleted archives")
    }

    @Test("readers during a first import see no archive or the whole of it, never an error")
    func readersDuringFirstImport() throws {
        let directory = try TemporaryDirectory()
        let db = directory.path("first.sqlite")
        let files = try FileManager.default.contentsOfDirectory(atPath: Repository.sampleData.path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map(Repository.sample)
        let state = ConcurrentState()
        let group = DispatchGroup()
        let failures = FailureList()
        for _ in 0..<2 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                var finalRead = false
                while !finalRead {
                    finalRead = state.writerDone
                    guard let result = try? BarkleyBinary.run(["sql", "--db", db, "--format", "csv", "SELECT count(*) AS n FROM edition"]) else {
                        failures.append("could not run barkley"); continue
                    }
                    let whole = result.status == 0 && result.stdout == "n\n\(files.count)\n"
                    if !(whole || result.status == 66) { failures.append(result.description) }
                    failures.countRead()
                }
            }
        }
        let result = try BarkleyBinary.run(["import", "--db", db] + files)
        state.writerDone = true
        group.wait()
        #expect(result.status == 0, "\(result)")
        #expect(failures.items == [])
        #expect(failures.reads > 0)
        print("readers during a first import: \(failures.reads) reads, \(failures.items.count) errors")
    }

    @Test("a backup killed at random points never leaves a broken file under the final name")
    func killedBackups() throws {
        let directory = try TemporaryDirectory()
        let source = directory.path("source.sqlite")
        let files = try FileManager.default.contentsOfDirectory(atPath: Repository.sampleData.path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map(Repository.sample)
        #expect(try BarkleyBinary.run(["import", "--db", source] + files).status == 0)
        let target = directory.path("backup.sqlite")
        let started = Date()
        #expect(try BarkleyBinary.run(["backup", "--db", source, target]).status == 0)
        let fullBackup = Date().timeIntervalSince(started)
        let expected = try #require(try Self.years(in: target))

        var random = SplitMix64(seed: 0xBAC_0B)
        let points = Self.heavy ? 50 : 8
        var interrupted = 0, complete = 0, broken = 0
        for _ in 0..<points {
            try? FileManager.default.removeItem(atPath: target)
            let delay = Double.random(in: 0...(fullBackup * 1.2), using: &random)
            if try BarkleyBinary.runAndKill(["backup", "--db", source, target], after: delay) { interrupted += 1 }
            for suffix in ["-journal", "-wal", "-shm"] { #expect(!FileManager.default.fileExists(atPath: target + suffix)) }
            guard FileManager.default.fileExists(atPath: target) else { continue }
            do {
                let archive = try Archive.openReadOnly(path: target)
                if try archive.connection.integrityProblems() == [], try Self.years(in: target) == expected { complete += 1 } else { broken += 1 }
            } catch {
                broken += 1
            }
        }
        #expect(broken == 0)
        print("killed backups: \(points) kill points, \(interrupted) interrupted a backup, \(complete) complete files, \(broken) broken files under the final name")
    }

    @Test("export while an import replaces every edition writes one snapshot: all old or all new")
    func exportDuringImportIsOneSnapshot() throws {
        let sets = try ReliabilityTests.EditionSets()
        let db = sets.directory.url.appendingPathComponent("archive.sqlite").path
        #expect(try BarkleyBinary.run(["import", "--db", db] + sets.a.map(\.path)).status == 0)
        let rounds = Self.heavy ? 6 : 2
        var exports = 0, mixed = 0
        for round in 0..<rounds {
            let files = round % 2 == 0 ? sets.b : sets.a
            let importing = try BarkleyBinary.start(["import", "--db", db] + files.map(\.path))
            repeat {
                let out = sets.directory.url.appendingPathComponent("export-\(exports)")
                let result = try BarkleyBinary.run(["export", "--db", db, out.path])
                #expect(result.status == 0, "\(result)")
                let names = try directoryListing(out)
                let versionB = try names.filter { try String(contentsOf: out.appendingPathComponent($0), encoding: .utf8).contains("version B") }
                if !(versionB.isEmpty || versionB.count == names.count) { mixed += 1 }
                #expect(names.count == 40)
                exports += 1
            } while importing.process.isRunning
            #expect(try importing.wait().status == 0)
        }
        #expect(mixed == 0)
        print("export during import: \(exports) exports, \(mixed) mixed two archive states")
    }
}

/// Failures seen by reader threads, under a lock.
final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var _items: [String] = [], _reads = 0
    var items: [String] { lock.withLock { _items } }
    var reads: Int { lock.withLock { _reads } }
    func append(_ item: String) { lock.withLock { _items.append(item) } }
    func countRead() { lock.withLock { _reads += 1 } }
}

@Suite("Imports stopped by a signal", .serialized)
struct InterruptedImportTests {
    @Test("SIGINT or SIGTERM during an import: exit 130 or 143, nothing written, no journal left for readers", arguments: [SIGINT, SIGTERM])
    func signalRollsBackTheImport(signal: Int32) throws {
        let sets = try ReliabilityTests.EditionSets()
        let db = sets.directory.url.appendingPathComponent("archive.sqlite").path
        #expect(try BarkleyBinary.run(["import", "--db", db] + sets.a.map(\.path)).status == 0)
        let started = Date()
        let before = try BarkleyBinary.run(["export", "--db", db, sets.directory.url.appendingPathComponent("before").path])
        #expect(before.status == 0)
        let exportTime = Date().timeIntervalSince(started)
        // Signal part-way through an import of version B; retry earlier if it finished first.
        var delay = max(0.3, exportTime)
        var stopped: BarkleyBinary.Result?
        for _ in 0..<4 where stopped == nil {
            let importing = try BarkleyBinary.start(["import", "--db", db] + sets.b.map(\.path))
            Thread.sleep(forTimeInterval: delay)
            kill(importing.process.processIdentifier, signal)
            let result = try importing.wait()
            if result.status == 0 {
                // It finished before the signal: put version A back and try sooner.
                #expect(try BarkleyBinary.run(["import", "--db", db] + sets.a.map(\.path)).status == 0)
                delay /= 2
            } else {
                stopped = result
            }
        }
        let result = try #require(stopped, "every import finished before the signal")
        #expect(result.status == 128 + signal, "\(result)")
        #expect(result.stderr.contains("nothing was written"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db + "-journal"), "rolled back, no hot journal")
        #expect(try sets.check(db) == (a: 40, b: 0))
        let read = try BarkleyBinary.run(["sql", "--db", db, "--format", "csv", "SELECT count(*) AS n FROM edition"])
        #expect(read.stdout == "n\n40\n", "\(read)")
    }
}
