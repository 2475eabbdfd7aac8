/// A JSON document built field by field, so that every documented field is always present:
/// an unknown value is written as `null`, never left out and never written as 0.
///
/// ```swift
/// let json: JSONValue = ["year": 2024, "starters": JSONValue(edition.starters)]
/// ```
enum JSONValue: Encodable, Equatable, ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral,
                ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }

    init(_ value: String?) { self = value.map(JSONValue.string) ?? .null }
    init(_ value: Int?) { self = value.map(JSONValue.int) ?? .null }
    init(_ value: Bool?) { self = value.map(JSONValue.bool) ?? .null }
    init(_ values: [String]) { self = .array(values.map(JSONValue.string)) }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let values): try container.encode(values)
        case .object(let fields): try container.encode(fields)
        }
    }

    /// Pretty-printed with sorted keys; see ``JSONOutput``.
    func rendered() throws -> String { try JSONOutput.render(self) }
}

/// The CLI's one JSON form: pretty-printed with keys sorted and slashes unescaped, so the same
/// data always gives the same bytes; nil written as null (``JSONValue/init(encoding:)``);
/// characters a terminal would act on written as `\u` escapes (``TextSanitizer/json(_:)``).
/// Written by ``JSONWriter``, member by member.
enum JSONOutput {
    /// The whole document, newline-terminated.
    static func render(_ value: some Encodable) throws -> String {
        var text = ""
        try write(value) { text += $0 }
        return text
    }

    /// The document handed to `emit` in pieces as it is written (``JSONWriter/chunkSize``), so
    /// an answer of any size is never held whole.
    ///
    /// - Throws: `EncodingError` for a number that is not finite, after what came before it
    ///   has been handed on.
    static func write(_ value: some Encodable, emit: @escaping (String) -> Void) throws {
        var writer = JSONWriter(pretty: true, emit: emit)
        try writer.write(value)
        writer.append("\n")
        writer.flush()
    }
}
