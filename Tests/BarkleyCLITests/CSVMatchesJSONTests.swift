import Foundation
import Testing

/// CSV for data tools: the header holds the JSON answer's field names, and each row the same
/// values as the JSON record it stands for — the kind of mismatch, not the cases found.
///
/// JSON is flattened as the CSV flattens it: a time `{seconds, approximate, text}` under `k`
/// is `k` and `k_seconds`; an array of numbers or strings is one field joined with `;`; an
/// object is `k_sub` for each of its fields, flattened the same way (`largest_field_basis_known`),
/// but a `completeness` object is its `is_complete`; `times` (array of `loop`, `time`) is
/// `loop_N`, `loop_N_seconds`; `sources` (array of `key`, `citation`) is its keys joined with
/// `;`; null is an empty field, a Boolean `true`/`false`. Any other array of objects has no CSV
/// form and is left out, as is an empty array; a column no record holds is empty.
///
/// Which JSON records are the rows (``commands``): an array's elements; an answer that is one
/// object, one row; a record holding an array of records (a dispute's `values`, an entrant's
/// split `loops`, a record's `steps`, a milestone's `achievers`) a row per inner record with
/// the outer record's fields beside its own, or one row with the inner fields empty when there
/// is none; an answer whose fields are each a group of records (`firsts`, `records`, a runner's
/// `sources`) the groups' rows in turn, the group's field name under `first`, `record` or `fact`.
@Suite("CSV matches JSON", .serialized)
struct CSVMatchesJSONTests {
    typealias Records = @Sendable (JSON) -> [[String: JSON]]

    /// A reading command and the JSON records its CSV rows stand for, in order.
    static let commands: [(arguments: [String], records: Records)] = [
        (["search", "paris"], at("matches")), (["search", "kelly"], at("matches")),
        (["runner", "Jasmin Paris"], at("years")), (["runner", "John Kelly"], at("years")),
        (["attrition"], at("loops")), (["attrition", "2012"], at("loops")), (["attrition", "1990"], at("loops")),
        (["attrition", "1998", "--by-reason"], at("by_reason")), (["attrition", "--by-reason"], at("by_reason")),
        (["edition", "2024"], at("entrants")), (["edition", "2012"], at("entrants")), (["edition", "1995"], at("entrants")),
        (["edition", "2024", "--splits"], nested("entrants", "loops")), (["edition", "2017", "--splits"], nested("entrants", "loops")),
        (["editions"], at("editions")), (["editions", "--sort", "starters"], at("editions")), (["editions", "--summary"], one),
        (["finishers"], at("finishes")), (["finishers", "--year", "2024"], at("finishes")), (["finishers", "--loops", "5"], at("finishes")),
        (["fun-runs"], at("fun_runs")), (["fun-runs", "--year", "2024"], at("fun_runs")), (["countries"], at("countries")),
        (["most", "finishes"], at("runners")), (["most", "starts", "--limit", "5"], at("runners")), (["most", "fun-runs"], at("runners")),
        (["firsts"], firsts), (["firsts", "--loops", "5"], firsts), (["firsts", "--category", "3_loop"], firsts),
        (["records"], records), (["records", "--loops", "3"], records),
        (["records", "--progression"], nested("records", "steps")),
        (["disputes"], nested("disputes", "values")), (["disputes", "2022"], nested("disputes", "values")),
        (["sources", "2024"], at("all")), (["sources", "2024", "--runner", "Jasmin Paris"], entrySources),
        (["sources", "2017", "--runner", "Gary Robbins"], entrySources),
        (["overview"], one),
    ]

    /// The objects of the array under `key`.
    static func at(_ key: String) -> Records {
        { json in objects(json.field(key)) }
    }

    /// The answer as one record.
    static let one: Records = { json in json.object.map { [$0] } ?? [] }

    /// A row per record of each outer record's `inner` array, the outer's fields beside it.
    static func nested(_ key: String, _ inner: String) -> Records {
        { json in objects(json.field(key)).flatMap { expanded($0, inner) } }
    }

    static func expanded(_ outer: [String: JSON], _ inner: String) -> [[String: JSON]] {
        var lead = outer
        let elements = objects(lead.removeValue(forKey: inner))
        return elements.isEmpty ? [lead] : elements.map { lead.merging($0) { _, own in own } }
    }

    /// `firsts`: each milestone's achievers under `first`, then each country's.
    static let firsts: Records = { json in
        var rows: [[String: JSON]] = []
        for key in ["finish", "woman_finish", "first_attempt_finish", "fun_run", "woman_fun_run"] {
            guard let milestone = json.field(key)?.object else { continue }
            rows += labelled(expanded(milestone, "achievers"), ["first": .string(key)])
        }
        for country in objects(json.field("finish_by_country")) {
            guard let milestone = country["milestone"]?.object else { continue }
            rows += labelled(expanded(milestone, "achievers"), ["first": .string("finish_by_country"), "country": country["country"] ?? .null])
        }
        return rows
    }

    /// Each row with the group's fields beside its own.
    static func labelled(_ rows: [[String: JSON]], _ group: [String: JSON]) -> [[String: JSON]] {
        rows.map { $0.merging(group) { _, group in group } }
    }

    /// `records`: each record's holders under `record`; a loop record's holders beside its `loop` and `time`.
    static let records: Records = { json in
        func group(_ key: String, _ rows: [[String: JSON]]) -> [[String: JSON]] {
            labelled(rows.isEmpty ? [[:]] : rows, ["record": .string(key)])
        }
        var rows: [[String: JSON]] = []
        for key in ["fastest_finish", "slowest_finish", "smallest_margin"] { rows += group(key, objects(json.field(key))) }
        rows += group("fastest_loops", objects(json.field("fastest_loops")).flatMap { expanded($0, "holders") })
        return rows + group("fastest_fun_run", objects(json.field("fastest_fun_run")))
    }

    /// `sources --runner`: the entry's sources, each time's, the edition's, under `fact`.
    static let entrySources: Records = { json in
        let entry = labelled(objects(json.field("entry")), ["fact": .string("entry"), "cited_directly": json.field("entry_cited_directly") ?? .null])
        let times = labelled(objects(json.field("times")).flatMap { expanded($0, "sources") }, ["fact": .string("times")])
        return entry + times + labelled(objects(json.field("edition")), ["fact": .string("edition")])
    }

    static func objects(_ value: JSON?) -> [[String: JSON]] {
        guard case .array(let elements)? = value else { return [] }
        return elements.compactMap(\.object)
    }

    @Test(arguments: commands.indices)
    func csvHeaderAndValuesAreTheJSONRecords(index: Int) throws {
        let (arguments, recordsOf) = Self.commands[index]
        let csvRun = try BarkleyBinary.run(arguments + ["--format", "csv"])
        let jsonRun = try BarkleyBinary.run(arguments + ["--format", "json"])
        #expect(csvRun.status == 0 && jsonRun.status == 0, "\(csvRun)\n\(jsonRun)")
        let table = Self.parseCSV(csvRun.stdout)
        let header = try #require(table.first)
        let json = try JSONDecoder().decode(JSON.self, from: Data(jsonRun.stdout.utf8))
        let records = recordsOf(json)
        try #require(!records.isEmpty, "\(arguments): no records to compare")
        Self.expect(records.map(Self.flattened), areTheRowsOf: table, arguments)
    }

    /// JSON Lines agrees too: its lines are the JSON answer's records (as ``JSONLinesRenderer``
    /// finds them: the array, or an object's one array of objects, else the whole answer), or
    /// the CSV's rows as objects.
    @Test(arguments: commands.indices)
    func jsonLinesAreTheJSONRecordsOrTheCSVRows(index: Int) throws {
        let arguments = Self.commands[index].arguments
        let linesRun = try BarkleyBinary.run(arguments + ["--format", "jsonl"])
        let jsonRun = try BarkleyBinary.run(arguments + ["--format", "json"])
        let csvRun = try BarkleyBinary.run(arguments + ["--format", "csv"])
        #expect(linesRun.status == 0 && jsonRun.status == 0 && csvRun.status == 0, "\(linesRun)")
        let lines = try linesRun.stdout.split(separator: "\n").map { try JSONDecoder().decode(JSON.self, from: Data($0.utf8)) }
        let json = try JSONDecoder().decode(JSON.self, from: Data(jsonRun.stdout.utf8))
        var records = [json]
        if case .array(let elements) = json { records = elements }
        if case .object(let fields) = json {
            let arrays = fields.values.filter { !Self.objects($0).isEmpty }
            if arrays.count == 1, case .array(let elements) = arrays[0] { records = elements }
        }
        if lines == records { return }
        Self.expect(lines.compactMap(\.object).map(Self.flattened), areTheRowsOf: Self.parseCSV(csvRun.stdout), arguments + ["jsonl"])
    }

    /// `records` (flattened) hold the fields and values of the CSV `table`'s rows, in order.
    static func expect(_ records: [[String: String]], areTheRowsOf table: [[String]], _ arguments: [String]) {
        guard let header = table.first, !records.isEmpty else {
            Issue.record("\(arguments): no CSV or no records")
            return
        }
        let keys = records.reduce(into: Set<String>()) { $0.formUnion($1.keys) }
        // A column no record of this answer has (a fun run's `loops_completed` where none is
        // listed, the seconds of a time that is null in every record) stays, empty: a header is
        // the same whatever the answer holds.
        let empty = Set(header.indices.filter { index in table.dropFirst().allSatisfy { index < $0.count && $0[index] == "" } }.map { header[$0] })
        #expect(Set(header).subtracting(empty).isSubset(of: keys) && keys.isSubset(of: Set(header)),
                "\(arguments): CSV only \(Set(header).subtracting(keys).subtracting(empty).sorted()), JSON only \(keys.subtracting(header).sorted())")
        #expect(table.count - 1 == records.count, "\(arguments): rows")
        for (row, record) in zip(table.dropFirst(), records) {
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
                                      "times": .array([.object(["loop": .number("2"), "time": time])]),
                                      "field": .object(["basis": .object(["known": .array([.number("1995"), .number("2024")])])]),
                                      "completeness": .object(["is_complete": .bool(false), "incomplete_years": .array([.number("1996")])]),
                                      "sources": .array([.object(["key": .string("irunfar"), "citation": .string("https://irunfar.com")])]),
                                      "holders": .array([.object(["runner": .string("x")])])]
        #expect(Self.flattened(record) == ["year": "2024", "time": "0:01:01", "time_seconds": "61", "cite": "a;b", "first_attempt": "true",
                                           "note": "", "ids_duv": "7", "loop_2": "0:01:01", "loop_2_seconds": "61",
                                           "field_basis_known": "1995;2024", "is_complete": "false", "sources": "irunfar"])
        let dispute: [String: JSON] = ["fact": .string("f"), "values": .array([.object(["value": .string("1")]), .object(["value": .string("2")])])]
        #expect(Self.expanded(dispute, "values") == [["fact": .string("f"), "value": .string("1")], ["fact": .string("f"), "value": .string("2")]])
        #expect(Self.expanded(["fact": .string("f"), "values": .array([])], "values") == [["fact": .string("f")]])
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

        /// The field `key` of an object; nil for anything else.
        func field(_ key: String) -> JSON? { object?[key] }

        var object: [String: JSON]? {
            if case .object(let fields) = self { return fields }
            return nil
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
        func add(_ key: String, _ value: JSON) {
            if let time = value.time {
                fields[key] = time.text
                fields[key + "_seconds"] = time.seconds
            } else if key == "times", case .array(let times) = value {
                for case .object(let time) in times {
                    guard case .number(let loop)? = time["loop"], let elapsed = time["time"]?.time else { continue }
                    fields["loop_\(loop)"] = elapsed.text
                    fields["loop_\(loop)_seconds"] = elapsed.seconds
                }
            } else if key == "completeness", case .object(let completeness) = value {
                if let complete = completeness["is_complete"]?.scalar { fields["is_complete"] = complete }
            } else if key == "sources", case .array(let sources) = value {
                fields[key] = sources.compactMap { $0.field("key")?.scalar }.joined(separator: ";")
            } else if case .object(let object) = value {
                for (sub, inner) in object { add(key + "_" + sub, inner) }
            } else if case .array(let array) = value {
                // An empty array may be of objects, which have no CSV form: the column, if any, is empty.
                guard !array.isEmpty else { return }
                let items = array.compactMap(\.scalar)
                if items.count == array.count { fields[key] = items.joined(separator: ";") }
            } else if let text = value.scalar {
                fields[key] = text
            }
        }
        for (key, value) in record { add(key, value) }
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
