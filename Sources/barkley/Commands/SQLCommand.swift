import ArgumentParser
import Foundation
import SQLiteLayer

extension Barkley {
    /// `barkley sql "SELECT …"`: anything the other commands do not answer, read-only.
    struct SQLCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sql",
            abstract: "Run one SELECT on the archive, read-only.",
            discussion: """
                The archive is opened read-only: a statement that would write, attach a file or \
                set a pragma is refused (exit 65), and nothing is changed. One statement per call. \
                A NULL (unknown) value reads NULL in tables and Markdown, is empty in CSV and null \
                in JSON, where each row is an object keyed by column name.

                Examples:
                  barkley sql "SELECT year, starters FROM edition WHERE starters IS NOT NULL ORDER BY starters DESC LIMIT 5"
                  barkley sql "SELECT name FROM sqlite_schema WHERE type = 'table'" --format csv
                """)

        @Argument(help: ArgumentHelp("One SQL statement, quoted.", valueName: "statement"))
        var statement: String

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard !SQLText.isBlank(statement) else { throw ValidationError("The statement is empty; give one, such as \"SELECT count(*) FROM edition\".") }
        }

        func run() throws {
            guard !SQLText.hasMoreThanOneStatement(statement) else {
                throw CLIError(.badData, "more than one statement", hint: "Run one statement per call of `barkley sql`.")
            }
            let connection = try archive.openReadOnlyConnection()
            do {
                let prepared = try connection.prepare(statement)
                guard prepared.isReadOnly else { throw Self.refused }
                // Rows are printed as SQLite returns them (see SQLRowPrinter): memory stays flat.
                let table = output.format == .table
                var printer = SQLRowPrinter(format: output.format, columns: prepared.columnNames,
                                            width: table ? TerminalWidth.standardOutput : nil,
                                            bold: table && Terminal.stdoutShowsColour, write: output.write(escaped:))
                printer.begin()
                try prepared.forEachRow { printer.add($0.values) }
                printer.end()
            } catch let error as SQLiteError {
                switch error.code {
                case .auth, .readOnly: throw Self.refused
                // The authorizer's denial of a function or a pragma table reaches the caller as
                // SQLITE_ERROR with SQLite's fixed message "not authorized", not as SQLITE_AUTH.
                case .error where error.message == "not authorized": throw Self.refused
                default:
                    throw CLIError(.badData, "SQLite: \(error.message)",
                                   hint: "Check the statement; `barkley sql \"SELECT name, sql FROM sqlite_schema\"` shows the schema.")
                }
            }
        }

        static let refused = CLIError(
            .badData, "`barkley sql` only reads: the statement would write, attach a file or set a pragma, and was refused",
            hint: "Nothing was changed. To change an archive, import edition files with `barkley import --db PATH FILE…`.")
    }
}

/// The rows of a `sql` statement, for people and (JSON) for programs.
///
/// JSON: an array with one object per row, keyed by column name in the statement's order (a
/// repeated name gets `_2`, `_3`…); integers and reals are numbers, text is a string, NULL is
/// null, a blob is a string of hexadecimal digits. `barkley sql` itself prints rows as it reads
/// them (``SQLRowPrinter``); this answer lays out a result that fits its buffer.
struct SQLAnswer: Presentable {
    var columns: [String]
    var rows: [Row]

    var report: Report {
        let cells = rows.map { $0.values.map(Self.cell) }
        let numeric = columns.indices.map { index in
            rows.allSatisfy { row in
                switch row.values[index] {
                case .integer, .real, .null: true
                default: false
                }
            } && !rows.isEmpty
        }
        // CSV's header is the statement's own column names (`key`), not a snake_case of them.
        // Text keeps its newlines in the table format (a note of several lines), wrapped there.
        let table = Table(columns: columns.indices.map { index in
            var column = Column(name: columns[index], alignment: numeric[index] ? .right : .left, key: columns[index])
            column.keepsLineBreaks = true
            return column
        }, rows: cells)
        return Report(tables: [table], csvTable: 0, unknownText: "NULL")
    }

    var json: JSONValue {
        var keys: [String] = []
        for column in columns {
            var key = column, suffix = 2
            while keys.contains(key) { key = "\(column)_\(suffix)"; suffix += 1 }
            keys.append(key)
        }
        return .array(rows.map { row in .object(Dictionary(uniqueKeysWithValues: zip(keys, row.values.map(Self.json)))) })
    }

    private static func cell(_ value: DatabaseValue) -> Cell {
        value == .null ? .unknown : .text(text(value))
    }

    /// A value as tables, Markdown and CSV show it (a blob as `x'0A1B'`); NULL as `NULL`.
    static func text(_ value: DatabaseValue) -> String {
        switch value {
        case .null: "NULL"
        case .integer(let int): String(int)
        case .real(let double): String(double)
        case .text(let text): text
        case .blob(let bytes): "x'" + hex(bytes) + "'"
        }
    }

    private static func json(_ value: DatabaseValue) -> JSONValue {
        switch value {
        case .null: .null
        case .integer(let int): .int(Int(int))
        case .real(let double): double.isFinite ? .double(double) : .string(String(double))
        case .text(let text): .string(text)
        case .blob(let bytes): .string(hex(bytes))
        }
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16, uppercase: true) }.joined()
    }
}

/// Just enough of SQLite's lexical rules to tell one statement from several: string literals,
/// quoted identifiers and comments can hold a `;` that ends nothing.
enum SQLText {
    /// True when text other than blanks and comments follows a `;` that ends a statement.
    static func hasMoreThanOneStatement(_ sql: String) -> Bool {
        var scalars = Array(sql.unicodeScalars)[...]
        var ended = false
        while let scalar = scalars.first {
            switch scalar {
            case "'", "\"", "`", "[":
                if ended { return true }
                let closing: Unicode.Scalar = scalar == "[" ? "]" : scalar
                scalars = scalars.dropFirst()
                // A doubled quote inside a literal is an escaped quote: skipping both keeps going.
                while let next = scalars.first {
                    scalars = scalars.dropFirst()
                    if next == closing {
                        if closing != "]", scalars.first == closing { scalars = scalars.dropFirst() } else { break }
                    }
                }
            case "-" where scalars.dropFirst().first == "-":
                while let next = scalars.first, next != "\n" { scalars = scalars.dropFirst() }
            case "/" where scalars.dropFirst().first == "*":
                scalars = scalars.dropFirst(2)
                while !scalars.isEmpty, !(scalars.first == "*" && scalars.dropFirst().first == "/") { scalars = scalars.dropFirst() }
                scalars = scalars.dropFirst(2)
            case ";":
                ended = true
                scalars = scalars.dropFirst()
            default:
                if ended, !scalar.properties.isWhitespace { return true }
                scalars = scalars.dropFirst()
            }
        }
        return false
    }

    /// True when the text holds nothing but blanks, comments and semicolons.
    static func isBlank(_ sql: String) -> Bool {
        !hasMoreThanOneStatement("; " + sql)
    }
}
