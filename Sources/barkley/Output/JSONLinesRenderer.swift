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
///
/// Each line is written by ``JSONWriter`` (compact, sorted keys, inert strings), record by
/// record: the answer is never held whole as JSON.
enum JSONLinesRenderer {
    /// Calls `emit` with the lines, in pieces of up to ``JSONWriter/chunkSize`` bytes, each
    /// line's newline included.
    static func render(_ value: some Presentable, emit: @escaping (String) -> Void) throws {
        var writer = JSONWriter(pretty: false, emit: emit)
        let records = try value.jsonLinesRecords.map { $0.map(JSONSlot.value) } ?? records(in: JSONSlot.encoding(value.json, codingPath: []))
        for record in records {
            try writer.write(record, depth: 0)
            writer.append("\n")
        }
        writer.flush()
    }

    /// The records of a JSON answer, as described above; members are encoded only as far as
    /// it takes to tell an array of objects.
    static func records(in answer: JSONSlot) throws -> [JSONSlot] {
        switch try Shape(answer) {
        case .array(let elements): return elements
        case .object(let fields):
            var arrays: [[JSONSlot]] = []
            for field in fields.values {
                guard case .array(let elements) = try Shape(field),
                      try elements.contains(where: { if case .object = try Shape($0) { true } else { false } }) else { continue }
                arrays.append(elements)
            }
            return arrays.count == 1 ? arrays[0] : [answer]
        case .scalar: return [answer]
        }
    }

    /// What a member is, one level deep.
    private enum Shape {
        case object([String: JSONSlot])
        case array([JSONSlot])
        case scalar

        init(_ slot: JSONSlot) throws {
            switch slot {
            case .value(.object(let fields)): self = .object(fields.mapValues(JSONSlot.value))
            case .value(.array(let elements)): self = .array(elements.map(JSONSlot.value))
            case .value: self = .scalar
            case .node, .later:
                let node = try slot.node()
                if let object = node.object { self = .object(object) }
                else if let array = node.array { self = .array(array) }
                else { self = try Shape(.value(node.scalar)) }
            }
        }
    }
}
