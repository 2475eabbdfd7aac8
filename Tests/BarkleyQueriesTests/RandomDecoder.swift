import Foundation
import SeededRandom

/// Builds a value of any `Decodable` type from a seeded generator: every field the type's
/// `init(from:)` asks for gets a random value — any Unicode text, any integer, nil about a
/// third of the time, arrays of zero to three elements, a random case of a `CaseIterable` enum.
///
/// So a round-trip property covers every public type through its own decoding, with no
/// hand-written generator per type that could fall behind a new field.
struct RandomDecoder: Decoder {
    /// The generator, shared by every container of one value.
    final class Source {
        var generator: SplitMix64
        init(seed: UInt64) { generator = SplitMix64(seed: seed) }

        func int() -> Int { generator.pick([(generator.int(in: 0...100), 6), (generator.int(in: -1_000_000...1_000_000), 3), (Int(Int32.max), 1)]) }
        func bool() -> Bool { generator.chance(0.5) }
        func isNil() -> Bool { generator.chance(0.3) }
        func count() -> Int { generator.int(in: 0...3) }
        func double() -> Double { generator.double(in: -1e6...1e6) }

        /// Text from several scripts, combining marks, emoji and JSON's special characters.
        func string() -> String {
            let pieces = ["a", "Z", " ", "é", "e\u{301}", "ß", "Ж", "日本", "🏃🏽‍♀️", "\"", "\\", "\n", "\t", "/", "ı", "Ω", "0", "-", ":"]
            return (0..<generator.int(in: 0...8)).map { _ in pieces[generator.int(in: 0...(pieces.count - 1))] }.joined()
        }

        func value<T: Decodable>(_ type: T.Type, codingPath: [any CodingKey]) throws -> T {
            switch type {
            case is Int.Type: return int() as! T
            case is Int64.Type: return Int64(int()) as! T
            case is String.Type: return string() as! T
            case is Bool.Type: return bool() as! T
            case is Double.Type: return double() as! T
            default: break
            }
            if let cases = T.self as? any CaseIterable.Type {
                let all = everyCase(of: cases)
                return all[generator.int(in: 0...(all.count - 1))] as! T
            }
            return try T(from: RandomDecoder(source: self, codingPath: codingPath))
        }
    }

    let source: Source
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(seed: UInt64) { self.init(source: Source(seed: seed), codingPath: []) }
    init(source: Source, codingPath: [any CodingKey]) {
        self.source = source
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keyed<Key>(source: source, codingPath: codingPath))
    }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { Unkeyed(source: source, codingPath: codingPath, count: source.count()) }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(source: source, codingPath: codingPath) }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let source: Source
        var codingPath: [any CodingKey]
        var allKeys: [Key] { [] }
        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool { source.isNil() }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try source.value(type, codingPath: codingPath + [key]) }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try source.value(type, codingPath: codingPath + [key]) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try source.value(type, codingPath: codingPath + [key]) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try source.value(type, codingPath: codingPath + [key]) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try source.value(type, codingPath: codingPath + [key]) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try source.value(type, codingPath: codingPath + [key]) }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            source.isNil() ? nil : try source.value(type, codingPath: codingPath + [key])
        }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            KeyedDecodingContainer(Keyed<NestedKey>(source: source, codingPath: codingPath + [key]))
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            Unkeyed(source: source, codingPath: codingPath + [key], count: source.count())
        }
        func superDecoder() throws -> any Decoder { RandomDecoder(source: source, codingPath: codingPath) }
        func superDecoder(forKey key: Key) throws -> any Decoder { RandomDecoder(source: source, codingPath: codingPath + [key]) }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let source: Source
        var codingPath: [any CodingKey]
        var count: Int?
        var currentIndex = 0
        var isAtEnd: Bool { currentIndex >= (count ?? 0) }

        init(source: Source, codingPath: [any CodingKey], count: Int) {
            self.source = source
            self.codingPath = codingPath
            self.count = count
        }

        mutating func decodeNil() throws -> Bool { false }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            currentIndex += 1
            return try source.value(type, codingPath: codingPath)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            currentIndex += 1
            return KeyedDecodingContainer(Keyed<NestedKey>(source: source, codingPath: codingPath))
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            currentIndex += 1
            return Unkeyed(source: source, codingPath: codingPath, count: source.count())
        }
        mutating func superDecoder() throws -> any Decoder { RandomDecoder(source: source, codingPath: codingPath) }
    }

    struct Single: SingleValueDecodingContainer {
        let source: Source
        var codingPath: [any CodingKey]
        func decodeNil() -> Bool { source.isNil() }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try source.value(type, codingPath: codingPath) }
        func decode(_ type: Bool.Type) throws -> Bool { try source.value(type, codingPath: codingPath) }
        func decode(_ type: String.Type) throws -> String { try source.value(type, codingPath: codingPath) }
        func decode(_ type: Double.Type) throws -> Double { try source.value(type, codingPath: codingPath) }
        func decode(_ type: Int.Type) throws -> Int { try source.value(type, codingPath: codingPath) }
        func decode(_ type: Int64.Type) throws -> Int64 { try source.value(type, codingPath: codingPath) }
    }
}

private func everyCase<T: CaseIterable>(of type: T.Type) -> [Any] { Array(T.allCases) }
