import Foundation
import SQLiteLayer

/// One constraint of the archive's schema, read from the CREATE statement SQLite keeps in
/// `sqlite_schema`: a CHECK expression, a NOT NULL or UNIQUE column, a primary key, a foreign key,
/// a unique index, or a trigger.
struct SchemaConstraint: Hashable, Comparable, CustomStringConvertible {
    enum Kind: String {
        case check = "CHECK", notNull = "NOT NULL", unique = "UNIQUE", primaryKey = "PRIMARY KEY"
        case foreignKey = "FOREIGN KEY", trigger = "TRIGGER"
    }

    var table: String
    var kind: Kind
    /// The columns it is on (none for a CHECK or a trigger).
    var columns: [String]
    /// The CHECK expression, the referenced `table (columns)`, or the trigger's name.
    var detail: String

    /// How the tests name it: `loop_count: CHECK (started IS NOT NULL OR completed IS NOT NULL)`,
    /// `source.citation: NOT NULL`, `entry: UNIQUE (edition_id, runner_id)`,
    /// `entry_source: FOREIGN KEY (edition_id, key) REFERENCES edition_source (edition_id, key)`.
    var description: String {
        let list = columns.joined(separator: ", ")
        switch kind {
        case .check: return "\(table): CHECK (\(detail))"
        case .notNull: return "\(table).\(list): NOT NULL"
        case .unique, .primaryKey: return "\(table): \(kind.rawValue) (\(list))"
        case .foreignKey: return "\(table): FOREIGN KEY (\(list)) REFERENCES \(detail)"
        case .trigger: return "\(table): TRIGGER \(detail)"
        }
    }

    /// The words SQLite uses when this constraint fails (`CHECK constraint failed: loop > 0`).
    var sqliteMessage: String {
        switch kind {
        case .check: return "CHECK constraint failed: \(detail)"
        case .notNull: return "NOT NULL constraint failed: \(table).\(columns[0])"
        case .unique, .primaryKey: return "UNIQUE constraint failed: " + columns.map { "\(table).\($0)" }.joined(separator: ", ")
        case .foreignKey: return "FOREIGN KEY constraint failed"
        case .trigger: return ""
        }
    }

    static func < (lhs: SchemaConstraint, rhs: SchemaConstraint) -> Bool { lhs.description < rhs.description }
}

/// Reads the constraints of every table, unique index and trigger of a database from the SQL
/// SQLite stores for them (`sqlite_schema.sql`), so a test can hold each against its rules.
///
/// A small reader of SQLite's CREATE TABLE grammar, enough for column and table constraints
/// (`CONSTRAINT name` prefixes, CHECK, NOT NULL, UNIQUE, PRIMARY KEY, REFERENCES, FOREIGN KEY),
/// with `--` comments, quoted names and nested parentheses.
enum SchemaConstraints {
    static func read(from connection: Connection) throws -> [SchemaConstraint] {
        let rows = try connection.rows("""
            SELECT type, name, tbl_name, sql FROM sqlite_schema
            WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY name
            """)
        var constraints: [SchemaConstraint] = []
        for row in rows {
            let type: String = try row.require("type"), name: String = try row.require("name")
            let table: String = try row.require("tbl_name"), sql: String = try row.require("sql")
            switch type {
            case "table": constraints += parse(createTable: sql, table: name)
            case "index" where words(sql).prefix(2).map { $0.uppercased() } == ["CREATE", "UNIQUE"]:
                let columnsGroup = tokens(sql).first { $0.hasPrefix("(") } ?? "()"
                constraints.append(SchemaConstraint(table: table, kind: .unique, columns: names(in: columnsGroup), detail: name))
            case "trigger": constraints.append(SchemaConstraint(table: table, kind: .trigger, columns: [], detail: name))
            default: break
            }
        }
        return constraints.sorted()
    }

    /// The constraints a `CREATE TABLE` statement declares.
    static func parse(createTable sql: String, table: String) -> [SchemaConstraint] {
        guard let body = tokens(sql).first(where: { $0.hasPrefix("(") }) else { return [] }
        var constraints: [SchemaConstraint] = []
        for item in split(tokens(inner(body))) {
            var item = item
            if item.first?.uppercased() == "CONSTRAINT" { item.removeFirst(min(2, item.count)) }
            guard let head = item.first?.uppercased() else { continue }
            func add(_ kind: SchemaConstraint.Kind, _ columns: [String], _ detail: String = "") {
                constraints.append(SchemaConstraint(table: table, kind: kind, columns: columns, detail: detail))
            }
            switch head {
            case "CHECK": add(.check, [], normalized(inner(item[1])))
            case "UNIQUE": add(.unique, names(in: item[1]))
            case "PRIMARY": add(.primaryKey, names(in: item[2]))
            case "FOREIGN":
                let referenced = item.firstIndex { $0.uppercased() == "REFERENCES" }.map { index in
                    reference(item, after: index)
                } ?? ""
                add(.foreignKey, names(in: item[2]), referenced)
            default:
                // A column: its name, its type, then its constraints.
                let column = unquoted(item[0])
                var index = 1
                while index < item.count {
                    let word = item[index].uppercased()
                    let next = index + 1 < item.count ? item[index + 1].uppercased() : ""
                    switch (word, next) {
                    case ("NOT", "NULL"): add(.notNull, [column]); index += 1
                    case ("PRIMARY", "KEY"): add(.primaryKey, [column]); index += 1
                    case ("UNIQUE", _): add(.unique, [column])
                    case ("CHECK", _): add(.check, [], normalized(inner(item[index + 1]))); index += 1
                    case ("REFERENCES", _): add(.foreignKey, [column], reference(item, after: index))
                    default: break
                    }
                    index += 1
                }
            }
        }
        return constraints
    }

    /// `table (columns)` after a REFERENCES at `index`.
    private static func reference(_ item: [String], after index: Int) -> String {
        let target = index + 1 < item.count ? unquoted(item[index + 1]) : ""
        guard index + 2 < item.count, item[index + 2].hasPrefix("(") else { return target }
        return "\(target) (\(names(in: item[index + 2]).joined(separator: ", ")))"
    }

    /// Words, quoted names, commas and whole parenthesized groups, with `--` comments dropped.
    static func tokens(_ sql: String) -> [String] {
        let characters = Array(sql)
        var tokens: [String] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace { index += 1; continue }
            if character == "-", index + 1 < characters.count, characters[index + 1] == "-" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            }
            let start = index
            if character == "(" {
                var depth = 0
                var quote: Character?
                repeat {
                    let current = characters[index]
                    if let open = quote {
                        if current == open { quote = nil }
                    } else if current == "'" || current == "\"" || current == "`" {
                        quote = current
                    } else if current == "-", index + 1 < characters.count, characters[index + 1] == "-" {
                        // A comment inside a group: skip to the end of its line.
                        while index + 1 < characters.count, characters[index + 1] != "\n" { index += 1 }
                    } else if current == "(" {
                        depth += 1
                    } else if current == ")" {
                        depth -= 1
                    }
                    index += 1
                } while depth > 0 && index < characters.count
                tokens.append(stripComments(String(characters[start..<index])))
            } else if character == "," {
                tokens.append(",")
                index += 1
            } else if character == "'" || character == "\"" || character == "`" {
                index += 1
                while index < characters.count, characters[index] != character { index += 1 }
                index = min(index + 1, characters.count)
                tokens.append(String(characters[start..<index]))
            } else {
                while index < characters.count, !characters[index].isWhitespace, !"(),".contains(characters[index]) { index += 1 }
                tokens.append(String(characters[start..<index]))
            }
        }
        return tokens
    }

    /// The first words of `sql`, for telling `CREATE UNIQUE INDEX` from `CREATE INDEX`.
    private static func words(_ sql: String) -> [String] { tokens(sql).filter { !$0.hasPrefix("(") } }

    /// Items separated by top-level commas.
    private static func split(_ tokens: [String]) -> [[String]] {
        tokens.split(separator: ",", omittingEmptySubsequences: true).map(Array.init)
    }

    /// A group's text without its outer parentheses.
    private static func inner(_ group: String) -> String {
        guard group.hasPrefix("("), group.hasSuffix(")") else { return group }
        return String(group.dropFirst().dropLast())
    }

    /// The column names in a group: `(edition_id, key)` → edition_id, key.
    private static func names(in group: String) -> [String] {
        inner(group).split(separator: ",").map { unquoted(String($0).trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").first.map(String.init) ?? "") }
    }

    private static func unquoted(_ name: String) -> String {
        name.trimmingCharacters(in: CharacterSet(charactersIn: "\"`[]"))
    }

    /// Runs of white space as one space: how expressions are compared.
    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A group's text with its `--` comments dropped (quotes are not looked into: the schema's
    /// expressions hold no `--` inside a string).
    private static func stripComments(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard let range = line.range(of: "--") else { return String(line) }
            return String(line[..<range.lowerBound])
        }.joined(separator: "\n")
    }
}
