import Foundation

/// `--format jsonl`: JSON Lines (https://jsonlines.org), one compact JSON object per line, each
/// line written as soon as it is ready.
///
/// The objects are the records of the command's JSON answer (``Presentable/json``), with the
/// same field names: the elements when the answer is an array (`sql`, `search`…), the elements
/// of its one array of objects when it is an object holding exactly one (`finishers`: its
/// `finishes`, `most`: its `runners`), else the whole answer on one line (`edition`, the
/// overview). What surrounds the records (completeness and the like) is in `--format json`.
/// A command opts in by conforming to ``Presentable``; nothing else is needed. An answer whose
/// rows are not one array of its JSON (`firsts`: a milestone per field, countries in an array)
/// gives ``Presentable/jsonLinesRecords`` instead: the same rows as its CSV.
enum JSONLinesRenderer {
    /// Calls `emit` with each line, newline included.
    static func render(_ value: some Presentable, emit: (String) -> Void) throws {
        for record in try value.jsonLinesRecords ?? records(in: JSONValue(encoding: value.json)) {
            emit(try line(record))
        }
    }

    /// The records of a JSON answer, as described above.
    static func records(in value: JSONValue) -> [JSONValue] {
        switch value {
        case .array(let elements): return elements
        case .object(let fields):
            let arrays = fields.values.compactMap { field -> [JSONValue]? in
                guard case .array(let elements) = field, elements.contains(where: { if case .object = $0 { true } else { false } }) else { return nil }
                return elements
            }
            return arrays.count == 1 ? arrays[0] : [value]
        default: return [value]
        }
    }

    /// One value as one line: compact, sorted keys, unsafe characters escaped (``TextSanitizer/json(_:)``).
    static func line(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return TextSanitizer.json(String(decoding: try encoder.encode(value), as: UTF8.self)) + "\n"
    }
}
