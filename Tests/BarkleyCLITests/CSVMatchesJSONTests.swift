import Foundation
import Testing

/// CSV for data tools: the header holds the JSON answer's field names, and each row the same
/// values as the JSON record it stands for — the kind of mismatch, not the cases found.
///
/// JSON is flattened as the CSV flattens it: a time `{seconds, approximate, text}` under `k`
/// is `k` and `k_seconds`; an array of numbers or strings is one field joined with `;`; an
/// object of plain values (`external_ids`) is `k_sub` for each of its fields; `times` (array of
/// `loop`, `time`) is `loop_N`, `loop_N_seconds`; null is an empty field, a Boolean
/// `true`/`false`. Any other array of objects has no CSV form and is left out.
/// `firsts`, `most`, `disputes` and `editions` are another change's (see CHANGELOG).
@Suite("CSV matches JSON", .serialized)
struct CSVMatchesJSONTests {
    /// A reading command and the JSON array whose records are the CSV's rows (nil: the answer is the array).
    static let commands: [(arguments: [String], records: String?)] = [
        (["search", "paris"], "matches"), (["search", "kelly"], "matches"),
        (["runner", "Jasmin Paris"], "years"), (["runner", "John Kelly"], "years"),
        (["attrition"], "loops"), (["attrition", "2012"], "loops"), (["attrition", "1990"], "loops"),
        (["edition", "2024"], "entrants"), (["edition", "2012"], "entrants"), (["edition", "1995"], "entrants"),
        (["finishers"], "finishes"), (["finishers", "--year", "2024"], "finishes"), (["finishers", "--loops", "5"], "finishes"),
        (["fun-runs"], "fun_runs"), (["fun-runs", "--year", "2024"], "fun_runs"), (["countries"], "countries"),
    ]

    @Test(arguments: commands.indices)
    func csvHeaderAndValuesAreTheJSONRecords(index: Int) throws {
        let (arguments, key) = Self.commands[index]
        let csvRun = try BarkleyBinary.run(arguments + ["--format", "csv"])
        let jsonRun = try BarkleyBinary.run(arguments + ["--format", "json"])
        #expect(csvRun.status == 0 && jsonRun.status == 0, "\(csvRun)\n\(jsonRun)")
        let table = Self.parseCSV(csvRun.stdout)
        let header = try #require(table.first)
        let json = try JSONDecoder().decode(JSON.self, from: Data(jsonRun.stdout.utf8))
        var answer = json
        if let key, case .object(let fields) = json { answer = fields[key] ?? .null }
        guard case .array(let elements) = answer else { Issue.record("\(arguments): no array '\(key ?? "")'"); return }
        let records = elements.compactMap { element -> [String: JSON]? in if case .object(let fields) = element { fields } else { nil } }
        try #require(!records.isEmpty, "\(arguments): no records to compare")
        let flattened = records.map(Self.flattened)
        let keys = flattened.reduce(into: Set<String>()) { $0.formUnion($1.keys) }
        #expect(Set(header) == keys, "\(arguments): CSV only \(Set(header).subtracting(keys).sorted()), JSON only \(keys.subtracting(header).sorted())")
        #expect(table.count - 1 == records.count, "\(arguments): rows")
        for (row, record) in zip(table.dropFirst(), flattened) {
            for (field, value) in zip(header, row) where record[field] != nil {
                // A time's text is how it reads (58:21:-- for a time to the minute); its seconds are the value compared.
                if header.contains(field + "_seconds") { continue }
                #expect(value == record[field], "\(arguments): \(field) is '\(value)' in CSV, '\(record[field] ?? "")' in JSON")
            }
            for field in header where record[field] == nil { #expect(row[header.firstIndex(of: field)!] == "", "\(arguments): \(field)") }
        }
    }

    @Test func flatteningFollowsTheCSVConventions() {
        let time: JSON = .object(["seconds": .number("61"), "approximate": .bool(false), "text": .string("0:01:01")])
        let record: [String: JSON] = ["year": .number("2024"), "time": time, "cite": .array([.string("a"), .string("b")]),
                                      "first_attempt": .bool(true), "note": .null, "ids": .object(["duv": .string("7")]),
                                      "times": .array([.object(["loop": .number("2"), "time": time])])]
        #expect(Self.flattened(record) == ["year": "2024", "time": "0:01:01", "time_seconds": "61", "cite": "a;b", "first_attempt": "true",
                                           "note": "", "ids_duv": "7", "loop_2": "0:01:01", "loop_2_seconds": "61"])
        #expect(Self.parseCSV("a,b\n\"x,\"\"y\"\"\",\n") == [["a", "b"], ["x,\"y\"", ""]])
    }

    /// A JSON value as decoded here: Booleans kept apart from numbers, numbers as written.
    enum JSON: Decodable, Equatable {
        case null, bool(Bool), number(String), string(String), array([JSON]), object([String: JSON])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null
            } else if let value = try? container.decode(Bool.self) { self = .bool(value)
            } else if let value = try? container.decode(Int.self) { self = .number(String(value))
            } else if let value = try? container.decode(Double.self) { self = .number(String(value))
            } else if let value = try? container.decode(String.self) { self = .string(value)
            } else if let value = try? container.decode([JSON].self) { self = .array(value)
            } else { self = .object(try container.decode([String: JSON].self)) }
        }

        /// A number, string, Boolean or null as a CSV field; nil for an array or object.
        var scalar: String? {
            switch self {
            case .null: ""
            case .bool(let value): value ? "true" : "false"
            case .number(let text), .string(let text): text
            case .array, .object: nil
            }
        }

        /// `{seconds, approximate, text}`: text and seconds.
        var time: (text: String, seconds: String)? {
            guard case .object(let fields) = self, case .string(let text)? = fields["text"], case .number(let seconds)? = fields["seconds"] else { return nil }
            return (text, seconds)
        }
    }

    /// One JSON record as its CSV row would hold it (see the suite's comment).
    static func flattened(_ record: [String: JSON]) -> [String: String] {
        var fields: [String: String] = [:]
        for (key, value) in record {
            if let time = value.time {
                fields[key] = time.text
                fields[key + "_seconds"] = time.seconds
            } else if key == "times", case .array(let times) = value {
                for case .object(let time) in times {
                    guard case .number(let loop)? = time["loop"], let elapsed = time["time"]?.time else { continue }
                    fields["loop_\(loop)"] = elapsed.text
                    fields["loop_\(loop)_seconds"] = elapsed.seconds
                }
            } else if case .object(let object) = value {
                for (sub, inner) in object { if let text = inner.scalar { fields[key + "_" + sub] = text } }
            } else if case .array(let array) = value {
                let items = array.compactMap(\.scalar)
                if items.count == array.count { fields[key] = items.joined(separator: ";") }
            } else if let text = value.scalar {
                fields[key] = text
            }
        }
        return fields
    }

    /// RFC 4180 CSV: fields in double quotes may hold commas, quotes (doubled) and newlines.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else { field.append(character) }
            } else if character == "\"" { quoted = true
            } else if character == "," { row.append(field); field = ""
            } else if character == "\n" { row.append(field); rows.append(row); row = []; field = ""
            } else { field.append(character) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
