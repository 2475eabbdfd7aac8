@testable import barkley
import Foundation
import SeededRandom
import Testing

/// ``JSONWriter`` writes the bytes Foundation's `JSONEncoder` wrote before it (pretty-printed,
/// sorted keys, unescaped slashes, empty containers compacted, then every unsafe character made
/// inert): compared here on random documents, with keys and strings drawn from the characters
/// where the two could differ (escapes, controls, bidi, joiners, emoji, prepended marks).
@Suite struct JSONWriterTests {
    /// What the CLI printed before ``JSONWriter``: Foundation's encoder, then the same rewrites.
    static func foundationJSON(_ value: JSONValue, pretty: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        guard pretty else { return TextSanitizer.json(text) + "\n" }
        let compact = text.replacing(/\[\n\s*\]/, with: "[]").replacing(/\{\n\s*\}/, with: "{}")
        return TextSanitizer.json(compact) + "\n"
    }

    static func writerJSON(_ value: some Encodable, pretty: Bool) throws -> String {
        var text = ""
        var writer = JSONWriter(pretty: pretty) { text += $0 }
        try writer.write(value)
        writer.append("\n")
        writer.flush()
        return text
    }

    @Test("random documents: the same bytes as JSONEncoder, pretty and compact", arguments: 0..<40)
    func sameBytesAsFoundation(seed: UInt64) throws {
        var random = SplitMix64(seed: 0x4A53_4F4E + seed)
        let value = Self.document(depth: 0, using: &random)
        let expected = try Self.foundationJSON(value, pretty: true)
        #expect(try Self.writerJSON(value, pretty: true) == expected)
        #expect(try JSONOutput.render(value) == expected)
        #expect(try Self.writerJSON(value, pretty: false) == Self.foundationJSON(value, pretty: false))
    }

    @Test("numbers: integral doubles without a fraction, the rest as Swift prints them", arguments: [
        0.0, -0.0, 1.0, -2.0, 1.5, 0.1, 1e-7, 123456.789, 1e15, 9_007_199_254_740_992, 9_007_199_254_740_994, 1e16, -1e300, 5e-324,
        Double.greatestFiniteMagnitude,
    ])
    func doublesAsFoundation(number: Double) throws {
        let value: JSONValue = ["x": .double(number), "xs": [.double(number), .int(Int.min), .int(Int.max)]]
        #expect(try Self.writerJSON(value, pretty: true) == Self.foundationJSON(value, pretty: true))
    }

    @Test("a number that is not finite is refused, as JSONEncoder refuses it")
    func nonFiniteIsRefused() {
        #expect(throws: EncodingError.self) { try Self.writerJSON(JSONValue.array([.double(.nan)]), pretty: true) }
        #expect(throws: EncodingError.self) { try Self.writerJSON(JSONValue.double(.infinity), pretty: false) }
    }

    /// An element that counts how many of its kind have been encoded so far.
    final class Counter: @unchecked Sendable { var encoded = 0 }
    struct Counted: Encodable {
        let counter: Counter
        let index: Int
        func encode(to encoder: any Encoder) throws {
            counter.encoded += 1
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(index, forKey: .index)
            try container.encode(String(repeating: "x", count: 80), forKey: .padding)
        }
        enum CodingKeys: String, CodingKey { case index, padding }
    }

    @Test("an array is written element by element: output starts before the last element is encoded")
    func elementsAreEncodedAsTheyAreWritten() throws {
        let counter = Counter()
        let elements = (0..<10_000).map { Counted(counter: counter, index: $0) }
        var encodedAtFirstChunk: Int?
        var text = ""
        var writer = JSONWriter(pretty: true) { chunk in
            if encodedAtFirstChunk == nil { encodedAtFirstChunk = counter.encoded }
            text += chunk
        }
        try writer.write(["entrants": elements])
        writer.flush()
        #expect(counter.encoded == 10_000)
        #expect(try #require(encodedAtFirstChunk) < 10_000 / 2)
        // And the whole is what the tree of the same value gives.
        #expect(text + "\n" == (try Self.foundationJSON(JSONValue(encoding: ["entrants": elements]), pretty: true)))
    }

    @Test("a nested container's members, an optional's null and a super encoder are written as JSONValue(encoding:) holds them")
    func containersAsTheTree() throws {
        struct Nested: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: AnyKey.self)
                var inner = container.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("b"))
                try inner.encode(Optional<Int>.none, forKey: AnyKey("none"))
                try inner.encodeIfPresent(Optional<String>.none, forKey: AnyKey("absent"))
                var list = container.nestedUnkeyedContainer(forKey: AnyKey("a"))
                try list.encode(1.5)
                var deeper = list.nestedContainer(keyedBy: AnyKey.self)
                try deeper.encode(["z": 1, "y": 2], forKey: AnyKey("map"))
                try container.encode("first", forKey: AnyKey("dup"))
                try container.encode("last", forKey: AnyKey("dup"))
                try "sup".encode(to: container.superEncoder())
            }
        }
        let tree = try JSONValue(encoding: Nested())
        #expect(tree == ["a": [.double(1.5), ["map": ["y": 2, "z": 1]]], "b": ["absent": .null, "none": .null], "dup": "last", "super": "sup"])
        #expect(try Self.writerJSON(Nested(), pretty: true) == Self.foundationJSON(tree, pretty: true))
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    // MARK: Random documents

    /// Characters where escaping, sorting or the terminal's rules could tell the two apart.
    static let awkward: [Unicode.Scalar] = [
        "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{85}", "\u{9B}",
        "\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{202E}", "\u{2066}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{AD}",
        "\u{0600}", "\u{06DD}", "\u{110BD}", "\u{0301}", "\u{FE0F}", "\u{20E3}", "\u{1F3FB}", "\u{1F469}", "\u{1F1FA}",
        "\u{E0041}", "\u{E007F}", "\u{1F3F4}", "#", "é", "山", "_", "0", "9", "a", "A", "z", "Z", " ", "[", "]", "{", "}", ":", ",",
    ]

    static func string(using random: inout SplitMix64) -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<random.int(in: 0...12) {
            if random.chance(0.7) {
                text.append(awkward[random.int(in: 0...(awkward.count - 1))])
            } else if let scalar = Unicode.Scalar(UInt32(random.int(in: 0x20...0x2FFFF))) {
                text.append(scalar)
            }
        }
        return String(text)
    }

    static func document(depth: Int, using random: inout SplitMix64) -> JSONValue {
        let kind = random.int(in: depth >= 4 ? 0...5 : 0...7)
        switch kind {
        case 0: return .null
        case 1: return .bool(random.chance(0.5))
        case 2: return .int(random.chance(0.2) ? [Int.min, Int.max, 0, -1][random.int(in: 0...3)] : random.int(in: -100_000...100_000))
        case 3:
            let doubles = [0.0, -0.0, 0.5, -2.25, 1e16, 1e-7, 3.0, 215_901.0, 18.3]
            return .double(random.chance(0.5) ? doubles[random.int(in: 0...(doubles.count - 1))] : random.double(in: -1e6...1e6))
        case 4, 5: return .string(string(using: &random))
        case 6: return .array((0..<random.int(in: 0...5)).map { _ in document(depth: depth + 1, using: &random) })
        default:
            var fields: [String: JSONValue] = [:]
            for _ in 0..<random.int(in: 0...6) {
                let key = random.chance(0.5) ? ["loop_2", "loop_10", "Loop", "loop", "a", "B", "_x", "é", ""][random.int(in: 0...8)] : string(using: &random)
                fields[key] = document(depth: depth + 1, using: &random)
            }
            return .object(fields)
        }
    }
}
