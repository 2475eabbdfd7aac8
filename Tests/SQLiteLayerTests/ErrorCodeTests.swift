import SQLiteLayer
import Testing

@Suite("Errors carry SQLite's codes, message, SQL and arguments")
struct ErrorCodeTests {
    /// An in-memory database with a parent table, a child with a foreign key, and a CHECK.
    private func makeDatabase() throws -> Connection {
        let db = try Connection.inMemory()
        try db.execute("""
            CREATE TABLE edition (year INTEGER PRIMARY KEY) STRICT;
            CREATE TABLE entrant (
                id   INTEGER PRIMARY KEY,
                bib  TEXT NOT NULL UNIQUE,
                year INTEGER NOT NULL REFERENCES edition (year),
                laps INTEGER CHECK (laps BETWEEN 0 AND 5)
            ) STRICT;
            INSERT INTO edition (year) VALUES (2024);
            INSERT INTO entrant (id, bib, year, laps) VALUES (1, 'A1', 2024, 3);
            """)
        return db
    }

    private let insertSQL = "INSERT INTO entrant (id, bib, year, laps) VALUES (?, ?, ?, ?)"

    @Test("a duplicate in a UNIQUE column is constraintUnique, a constraint error")
    func uniqueViolation() throws {
        let db = try makeDatabase()
        let error = try #require(throws: SQLiteError.self) { try db.run(insertSQL, [2, "A1", 2024, 1]) }
        #expect(error.extendedCode == .constraintUnique)
        #expect(error.code == .constraint)
        #expect(error.sql == insertSQL)
        #expect(error.arguments == [.integer(2), .text("A1"), .integer(2024), .integer(1)])
        // SQLite's own message names the column; only its presence is checked, not the wording.
        #expect(error.message.contains("entrant.bib"))
        #expect(String(describing: error).contains(insertSQL))
    }

    @Test("a reference to a missing parent row is constraintForeignKey: foreign keys are on from the start")
    func foreignKeyViolation() throws {
        let db = try makeDatabase()
        let error = try #require(throws: SQLiteError.self) { try db.run(insertSQL, [2, "B7", 1999, 1]) }
        #expect(error.extendedCode == .constraintForeignKey)
        #expect(error.code == .constraint)
        #expect(error.arguments == [.integer(2), .text("B7"), .integer(1999), .integer(1)])
        #expect(!error.message.isEmpty)
        #expect(try db.scalar("SELECT count(*) FROM entrant", as: Int.self) == 1)
    }

    @Test("deleting a parent row that is still referenced is constraintForeignKey")
    func foreignKeyOnDelete() throws {
        let db = try makeDatabase()
        let error = try #require(throws: SQLiteError.self) { try db.run("DELETE FROM edition WHERE year = ?", [2024]) }
        #expect(error.extendedCode == .constraintForeignKey)
        #expect(error.sql == "DELETE FROM edition WHERE year = ?")
        #expect(error.arguments == [.integer(2024)])
    }

    @Test("a value that breaks a CHECK is constraintCheck")
    func checkViolation() throws {
        let db = try makeDatabase()
        let error = try #require(throws: SQLiteError.self) { try db.run(insertSQL, [2, "B7", 2024, 9]) }
        #expect(error.extendedCode == .constraintCheck)
        #expect(error.code == .constraint)
        #expect(error.arguments.last == .integer(9))
    }

    @Test("NULL in a NOT NULL column is constraintNotNull; a duplicate primary key is constraintPrimaryKey")
    func notNullAndPrimaryKeyViolations() throws {
        let db = try makeDatabase()
        let notNull = try #require(throws: SQLiteError.self) { try db.run(insertSQL, [2, nil, 2024, 1]) }
        #expect(notNull.extendedCode == .constraintNotNull)
        #expect(notNull.arguments[1] == .null)

        try db.execute("CREATE TABLE tag (name TEXT PRIMARY KEY) STRICT; INSERT INTO tag VALUES ('fast')")
        let primaryKey = try #require(throws: SQLiteError.self) { try db.run("INSERT INTO tag VALUES (?)", ["fast"]) }
        #expect(primaryKey.extendedCode == .constraintPrimaryKey)
    }

    @Test("a value of the wrong type for a STRICT column is a constraint error, not a silent conversion")
    func strictTypeViolation() throws {
        let db = try makeDatabase()
        let error = try #require(throws: SQLiteError.self) { try db.run(insertSQL, [2, "B7", 2024, "three"]) }
        #expect(error.code == .constraint)
        #expect(try db.scalar("SELECT count(*) FROM entrant", as: Int.self) == 1)
    }

    @Test("catch ResultCode.constraint catches every constraint error; an extended code catches only its own")
    func resultCodePatterns() throws {
        let db = try makeDatabase()

        func outcome(of body: () throws -> Void) -> String {
            do {
                try body()
                return "no error"
            } catch ResultCode.constraintUnique {
                return "unique"
            } catch ResultCode.constraint {
                return "other constraint"
            } catch {
                return "something else"
            }
        }

        #expect(outcome { try db.run(insertSQL, [2, "A1", 2024, 1]) } == "unique")
        #expect(outcome { try db.run(insertSQL, [2, "B7", 1999, 1]) } == "other constraint")
        #expect(outcome { try db.run(insertSQL, [2, "B7", 2024, 9]) } == "other constraint")
        #expect(outcome { try db.execute("SELECT * FROM no_such_table") } == "something else")
        #expect(outcome { throw NotSQLite() } == "something else")
        #expect(outcome { try db.run(insertSQL, [2, "B7", 2024, 1]) } == "no error")
    }

    @Test("an extended code pattern does not match another extended code of the same primary")
    func extendedPatternIsExact() throws {
        let db = try makeDatabase()
        let error = try #require(throws: SQLiteError.self) { try db.run(insertSQL, [2, "B7", 1999, 1]) }
        #expect(ResultCode.constraintForeignKey ~= error)
        #expect(ResultCode.constraint ~= error)
        #expect(!(ResultCode.constraintUnique ~= error))
        #expect(!(ResultCode.busy ~= error))
    }

    @Test("SQL that does not parse is an error carrying the SQL and SQLite's message")
    func syntaxError() throws {
        let db = try makeDatabase()
        let sql = "SELEKT * FROM entrant"
        let error = try #require(throws: SQLiteError.self) { try db.rows(sql) }
        #expect(error.code == .error)
        #expect(error.sql == sql)
        #expect(error.message.contains("SELEKT"))
    }
}

private struct NotSQLite: Error {}
