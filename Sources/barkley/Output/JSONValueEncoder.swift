/// Encodes any `Encodable` for the CLI's JSON, so a `BarkleyQueries` result prints with its own
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
        self = try JSONSlot.encoding(value, codingPath: []).value()
    }
}

/// One member of a JSON object or array while it is encoded: a value already known, a node that
/// a nested container fills, or a value whose own `encode(to:)` has not run yet.
///
/// A member is encoded only when it is read (``node()``), one level at a time, so
/// ``JSONWriter`` writes an edition's 20,000 entrants one after another, each built and
/// dropped in turn, where a whole tree of the answer took hundreds of megabytes.
enum JSONSlot {
    case value(JSONValue)
    case node(JSONNode)
    case later(any Encodable, codingPath: [any CodingKey])

    /// `value` as a member: numbers, text and booleans as they are, anything else to encode when read.
    static func encoding<T: Encodable>(_ value: T, codingPath: @autoclosure () -> [any CodingKey]) -> JSONSlot {
        // Comparing types is cheap; a dynamic cast (`value as? String`) for every member of every
        // entrant was a good part of the time.
        if T.self == String.self { return .value(.string(value as! String)) }
        if T.self == Int.self { return .value(.int(value as! Int)) }
        if T.self == Bool.self { return .value(.bool(value as! Bool)) }
        if T.self == Double.self { return .value(.double(value as! Double)) }
        if T.self == JSONValue.self { return .value(value as! JSONValue) }
        if T.self == String?.self { return .value((value as! String?).map(JSONValue.string) ?? .null) }
        if T.self == Int?.self { return .value((value as! Int?).map(JSONValue.int) ?? .null) }
        if T.self == Bool?.self { return .value((value as! Bool?).map(JSONValue.bool) ?? .null) }
        return .later(value, codingPath: codingPath())
    }

    /// The member as a node, encoding it now if it is still to be encoded.
    func node() throws -> JSONNode {
        switch self {
        case .value(let value): return JSONNode(value)
        case .node(let node): return node
        case .later(let value, let codingPath):
            let node = JSONNode()
            try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
            return node
        }
    }

    /// The member as a whole tree of ``JSONValue``s.
    func value() throws -> JSONValue {
        switch self {
        case .value(let value): value
        case .node, .later: try node().value()
        }
    }
}

/// One value being encoded: a scalar, or the object or array that containers fill in place.
/// A node that was made an object stays one (as `JSONEncoder`'s containers do); its members
/// are ``JSONSlot``s, encoded when read.
final class JSONNode {
    private(set) var scalar: JSONValue = .null
    /// Members by key; a key encoded twice keeps the last value, as `JSONEncoder` does.
    private(set) var object: [String: JSONSlot]?
    private(set) var array: [JSONSlot]?

    init(_ scalar: JSONValue = .null) { self.scalar = scalar }

    /// The node as a whole tree.
    func value() throws -> JSONValue {
        if let object { return .object(try object.mapValues { try $0.value() }) }
        if let array { return .array(try array.map { try $0.value() }) }
        return scalar
    }

    func set(_ value: JSONValue) { scalar = value }

    func put(_ slot: JSONSlot, _ key: String) {
        if object == nil { object = [:] }
        object?[key] = slot
    }

    func append(_ slot: JSONSlot) {
        if array == nil { array = [] }
        array?.append(slot)
    }

    /// A new empty node under `key`, for a nested container; an object from here on.
    func child(_ key: String) -> JSONNode {
        let node = JSONNode()
        put(.node(node), key)
        return node
    }

    /// A new empty last element, for a nested container; an array from here on.
    func appendChild() -> JSONNode {
        let node = JSONNode()
        append(.node(node))
        return node
    }

    func becomeObject() { if object == nil { object = [:] } }
    func becomeArray() { if array == nil { array = [] } }
    var count: Int { array?.count ?? 0 }
}

private struct NodeEncoder: Encoder {
    let node: JSONNode
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

/// An integer of any width as JSON; past `Int`'s range (never reached by the archive) as text.
private func integer(_ value: some BinaryInteger) -> JSONValue {
    Int(exactly: value).map(JSONValue.int) ?? .string(String(value))
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    var codingPath: [any CodingKey]

    private func put(_ value: JSONValue, _ key: Key) { node.put(.value(value), key.stringValue) }

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
        node.put(JSONSlot.encoding(value, codingPath: codingPath + [key]), key.stringValue)
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

    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.child("super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    var codingPath: [any CodingKey]
    var count: Int { node.count }

    mutating func encodeNil() throws { node.append(.value(.null)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        node.append(JSONSlot.encoding(value, codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = node.appendChild()
        child.becomeObject()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = node.appendChild()
        child.becomeArray()
        return UnkeyedContainer(node: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.appendChild(), codingPath: codingPath) }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let node: JSONNode
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
        // The value is this node: encoded now, in place.
        switch JSONSlot.encoding(value, codingPath: codingPath) {
        case .value(let value): node.set(value)
        case .node, .later: try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
        }
    }
}
