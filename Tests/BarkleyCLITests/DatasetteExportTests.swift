import Foundation
import Testing

/// `barkley export --datasette DIR`, read by the real tools a data person uses: Datasette's JSON
/// API and sqlite-utils (both from PyPI, installed by `scripts/bootstrap` for the python3 first
/// on PATH).
@Suite("export --datasette, read by Datasette and sqlite-utils")
struct DatasetteExportTests {
    /// Runs `python3 ARGUMENTS` and returns its stdout; fails the test on a non-zero exit.
    private static func python(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let output = try TemporaryDirectory()
        let path = output.path("stdout")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        #expect(process.terminationStatus == 0, "python3 \(arguments.joined(separator: " ")) failed: run scripts/bootstrap", sourceLocation: sourceLocation)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// A TCP port nobody listens on now: the kernel's choice for a socket bound to port 0.
    private static func freePort() throws -> Int {
        let output = try python(["-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1]); s.close()"])
        return try #require(Int(output.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// Exports the built-in archive for Datasette into a new directory.
    private static func export() throws -> (directory: TemporaryDirectory, database: String, metadata: String) {
        let directory = try TemporaryDirectory()
        let out = directory.path("datasette")
        let result = try BarkleyBinary.run(["export", "--datasette", out])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "Wrote barkley.sqlite and metadata.json to \(out).\n")
        return (directory, out + "/barkley.sqlite", out + "/metadata.json")
    }

    /// The JSON at `path` of a Datasette listening on `port`, asking again every 0.1 s for up to
    /// `patience` seconds while it does not answer (it takes a second or two to start).
    ///
    /// Fetched by Python's urllib, with a timeout on every request: Foundation's URLSession on
    /// Linux could wait for ever on a server that never answers.
    private static func get(_ port: Int, _ path: String, patience: Double = 5) throws -> Any {
        let script = """
            import sys, time, urllib.request
            deadline = time.time() + float(sys.argv[2])
            while True:
                try:
                    sys.stdout.write(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode()); break
                except OSError:
                    if time.time() > deadline: raise
                    time.sleep(0.1)
            """
        return try JSONSerialization.jsonObject(with: Data(try python(["-c", script, "http://127.0.0.1:\(port)\(path)", "\(patience)"]).utf8))
    }

    @Test("sqlite-utils lists the archive's tables and the readable views")
    func sqliteUtilsListsTablesAndViews() throws {
        let exported = try Self.export()
        let tables = try JSONSerialization.jsonObject(with: Data(try Self.python(["-m", "sqlite_utils", "tables", exported.database]).utf8)) as? [[String: Any]]
        let tableNames = Set((tables ?? []).compactMap { $0["table"] as? String })
        #expect(tableNames.isSuperset(of: ["edition", "entry", "runner", "loop_time", "source", "runner_search", "entry_search"]), "\(tableNames)")
        let views = try JSONSerialization.jsonObject(with: Data(try Self.python(["-m", "sqlite_utils", "views", exported.database]).utf8)) as? [[String: Any]]
        let viewNames = Set((views ?? []).compactMap { $0["view"] as? String })
        #expect(viewNames == ["finishes", "edition_results", "loop_times", "editions_overview"])
    }

    @Test("Datasette serves a view and full-text searches through its JSON API, with the metadata")
    func datasetteReadsViewAndSearch() throws {
        let exported = try Self.export()
        let port = try Self.freePort()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-m", "datasette", "serve", "-i", exported.database, "--metadata", exported.metadata,
                            "--host", "127.0.0.1", "--port", "\(port)"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            // SIGKILL, not SIGTERM: a child started from a test thread may inherit a signal mask
            // that blocks SIGTERM, and then uvicorn never sees it. `-i` opens the file
            // immutable, so there is nothing to clean up.
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        let served = try #require(try Self.get(port, "/-/metadata.json", patience: 20) as? [String: Any])
        #expect((served["title"] as? String)?.contains("Barkley") == true)
        #expect(served["license"] is String && served["source"] is String)

        // A view, filtered by a column, as the CLI answers the same question.
        let finishes = try #require(try Self.get(port, "/barkley/finishes.json?year=2024&_shape=array") as? [[String: Any]])
        let cli = try BarkleyBinary.run(["finishers", "--year", "2024", "--format", "json"])
        let cliFinishes = try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8))
        let cliRunners = Self.strings(named: "runner", in: cliFinishes)
        #expect(!cliRunners.isEmpty, "\(cli)")
        #expect(finishes.compactMap { $0["runner"] as? String } == cliRunners)
        let paris = try #require(finishes.first { $0["runner"] as? String == "Jasmin Paris" })
        #expect(paris["time"] as? String == "59:58:21")
        #expect(paris["time_seconds"] as? Int == 59 * 3600 + 58 * 60 + 21)

        // The race apart (0010): the 100-mile race's finishes and the 3-loop race's are never one
        // count, and the canned query says so; a reason and an unofficial loop read in words.
        let byRace = try #require(try Self.get(port, "/barkley/finishes_by_race.json?_shape=array") as? [[String: Any]])
        let counts = Dictionary(uniqueKeysWithValues: byRace.compactMap { row in
            (row["category"] as? String).map { ($0, [row["finishes"] as? Int, row["finishers"] as? Int]) }
        })
        #expect(counts == ["100-mile": [26, 20], "3-loop": [1, 1]], "\(byRace)")
        let threeLoop = try #require(try Self.get(port, "/barkley/finishes.json?category=3-loop&_shape=array") as? [[String: Any]])
        #expect(threeLoop.compactMap { $0["runner"] as? String } == ["Ed Furtaw"])
        let possert = try #require(try Self.get(port, "/barkley/edition_results.json?year=1988&runner=Tom+Possert&_shape=array") as? [[String: Any]])
        #expect(possert.first?["outcome"] as? String == "disqualified")
        #expect(possert.first?["reason"] as? String == "other")
        #expect((possert.first?["reason_note"] as? String)?.contains("skipped") == true)
        let robbins = try #require(try Self.get(port, "/barkley/loop_times.json?year=2017&runner=Gary+Robbins&loop=5&_shape=array") as? [[String: Any]])
        #expect(robbins.first?["unofficial"] as? String != nil, "\(robbins)")
        let servedDatabase = try #require((served["databases"] as? [String: Any])?["barkley"] as? [String: Any])
        let finishColumns = (((servedDatabase["tables"] as? [String: Any])?["finishes"] as? [String: Any])?["columns"] as? [String: String]) ?? [:]
        #expect(finishColumns["category"]?.contains("3-loop") == true)

        // Full-text search: Datasette's search box on a table (found by the index's content=),
        // on a view (fts_table in the metadata), and the canned query across every index.
        let runners = try #require(try Self.get(port, "/barkley/runner.json?_search=paris&_shape=array") as? [[String: Any]])
        #expect(runners.compactMap { $0["name"] as? String } == ["Jasmin Paris"])
        let accentless = try #require(try Self.get(port, "/barkley/runner.json?_search=aurelien&_shape=array") as? [[String: Any]])
        #expect(accentless.compactMap { $0["name"] as? String }.contains { $0.contains("Aurélien") })
        let results = try #require(try Self.get(port, "/barkley/edition_results.json?_search=paris&_shape=array") as? [[String: Any]])
        #expect(results.contains { $0["runner"] as? String == "Jasmin Paris" })
        #expect(results.allSatisfy { row in  // found by the name, the spelling listed or the note
            ["name_in_edition", "listed_as", "note"].contains { (row[$0] as? String)?.lowercased().contains("paris") == true }
        }, "\(results)")
        let search = try #require(try Self.get(port, "/barkley/search.json?text=irunfar&_shape=array") as? [[String: Any]])
        #expect(search.contains { $0["found_in"] as? String == "citation" })
    }

    /// Every string value under `key` in `json`, in order, however deep.
    private static func strings(named key: String, in json: Any) -> [String] {
        if let object = json as? [String: Any] {
            return object.sorted { $0.key < $1.key }.flatMap { entry in
                entry.key == key ? [entry.value as? String].compactMap { $0 } : strings(named: key, in: entry.value)
            }
        }
        if let array = json as? [Any] { return array.flatMap { strings(named: key, in: $0) } }
        return []
    }
}
