import Foundation

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

/// The one JSON encoder configuration of the CLI: pretty-printed with sorted keys and unescaped
/// slashes, so the same data always gives the same bytes; characters a terminal would act on
/// are `\u` escapes (``TextSanitizer/json(_:)``).
enum JSONOutput {
    static func render(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        // Foundation on Linux prints an empty array or object across blank lines; JSON strings
        // cannot hold a raw newline, so this rewrite only ever touches empty containers.
        let compact = text.replacing(/\[\n\s*\]/, with: "[]").replacing(/\{\n\s*\}/, with: "{}")
        // The encoder escapes C0 controls but writes DEL, C1, bidi and zero-width characters
        // raw; escaped as `\uXXXX` they are the same JSON value and inert in a terminal.
        return TextSanitizer.json(compact) + "\n"
    }
}
