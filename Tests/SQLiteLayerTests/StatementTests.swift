import SQLiteLayer
import Testing

@Suite("Prepared statements")
struct StatementTests {
    private func makeDatabase() throws -> Connection {
        let db = try Connection.inMemory()
        try db.execute("CREATE TABLE entrant (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, laps INTEGER) STRICT")
        return db
    }

    @Test("binding fewer or more values than the statement has parameters throws, and runs nothing",
          arguments: [0, 1, 3])
    func wrongBindingCountThrows(count: Int) throws {
        let db = try makeDatabase()
        let statement = try db.prepare("INSERT INTO entrant (name, laps) VALUES (?, ?)")
        let values = (0..<count).map { DatabaseValue.text("value \($0)") }
        let error = try #require(throws: SQLiteError.self) { try statement.execute(values) }
        #expect(error.code == .misuse)
        #expect(error.sql == statement.sql)
        #expect(error.arguments == values)
        #expect(try db.scalar("SELECT count(*) FROM entrant", as: Int.self) == 0)
    }

    @Test("Connection.run with the wrong number of values throws")
    func runWithWrongCountThrows() throws {
        let db = try makeDatabase()
        #expect(throws: SQLiteError.self) { try db.run("INSERT INTO entrant (name) VALUES (?)") }
        #expect(throws: SQLiteError.self) { try db.rows("SELECT * FROM entrant WHERE id = ?", [1, 2]) }
        #expect(try db.scalar("SELECT count(*) FROM entrant", as: Int.self) == 0)
    }

    @Test("one prepared statement runs again and again with new values")
    func statementIsReusable() throws {
        let db = try makeDatabase()
        let insert = try db.prepare("INSERT INTO entrant (name, laps) VALUES (?, ?)")
        for (name, laps) in [("Ana", 5), ("Ben", 3), ("Cleo", 1)] {
            try insert.execute([.text(name), .integer(Int64(laps))])
            #expect(db.changes == 1)
        }
        #expect(db.lastInsertedRowID == 3)

        let query = try db.prepare("SELECT name FROM entrant WHERE laps >= ? ORDER BY id")
        #expect(query.columnNames == ["name"])
        #expect(query.isReadOnly)
        #expect(!insert.isReadOnly)
        #expect(try query.rows([.integer(3)]).map(\.values) == [[.text("Ana")], [.text("Ben")]])
        #expect(try query.rows([.integer(5)]).map(\.values) == [[.text("Ana")]])
        #expect(try query.rows([.integer(9)]).isEmpty)
        #expect(try query.rows([.integer(0)]).count == 3)
    }

    @Test("a statement stopped halfway through its rows starts over when run again")
    func partlySteppedStatementRestarts() throws {
        let db = try makeDatabase()
        try db.execute("INSERT INTO entrant (name, laps) VALUES ('Ana', 5), ('Ben', 3), ('Cleo', 1)")
        let query = try db.prepare("SELECT name FROM entrant WHERE laps >= ? ORDER BY id")
        struct Enough: Error {}
        #expect(throws: Enough.self) {
            try query.forEachRow([.integer(0)]) { _ in throw Enough() }
        }
        #expect(try query.rows([.integer(1)]).count == 3)
    }

    @Test("a statement that failed can be run again with values that succeed")
    func statementIsReusableAfterAnError() throws {
        let db = try makeDatabase()
        let insert = try db.prepare("INSERT INTO entrant (name, laps) VALUES (?, ?)")
        try insert.execute([.text("Ana"), .integer(5)])
        let error = try #require(throws: SQLiteError.self) { try insert.execute([.text("Ana"), .integer(2)]) }
        #expect(error.extendedCode == .constraintUnique)
        #expect(error.arguments == [.text("Ana"), .integer(2)], "the error carries the values of the failed run")
        try insert.execute([.text("Ben"), .null])
        #expect(try db.rows("SELECT name, laps FROM entrant ORDER BY id").map(\.values) == [
            [.text("Ana"), .integer(5)], [.text("Ben"), .null],
        ])
    }

    @Test("values are bound, never spliced: SQL in a value is stored as text")
    func valuesAreNotSQL() throws {
        let db = try makeDatabase()
        let name = "Robert'); DROP TABLE entrant; --"
        try db.run("INSERT INTO entrant (name) VALUES (?)", [name])
        #expect(try db.scalar("SELECT name FROM entrant", as: String.self) == name)
    }

    @Test("scalar returns nil for a query without rows and for a NULL answer")
    func scalarNil() throws {
        let db = try makeDatabase()
        #expect(try db.scalar("SELECT laps FROM entrant", as: Int.self) == nil)
        #expect(try db.scalar("SELECT NULL", as: Int.self) == nil)
        #expect(try db.row("SELECT * FROM entrant") == nil)
    }

    @Test("preparing SQL that refers to a missing table throws with the SQL")
    func prepareFailureThrows() throws {
        let db = try makeDatabase()
        let error = try #require(throws: SQLiteError.self) { try db.prepare("SELECT * FROM course") }
        #expect(error.code == .error)
        #expect(error.sql == "SELECT * FROM course")
        #expect(error.message.contains("course"))
    }
}
