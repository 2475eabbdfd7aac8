import Foundation

/// A view or index that a database's owner added, kept across a migration.
///
/// SQLite's procedure for changing a table (https://sqlite.org/lang_altertable.html#otheralter)
/// drops it and renames a new one into place: an index on the old table goes with it, and a view
/// naming it makes the rename fail ("error in view …: no such table"). So the migrator sets such
/// objects aside before the migrations of one upgrade and creates them again, from their own SQL
/// text, after the last one, inside the same transaction.
public struct KeptSchemaObject: Sendable, Hashable {
    /// `view` or `index`.
    public var type: String
    /// The object's name, as `sqlite_schema` holds it.
    public var name: String
    /// The `CREATE …` statement, as `sqlite_schema` holds it.
    public var sql: String

    /// An object to keep: its kind, name and `CREATE` statement, read from `sqlite_schema`.
    public init(type: String, name: String, sql: String) {
        self.type = type
        self.name = name
        self.sql = sql
    }
}

extension Migrator {
    /// Drops `objects`, last first (a view may name an earlier one); the caller holds the transaction.
    func setAside(_ objects: [KeptSchemaObject], in db: Connection) throws {
        for object in objects.reversed() {
            let kind = object.type == "view" ? "VIEW" : "INDEX"
            try db.execute("DROP \(kind) IF EXISTS \"\(object.name.replacingOccurrences(of: "\"", with: "\"\""))\"")
        }
    }

    /// Creates `objects` again, in their order, after the migrations.
    ///
    /// - Throws: `SQLiteError` naming the first object that no longer fits the migrated schema
    ///   (a view of a column a migration removed); the caller rolls the whole upgrade back.
    func restore(_ objects: [KeptSchemaObject], in db: Connection) throws {
        for object in objects {
            do {
                try db.execute(object.sql)
            } catch let error as SQLiteError {
                throw SQLiteError(extendedCode: error.extendedCode,
                                  message: "the \(object.type) '\(object.name)' that this database adds to its schema does not fit the upgraded schema (\(error.message)); drop it, or change it, and upgrade again",
                                  sql: object.sql)
            }
        }
    }
}
