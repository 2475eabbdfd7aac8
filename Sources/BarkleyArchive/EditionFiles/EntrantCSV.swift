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

    /// Reads `data` as the entrants of `edition`, replacing the ones it had.
    ///
    /// - Throws: ``ImportError`` listing every problem, with its line and column name.
    public static func read(data: Data, fileName: String, into edition: Edition) throws -> ParsedEdition {
        func problem(_ line: Int?, _ field: String, _ rule: ImportProblem.Rule, _ message: String) -> ImportProblem {
            ImportProblem(file: fileName, line: line, field: field, rule: rule, message: message)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportError(problems: [problem(nil, "-", .syntax, "the file is not UTF-8 text")])
        }
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: true) } catch {
            throw ImportError(problems: [problem(1, "-", .syntax, "not valid CSV: \(error)")])
        }
        let header = reader.headerRow ?? []
        var problems: [ImportProblem] = []
        var loopColumns: [Int: Int] = [:]  // column index → loop
        for (index, column) in header.enumerated() {
            if column.hasPrefix("loop_"), let loop = Int(column.dropFirst(5)), (1...100).contains(loop) {
                loopColumns[index] = loop
            } else if !(fixedColumns + trailingColumns).contains(column) {
                problems.append(problem(1, column, .unknownField, "unknown column; expected \(fixedColumns.joined(separator: ", ")), loop_1…loop_N, cite, note"))
            }
        }
        if !header.contains("name") { problems.append(problem(1, "name", .missingField, "a `name` column is required")) }

        var parsed = ParsedEdition(edition: edition, fileName: fileName, checksum: Checksum.fnv1a64(data))
        parsed.edition.entrants = []
        var line = 1
        while let row = reader.next() {
            line += 1
            let index = parsed.edition.entrants.count
            let path = "entrants[\(index)]"
            func cell(_ column: String) -> String? {
                guard let position = header.firstIndex(of: column), position < row.count else { return nil }
                let value = row[position].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            func fail(_ column: String, _ rule: ImportProblem.Rule, _ message: String) {
                problems.append(problem(line, column, rule, message))
            }
            func invalid(_ column: String, _ message: String) { fail(column, .invalidValue, message) }
            guard row.count == header.count else {
                fail("-", .syntax, "has \(row.count) cells; the header has \(header.count)")
                continue
            }
            guard let name = cell("name") else {
                fail("name", .missingField, "a name is required")
                continue
            }
            var entrant = Entrant(name: name, listedAs: cell("listed_as"), country: cell("country"))
            if let sex = cell("sex") {
                if let value = Sex(rawValue: sex) { entrant.sex = value } else { invalid("sex", "'\(sex)' is not F or M") }
            }
            if let first = cell("first_attempt") {
                if let value = Bool(first) { entrant.firstAttempt = value } else { invalid("first_attempt", "'\(first)' is not true or false") }
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
                guard column < row.count else { continue }
                let text = row[column].trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                guard let time = RaceTime(parsing: text) else {
                    fail(header[column], .unparsableTime, TimePlausibility.notATime(text))
                    continue
                }
                entrant.times.append(LoopTime(loop: loop, elapsed: time))
                parsed.lines["\(path).times[\(entrant.times.count - 1)].elapsed"] = line
                parsed.lines["\(path).times[\(entrant.times.count - 1)].loop"] = line
            }
            entrant.cited = cell("cite")?.split(separator: " ").map(String.init) ?? []
            entrant.note = cell("note")
            for field in ["", ".name", ".listed_as", ".country", ".sex", ".first_attempt", ".loops_completed", ".outcome", ".cite", ".note"] {
                parsed.lines[path + field] = line
            }
            parsed.edition.entrants.append(entrant)
        }
        if let error = reader.error {
            problems.append(problem(line + 1, "-", .syntax, "not valid CSV: \(error)"))
        }
        guard problems.isEmpty else { throw ImportError(problems: problems) }
        return parsed
    }

    /// Writes the entrants of `edition` in the CSV form, with a column for every loop of its format.
    public static func text(of edition: Edition) throws -> String {
        let loops = max(edition.format.loops ?? 0, edition.entrants.flatMap(\.times).map(\.loop).max() ?? 0)
        let writer = try CSVWriter(stream: .toMemory())
        try writer.write(row: fixedColumns + (0..<loops).map { "loop_\($0 + 1)" } + trailingColumns)
        for entrant in edition.entrants {
            let times = entrant.timesByLoop
            let fixed = [entrant.name, entrant.listedAs ?? "", entrant.country ?? "", entrant.sex?.rawValue ?? "",
                         entrant.firstAttempt.map { String($0) } ?? "", entrant.loopsCompleted.map(String.init) ?? "",
                         entrant.statedOutcome?.rawValue ?? ""]
            try writer.write(row: fixed + (0..<loops).map { times[$0 + 1]?.description ?? "" }
                             + [entrant.cited.joined(separator: " "), entrant.note ?? ""])
        }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
