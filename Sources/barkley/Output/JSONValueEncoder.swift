/// Builds a ``JSONValue`` from any `Encodable`, so a `BarkleyQueries` result prints with its own
/// snake_case field names, and with one difference from `JSONEncoder`: an optional that is nil
/// is written as `null`, not left out. Every documented field is then always present, and
/// "unknown" reads the same in every command.
///
/// ```swift
/// try JSONValue(encoding: history.career(of: "Jasmin Paris"))   // "listed_as": null, …
/// ```
///
/// Synthesized `Codable` writes an optional with `encodeIfPresent`, whose default implementation
/// skips nil; the keyed container here implements each `encodeIfPresent` to write null instead.
extension JSONValue {
    init(encoding value: some Encodable) throws {
        if let value = value as? JSONValue {
            self = value
            return
        }
        let node = Node()
        try value.encode(to: TreeEncoder(node: node, codingPath: []))
        self = node.value
    }
}

/// One value being built: a scalar, or the object or array that containers fill in place.
private final class Node {
    private var scalar: JSONValue = .null
    private var object: [String: Node]?
    private var array: [Node]?

    var value: JSONValue {
        if let object { return .object(object.mapValues(\.value)) }
        if let array { return .array(array.map(\.value)) }
        return scalar
    }

    func set(_ value: JSONValue) { scalar = value }

    /// The child under `key`, created empty; an object from here on.
    func child(_ key: String) -> Node {
        let node = Node()
        if object == nil { object = [:] }
        object?[key] = node
        return node
    }

    /// A new last element; an array from here on.
    func append() -> Node {
        let node = Node()
        if array == nil { array = [] }
        array?.append(node)
        return node
    }

    func becomeObject() { if object == nil { object = [:] } }
    func becomeArray() { if array == nil { array = [] } }
    var count: Int { array?.count ?? 0 }
}

private struct TreeEncoder: Encoder {
    let node: Node
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(node: node, codingPath: codingPath)
    }
}

/// Encodes `value` into `node`: numbers, text and booleans directly, anything else through its
/// own `encode(to:)`.
private func encodeAny(_ value: some Encodable, into node: Node, codingPath: [any CodingKey]) throws {
    switch value {
    case let value as JSONValue: node.set(value)
    case let value as String: node.set(.string(value))
    case let value as Bool: node.set(.bool(value))
    case let value as Int: node.set(.int(value))
    case let value as Double: node.set(.double(value))
    default: try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
    }
}

/// An integer of any width as JSON; past `Int`'s range (never reached by the archive) as text.
private func integer(_ value: some BinaryInteger) -> JSONValue {
    Int(exactly: value).map(JSONValue.int) ?? .string(String(value))
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [any CodingKey]

    private func put(_ value: JSONValue, _ key: Key) { node.child(key.stringValue).set(value) }

    mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(.double(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(.double(Double(value)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(.int(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(integer(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(integer(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(integer(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(integer(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(integer(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(integer(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(integer(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(integer(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeAny(value, into: node.child(key.stringValue), codingPath: codingPath + [key])
    }

    // nil is unknown, and unknown is written, as null.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try encodeOrNull(value, key) }

    private mutating func encodeOrNull<T: Encodable>(_ value: T?, _ key: Key) throws {
        guard let value else { return put(.null, key) }
        try encode(value, forKey: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = node.child(key.stringValue)
        child.becomeObject()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.child(key.stringValue)
        child.becomeArray()
        return UnkeyedContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(node: node.child("super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey]
    var count: Int { node.count }

    mutating func encodeNil() throws { node.append().set(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeAny(value, into: node.append(), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = node.append()
        child.becomeObject()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = node.append()
        child.becomeArray()
        return UnkeyedContainer(node: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(node: node.append(), codingPath: codingPath) }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.set(.null) }
    mutating func encode(_ value: Bool) throws { node.set(.bool(value)) }
    mutating func encode(_ value: String) throws { node.set(.string(value)) }
    mutating func encode(_ value: Double) throws { node.set(.double(value)) }
    mutating func encode(_ value: Float) throws { node.set(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { node.set(.int(value)) }
    mutating func encode(_ value: Int8) throws { node.set(integer(value)) }
    mutating func encode(_ value: Int16) throws { node.set(integer(value)) }
    mutating func encode(_ value: Int32) throws { node.set(integer(value)) }
    mutating func encode(_ value: Int64) throws { node.set(integer(value)) }
    mutating func encode(_ value: UInt) throws { node.set(integer(value)) }
    mutating func encode(_ value: UInt8) throws { node.set(integer(value)) }
    mutating func encode(_ value: UInt16) throws { node.set(integer(value)) }
    mutating func encode(_ value: UInt32) throws { node.set(integer(value)) }
    mutating func encode(_ value: UInt64) throws { node.set(integer(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeAny(value, into: node, codingPath: codingPath)
    }
}
