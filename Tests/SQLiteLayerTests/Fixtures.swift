import Foundation
import SQLiteLayer

/// Runs `body` with a fresh, empty directory, removed afterwards with everything in it.
func withTemporaryDirectory<T>(_ body: (TemporaryDirectory) throws -> T) throws -> T {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    return try body(directory)
}

/// A directory for one test's database files.
struct TemporaryDirectory {
    let url: URL

    fileprivate init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("SQLiteLayerTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    fileprivate func remove() { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` inside the directory; the file is not created.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `bytes` to a new file `name` and returns its path.
    func write(_ bytes: [UInt8], to name: String) throws -> String {
        let path = path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func fileExists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }
}

/// Every table of `db` with every row, in a stable order: what "nothing changed" compares.
struct DatabaseSnapshot: Equatable, CustomStringConvertible {
    let schema: [Row]
    let tables: [String: [Row]]

    init(_ db: Connection) throws {
        schema = try db.rows("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")
        var tables: [String: [Row]] = [:]
        for row in schema where row["type"] == .text("table") {
            let name: String = try row.require("name")
            // Table names come from our own fixtures, so quoting them is enough.
            tables[name] = try db.rows("SELECT * FROM \"\(name)\"").sorted { "\($0.values)" < "\($1.values)" }
        }
        self.tables = tables
    }

    var description: String { "schema: \(schema.count) entries, tables: \(tables.mapValues(\.count))" }
}

/// A database file at `path` holding table `runner` with `count` rows (several pages' worth
/// when `count` is large), closed when this returns.
func createRunnerDatabase(at path: String, rows count: Int) throws {
    let db = try Connection(path: path)
    try db.execute("CREATE TABLE runner (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note BLOB) STRICT")
    try db.transaction {
        let insert = try db.prepare("INSERT INTO runner (id, name, note) VALUES (?, ?, ?)")
        for id in 1...count {
            try insert.execute([.integer(Int64(id)), .text("Runner \(id) — Ünïcödé 🏃"), .blob(Array(repeating: UInt8(id % 256), count: 40))])
        }
    }
}
