import SQLiteLayer
import Testing

@Suite("Transactions and savepoints")
struct TransactionTests {
    /// A file database (transactions behave as in production, WAL included) with two rows.
    private func withEntrants(_ body: (Connection) throws -> Void) throws {
        try withTemporaryDirectory { directory in
            let db = try Connection(path: directory.path("archive.sqlite"))
            try db.execute("""
                CREATE TABLE entrant (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT;
                INSERT INTO entrant (id, name) VALUES (1, 'Ana'), (2, 'Ben');
                """)
            try body(db)
        }
    }

    private struct Abandoned: Error, Equatable { let reason: String }

    @Test("a failing statement inside a transaction leaves the database as it was, and its error is rethrown")
    func failingStatementRollsBackEverything() throws {
        try withEntrants { db in
            let before = try DatabaseSnapshot(db)
            let error = try #require(throws: SQLiteError.self) {
                try db.transaction {
                    try db.run("INSERT INTO entrant (id, name) VALUES (?, ?)", [3, "Cleo"])
                    try db.run("UPDATE entrant SET name = ? WHERE id = ?", ["Anna", 1])
                    try db.run("DELETE FROM entrant WHERE id = ?", [2])
                    try db.execute("CREATE TABLE scratch (x)")
                    try db.run("INSERT INTO entrant (id, name) VALUES (?, ?)", [4, "Cleo"])  // UNIQUE fails
                    try db.run("INSERT INTO entrant (id, name) VALUES (?, ?)", [5, "never reached"])
                }
            }
            #expect(error.extendedCode == .constraintUnique)
            #expect(error.arguments == [.integer(4), .text("Cleo")])
            #expect(db.isAutocommit)
            #expect(try DatabaseSnapshot(db) == before)
        }
    }

    @Test("a Swift error thrown by the body rolls the transaction back and is rethrown as is")
    func swiftErrorRollsBack() throws {
        try withEntrants { db in
            let before = try DatabaseSnapshot(db)
            #expect(throws: Abandoned(reason: "bad file")) {
                try db.transaction {
                    try db.run("INSERT INTO entrant (id, name) VALUES (?, ?)", [3, "Cleo"])
                    throw Abandoned(reason: "bad file")
                }
            }
            #expect(db.isAutocommit)
            #expect(try DatabaseSnapshot(db) == before)
        }
    }

    @Test("when the body already ended the transaction, its own error is rethrown, not the failed rollback's")
    func firstErrorWinsOverRollbackFailure() throws {
        try withEntrants { db in
            #expect(throws: Abandoned(reason: "after rollback")) {
                try db.transaction {
                    try db.run("INSERT INTO entrant (id, name) VALUES (?, ?)", [3, "Cleo"])
                    try db.execute("ROLLBACK")
                    throw Abandoned(reason: "after rollback")
                }
            }
            let count = try db.scalar("SELECT count(*) FROM entrant", as: Int.self)
            #expect(db.isAutocommit)
            #expect(count == 2, "the insert was rolled back")
        }
    }

    @Test("a transaction whose body returns is committed and visible to another connection")
    func successfulTransactionCommits() throws {
        try withTemporaryDirectory { directory in
            let path = directory.path("archive.sqlite")
            let db = try Connection(path: path)
            try db.execute("CREATE TABLE entrant (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT")
            let count = try db.transaction {
                try db.run("INSERT INTO entrant (name) VALUES (?)", ["Ana"])
                try db.run("INSERT INTO entrant (name) VALUES (?)", ["Ben"])
                return try db.scalar("SELECT count(*) FROM entrant", as: Int.self)
            }
            #expect(count == 2)
            #expect(db.isAutocommit)

            let other = try Connection(path: path)
            let names = try other.rows("SELECT name FROM entrant ORDER BY id").map { try $0.require("name", as: String.self) }
            #expect(names == ["Ana", "Ben"])
        }
    }

    @Test("a failing savepoint inside a transaction undoes only its own changes")
    func savepointRollsBackOnlyItsPart() throws {
        try withEntrants { db in
            try db.transaction {
                try db.run("INSERT INTO entrant (id, name) VALUES (?, ?)", [3, "Cleo"])
                #expect(throws: SQLiteError.self) {
                    try db.savepoint {
                        try db.run("INSERT INTO entrant (id, name) VALUES (?, ?)", [4, "Dev"])
                        try db.run("UPDATE entrant SET name = ? WHERE id = ?", ["Ana B.", 1])
                        try db.run("INSERT INTO entrant (id, name) VALUES (?, ?)", [5, "Ben"])  // UNIQUE fails
                    }
                }
                #expect(!db.isAutocommit, "the outer transaction is still open")
                try db.run("INSERT INTO entrant (id, name) VALUES (?, ?)", [6, "Eve"])
            }
            let rows = try db.rows("SELECT id, name FROM entrant ORDER BY id")
            #expect(rows.map(\.values) == [
                [.integer(1), .text("Ana")], [.integer(2), .text("Ben")],
                [.integer(3), .text("Cleo")], [.integer(6), .text("Eve")],
            ])
        }
    }

    @Test("a savepoint nested in a savepoint rolls back alone; the outer one's changes are kept")
    func nestedSavepoints() throws {
        try withEntrants { db in
            let kept = try db.savepoint {
                try db.run("INSERT INTO entrant (id, name) VALUES (?, ?)", [3, "Cleo"])
                #expect(throws: Abandoned(reason: "inner")) {
                    try db.savepoint {
                        try db.run("INSERT INTO entrant (id, name) VALUES (?, ?)", [4, "Dev"])
                        throw Abandoned(reason: "inner")
                    }
                }
                return try db.scalar("SELECT count(*) FROM entrant", as: Int.self)
            }
            #expect(kept == 3)
            #expect(db.isAutocommit, "releasing the outermost savepoint commits")
            #expect(try db.rows("SELECT id FROM entrant ORDER BY id").map(\.values) == [[.integer(1)], [.integer(2)], [.integer(3)]])
        }
    }

    @Test("a failing transaction rolls back a savepoint that was released inside it")
    func releasedSavepointIsStillRolledBackWithTransaction() throws {
        try withEntrants { db in
            let before = try DatabaseSnapshot(db)
            #expect(throws: Abandoned(reason: "late")) {
                try db.transaction {
                    try db.savepoint { try db.run("INSERT INTO entrant (id, name) VALUES (?, ?)", [3, "Cleo"]) }
                    throw Abandoned(reason: "late")
                }
            }
            #expect(try DatabaseSnapshot(db) == before)
        }
    }
}
