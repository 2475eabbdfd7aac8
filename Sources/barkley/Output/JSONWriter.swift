/// Writes the CLI's JSON in one pass, member by member, in chunks: pretty-printed (two-space
/// indent, `"key" : value`, `[]` and `{}` when empty) or compact (JSON Lines), keys sorted by
/// their UTF-8 bytes, slashes unescaped, and every string made inert for a terminal
/// (``TextSanitizer/json(_:)``).
///
/// The bytes are those `JSONEncoder` writes with `.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes` on Linux (swift-foundation's `JSONWriter` sorts keys by
/// `utf8.lexicographicallyPrecedes`), which the CLI used until the JSON of an edition of
/// 20,000 entrants took 16 s and 210 MB: a tree of the answer, then Foundation's own tree of
/// it, re-encoded. Here each member is encoded only when it is written (``JSONSlot``), so
/// memory holds one entrant at a time, not the answer. `JSONWriterTests` compares the two on
/// random values.
///
/// - Throws: `EncodingError.invalidValue` for a number that is not finite (as `JSONEncoder`),
///   or what an `encode(to:)` throws. Output already written stays written.
struct JSONWriter {
    /// Pretty-printed (`--format json`), else compact on one line (`--format jsonl`).
    let pretty: Bool
    private let emit: (String) -> Void
    /// UTF-8 bytes, not a `String`: appending to a `String` cost 13% of an edition's JSON
    /// (its grow-and-check path per append), appending bytes to an array next to nothing.
    private var buffer: [UInt8] = []
    /// Output is handed to `emit` in pieces of about this many bytes.
    static let chunkSize = 1 << 16

    init(pretty: Bool, emit: @escaping (String) -> Void) {
        self.pretty = pretty
        self.emit = emit
        buffer.reserveCapacity(Self.chunkSize + 1024)
    }

    /// `value` at the top level (indent 0), without a line end.
    mutating func write(_ value: some Encodable) throws {
        try write(JSONSlot.encoding(value, codingPath: []), depth: 0)
    }

    /// Raw text: punctuation, or a line end between records.
    mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.chunkSize { flush() }
    }

    /// Hands whatever is buffered to `emit`.
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        emit(String(decoding: buffer, as: UTF8.self))
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func write(_ slot: JSONSlot, depth: Int) throws {
        switch slot {
        case .value(let value): try write(value, depth: depth)
        case .node, .later: try write(try slot.node(), depth: depth)
        }
    }

    private mutating func write(_ node: JSONNode, depth: Int) throws {
        if let object = node.object {
            try writeObject(keys: Array(object.keys), depth: depth) { writer, key in try writer.write(object[key]!, depth: depth + 1) }
        } else if let array = node.array {
            try writeArray(count: array.count, depth: depth) { writer, index in try writer.write(array[index], depth: depth + 1) }
        } else {
            try write(node.scalar, depth: depth)
        }
    }

    private mutating func write(_ value: JSONValue, depth: Int) throws {
        switch value {
        case .null: append("null")
        case .bool(let bool): append(bool ? "true" : "false")
        case .int(let int): append(String(int))
        case .double(let double):
            guard double.isFinite else {
                throw EncodingError.invalidValue(double, .init(codingPath: [], debugDescription: "Unable to encode Double.\(double) directly in JSON."))
            }
            append(JSONText.number(double))
        case .string(let string): appendString(string)
        case .array(let elements):
            try writeArray(count: elements.count, depth: depth) { writer, index in try writer.write(elements[index], depth: depth + 1) }
        case .object(let fields):
            try writeObject(keys: Array(fields.keys), depth: depth) { writer, key in try writer.write(fields[key]!, depth: depth + 1) }
        }
    }

    private mutating func writeArray(count: Int, depth: Int, element: (inout JSONWriter, Int) throws -> Void) throws {
        guard count > 0 else { return append("[]") }
        append("[")
        for index in 0..<count {
            append(index == 0 ? "" : ",")
            if pretty { newline(depth + 1) }
            try element(&self, index)
        }
        if pretty { newline(depth) }
        append("]")
    }

    private mutating func writeObject(keys: [String], depth: Int, member: (inout JSONWriter, String) throws -> Void) throws {
        guard !keys.isEmpty else { return append("{}") }
        append("{")
        for (index, key) in keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            append(index == 0 ? "" : ",")
            if pretty { newline(depth + 1) }
            appendString(key)
            append(pretty ? " : " : ":")
            try member(&self, key)
        }
        if pretty { newline(depth) }
        append("}")
    }

    /// A JSON string. Most are printable ASCII without a quote or a backslash (names, keys,
    /// times), which need no escape at all: copied as they are, without the escaping passes.
    private mutating func appendString(_ text: String) {
        let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        guard plain else { return append(JSONText.inertString(text)) }
        buffer.append(UInt8(ascii: "\""))
        buffer.append(contentsOf: text.utf8)
        append("\"")
    }

    private mutating func newline(_ depth: Int) {
        buffer.append(UInt8(ascii: "\n"))
        append(Self.indent(depth))
    }

    private static let indents = (0..<16).map { String(repeating: "  ", count: $0) }
    private static func indent(_ depth: Int) -> String {
        depth < indents.count ? indents[depth] : String(repeating: "  ", count: depth)
    }
}
