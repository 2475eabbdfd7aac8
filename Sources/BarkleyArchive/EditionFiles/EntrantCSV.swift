import CSV
import Foundation
import SQLiteLayer

/// An edition's entrants as a spreadsheet: one row per entrant, a column per loop time.
///
/// ```
/// name,listed_as,country,sex,first_attempt,loops_completed,outcome,loop_1,loop_2,loop_3,loop_4,loop_5,cite,note
/// Jasmin Paris,,GBR,F,false,5,,,,,,59:58:21,irunfar sportskeeda,First woman to finish
/// ```
///
/// Empty cells are unknown. `cite` holds source keys of the edition, separated by spaces.
/// The CSV carries entrants only: the edition (its format and sources) comes from the archive.
public enum EntrantCSV {
    static let fixedColumns = ["name", "listed_as", "country", "sex", "first_attempt", "loops_completed", "outcome"]
    static let trailingColumns = ["cite", "note"]
    /// Columns read when present and written only when some entrant has a value for them:
    /// `distinct_from` holds names separated by `;`.
    static let optionalColumns = ["distinct_from"]
    /// Why an entrant stopped (a ``DropReason`` code) and its free text: read when present,
    /// written only when some entrant has one, so export and import give the file back.
    static let reasonColumns = ["reason", "reason_note"]

    /// Reads `data` as the entrants of `edition`, replacing the ones it had.
    ///
    /// The file is read as spreadsheets write it: a byte-order mark before the header is
    /// skipped, `TRUE`/`FALSE` are booleans in any case, columns without a name (the empty
    /// trailing columns a spreadsheet leaves) are ignored while their cells are empty, and blank
    /// lines are skipped. Column names match in any case and with spaces around them (`Name`).
    /// Every cell is cleaned at the door (`DoorText`). A problem names the
    /// physical line its record starts on, counting the lines of quoted cells before it.
    ///
    /// - Throws: ``ImportError`` listing every problem, with its line and column name.
    public static func read(data: Data, fileName: String, into edition: Edition) throws -> ParsedEdition {
        func problem(_ line: Int?, _ field: String, _ rule: ImportProblem.Rule, _ message: String) -> ImportProblem {
            ImportProblem(file: fileName, line: line, field: field, rule: rule, message: message)
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw ImportError(problems: [problem(nil, "-", .syntax, "the file is not UTF-8 text")])
        }
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }  // Excel's "CSV UTF-8"
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: true) } catch {
            throw ImportError(problems: [problem(1, "-", .syntax, "not valid CSV: \(error)")])
        }
        var problems: [ImportProblem] = []
        var header: [String] = []
        for written in reader.headerRow ?? [] {
            do { header.append(columnName(try DoorText.clean(written, as: .value) ?? "")) } catch {
                problems.append(problem(1, written, .forbiddenCharacter, "the column name " + error.message))
                header.append(written)
            }
        }
        if let semicolons = semicolonProblem(header: header, fileName: fileName) { throw ImportError(problems: [semicolons]) }
        var loopColumns: [Int: Int] = [:]  // column index → loop
        for (index, column) in header.enumerated() where !column.isEmpty {
            if column.hasPrefix("loop_"), let loop = Int(column.dropFirst(5)), (1...100).contains(loop) {
                loopColumns[index] = loop
            } else if !(fixedColumns + trailingColumns + optionalColumns + reasonColumns).contains(column) {
                problems.append(problem(1, column, .unknownField, "unknown column; expected \(fixedColumns.joined(separator: ", ")), loop_1…loop_N, cite, note"
                                        + " (and optionally \((optionalColumns + reasonColumns).joined(separator: ", ")))"))
            }
        }
        if !header.contains("name") {
            // Every row would lack its name: the header's problems alone say what to fix.
            problems.append(problem(1, "name", .missingField, "a `name` column is required"))
            throw ImportError(problems: problems)
        }
        var columns: [String: Int] = [:]  // column name → index, the first of two equal names
        for (index, column) in header.enumerated() where !column.isEmpty && columns[column] == nil { columns[column] = index }

        var parsed = ParsedEdition(edition: edition, fileName: fileName, checksum: Checksum.fnv1a64(data))
        parsed.edition.entrants = []
        // The physical line the next record starts on: after the header and its quoted line breaks.
        var nextLine = 2 + (reader.headerRow ?? []).reduce(0) { $0 + lineBreaks(in: $1) }
        while let row = reader.next() {
            let line = nextLine
            nextLine += 1 + row.reduce(0) { $0 + lineBreaks(in: $1) }
            if row.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { continue }  // a blank line
            let index = parsed.edition.entrants.count
            let path = "entrants[\(index)]"
            func fail(_ column: String, _ rule: ImportProblem.Rule, _ message: String) {
                problems.append(problem(line, column, rule, message))
            }
            func invalid(_ column: String, _ message: String) { fail(column, .invalidValue, message) }
            /// The cell at `position`, cleaned; nil when blank or refused.
            func cell(at position: Int, _ column: String, as kind: DoorText.Kind = .value) -> String? {
                guard position < row.count else { return nil }
                do { return try DoorText.clean(row[position], as: kind) } catch {
                    fail(column, .forbiddenCharacter, error.message)
                    return nil
                }
            }
            func cell(_ column: String, as kind: DoorText.Kind = .value) -> String? {
                columns[column].flatMap { cell(at: $0, column, as: kind) }
            }
            let unnamed = (0..<row.count).filter { $0 >= header.count || header[$0].isEmpty }
            if let filled = unnamed.first(where: { !row[$0].allSatisfy(\.isWhitespace) }) {
                fail("-", .syntax, "a value in column \(filled + 1), which has no name in the header; name the column or clear the cell")
                continue
            }
            guard row.count >= header.count else {
                fail("-", .syntax, "has \(counted(row.count, "cell")); the header has \(header.count)")
                continue
            }
            // A row without a usable name is still read to its end, so that one run lists every
            // problem of the row (a refused name, a sex of `X`, a count of `two`), not the first.
            let problemsBeforeName = problems.count
            let name = cell("name", as: .name)
            if name == nil, problems.count == problemsBeforeName { fail("name", .missingField, "a name is required") }
            var entrant = Entrant(name: name ?? "", listedAs: cell("listed_as", as: .name), country: cell("country"))
            if let sex = cell("sex") {
                if let value = Sex(rawValue: sex) { entrant.sex = value } else { invalid("sex", "'\(sex)' is not F or M") }
            }
            if let first = cell("first_attempt") {
                if let value = DoorText.bool(first) { entrant.firstAttempt = value } else { invalid("first_attempt", "'\(first)' is not true or false") }
            }
            if let loops = cell("loops_completed") {
                if let value = Int(loops), (0...100).contains(value) { entrant.loopsCompleted = value } else { invalid("loops_completed", "'\(loops)' is not a number of loops") }
            }
            if let outcome = cell("outcome") {
                if let value = Outcome(rawValue: outcome), value != .unknown { entrant.statedOutcome = value } else {
                    invalid("outcome", "'\(outcome)' is not one of: finish, fun_run, over_limit, dropped")
                }
            }
            for (column, loop) in loopColumns.sorted(by: { $0.value < $1.value }) {
                guard let text = cell(at: column, header[column]) else { continue }
                guard let time = RaceTime(parsing: text) else {
                    fail(header[column], .unparsableTime, TimePlausibility.notATime(text))
                    continue
                }
                entrant.times.append(LoopTime(loop: loop, elapsed: time))
                guard name != nil else { continue }
                parsed.lines["\(path).times[\(entrant.times.count - 1)].elapsed"] = line
                parsed.lines["\(path).times[\(entrant.times.count - 1)].loop"] = line
            }
            entrant.cited = cell("cite")?.split(separator: " ").map(String.init) ?? []
            entrant.note = cell("note", as: .note)
            if let reason = cell("reason") {
                if let value = DropReason(rawValue: reason) { entrant.reason = value } else {
                    invalid("reason", "'\(reason)' is not one of: \(DropReason.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            entrant.reasonNote = cell("reason_note", as: .note)
            entrant.distinctFrom = cell("distinct_from").map { list in
                list.split(separator: ";").compactMap { try? DoorText.clean(String($0), as: .name) }
            } ?? []
            guard name != nil else { continue }  // its problems are reported; it is not an entrant
            for field in ["", ".name", ".listed_as", ".country", ".sex", ".first_attempt", ".loops_completed", ".outcome", ".cite", ".note", ".distinct_from", ".reason", ".reason_note"] {
                parsed.lines[path + field] = line
            }
            parsed.edition.entrants.append(entrant)
        }
        if let error = reader.error {
            problems.append(problem(nextLine, "-", .syntax, "not valid CSV: \(error)"))
        }
        guard problems.isEmpty else { throw ImportError(problems: inSpreadsheetTerms(problems, of: parsed)) }
        return parsed
    }

    /// The column `written` names: a column of the format written in another case or with
    /// spaces around it (`Name`, ` Loop_1 `, as a spreadsheet's header row often has) is that
    /// column; any other name is kept as written, to be named in the unknown-column problem.
    static func columnName(_ written: String) -> String {
        let name = written.trimmingCharacters(in: .whitespaces).lowercased()
        let known = (fixedColumns + trailingColumns + optionalColumns + reasonColumns).contains(name)
            || (name.hasPrefix("loop_") && Int(name.dropFirst(5)) != nil)
        return known ? name : written
    }

    /// Line breaks inside a (quoted) cell: CR LF, LF and CR each end one line.
    static func lineBreaks(in cell: String) -> Int {
        var count = 0, afterCR = false
        for byte in cell.utf8 {
            if byte == 0x0D { count += 1 } else if byte == 0x0A, !afterCR { count += 1 }
            afterCR = byte == 0x0D
        }
        return count
    }

    /// Writes the entrants of `edition` in the CSV form, with a column for every loop of its format.
    public static func text(of edition: Edition) throws -> String {
        let loops = max(edition.format.loops ?? 0, edition.entrants.flatMap(\.times).map(\.loop).max() ?? 0)
        let writer = try CSVWriter(stream: .toMemory())
        let distinct = edition.entrants.contains { !$0.distinctFrom.isEmpty }
        let reasons = edition.entrants.contains { $0.reason != nil || $0.reasonNote != nil }
        try writer.write(row: fixedColumns + (0..<loops).map { "loop_\($0 + 1)" } + trailingColumns + (distinct ? optionalColumns : [])
                         + (reasons ? reasonColumns : []))
        for entrant in edition.entrants {
            let times = entrant.timesByLoop
            let fixed = [entrant.name, entrant.listedAs ?? "", entrant.country ?? "", entrant.sex?.rawValue ?? "",
                         entrant.firstAttempt.map { String($0) } ?? "", entrant.loopsCompleted.map(String.init) ?? "",
                         entrant.statedOutcome?.rawValue ?? ""]
            try writer.write(row: fixed + (0..<loops).map { times[$0 + 1]?.description ?? "" }
                             + [entrant.cited.joined(separator: " "), entrant.note ?? ""]
                             + (distinct ? [entrant.distinctFrom.joined(separator: "; ")] : [])
                             + (reasons ? [entrant.reason?.rawValue ?? "", entrant.reasonNote ?? ""] : []))
        }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
