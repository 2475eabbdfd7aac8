import Yams

/// Reads typed fields out of a composed YAML tree, collecting every problem instead of
/// stopping at the first.
///
/// Working on Yams' node tree (not a `Decodable`) keeps the text of each scalar as written —
/// so `59:58:21` stays a time and `NO` a country, whatever YAML 1.1 would make of them — and
/// keeps the line of every key for error messages. A problem's line is the line of its key or
/// item where one is at hand; the others are filled in from ``FieldLines`` afterwards.
final class YAMLFields {
    let file: String
    private(set) var problems: [ImportProblem] = []
    /// Keys written under `sources:` whose entry was refused (its citation blank, not text, or
    /// holding a forbidden character; the key written twice): their citations are not reported again.
    private(set) var refusedSourceKeys: Set<String> = []

    init(file: String) { self.file = file }

    func report(_ rule: ImportProblem.Rule, _ path: String, line: Int?, _ message: String) {
        problems.append(ImportProblem(file: file, line: line, field: path, rule: rule, message: message))
    }

    /// The fields of a mapping, checked against the keys it may have.
    ///
    /// - Parameters:
    ///   - path: the mapping's path, or the path of the list it is an item of when `index` is given
    ///     (`entrants[2].times` and 0 for `entrants[2].times[0]`): the full path is only built for a message.
    func mapping(_ node: Node, path: String, index: Int? = nil, allowed: [String]) -> Mapping? {
        guard case .mapping(let mapping) = node else {
            report(.invalidValue, Self.path(path, index: index), line: node.mark?.line, "expected a mapping of fields")
            return nil
        }
        // Arrays, not a dictionary: a mapping has a handful of keys (short strings, compared
        // without touching reference counts), and this runs for every mapping of every file.
        var keys: [String] = [], positions: [Int] = []
        keys.reserveCapacity(mapping.count)
        positions.reserveCapacity(mapping.count)
        for (position, (keyNode, _)) in mapping.enumerated() {
            // The scalar's text as written (`Node.string` goes through Yams' constructors).
            let key = keyNode.scalar?.string ?? ""
            let duplicate = keys.contains(key)
            if duplicate || !allowed.contains(key) {
                let fullPath = Self.path(path, index: index)
                let keyPath = fullPath.isEmpty ? key : "\(fullPath).\(key)"
                if duplicate {
                    report(.duplicateField, keyPath, line: keyNode.mark?.line, "appears twice; keep one")
                } else {
                    report(.unknownField, keyPath, line: keyNode.mark?.line, "unknown field; expected one of: \(allowed.joined(separator: ", "))")
                }
                continue
            }
            keys.append(key)
            positions.append(position)
        }
        return Mapping(fields: self, listPath: path, index: index, line: node.mark?.line, mapping: mapping, keys: keys, positions: positions)
    }

    /// `text` cleaned at the door (`DoorText`); nil when blank, or when refused, with the
    /// refusal noted as a problem of the field at `path`.
    func clean(_ text: String, as kind: DoorText.Kind, _ path: String, line: Int?) -> String? {
        do {
            return try DoorText.clean(text, as: kind)
        } catch {
            report(.forbiddenCharacter, path, line: line, error.message)
            return nil
        }
    }

    /// `path`, or the path of its item `index` (`entrants[2]`).
    static func path(_ path: String, index: Int?) -> String {
        index.map { "\(path)[\($0)]" } ?? path
    }

    struct Mapping {
        let fields: YAMLFields
        /// The mapping's path, or with `index`, the path of the list holding it.
        let listPath: String
        let index: Int?
        let line: Int?
        let mapping: Node.Mapping
        /// The mapping's accepted keys, in file order, and where each is in `mapping`.
        let keys: [String]
        let positions: [Int]

        var path: String { YAMLFields.path(listPath, index: index) }

        func path(_ key: String) -> String {
            let path = self.path
            return path.isEmpty ? key : "\(path).\(key)"
        }

        /// The value of a field, nil when absent.
        func node(_ key: String) -> Node? { keys.firstIndex(of: key).map { mapping[positions[$0]].value } }

        /// The line of a field's key, nil when absent.
        func line(of key: String) -> Int? { keys.firstIndex(of: key).flatMap { mapping[positions[$0]].key.mark?.line } }

        /// The text of a scalar field, cleaned at the door (`DoorText`); nil when absent, null
        /// or blank (unknown), or refused (the problem noted).
        func text(_ key: String, required: Bool = false, as kind: DoorText.Kind = .value) -> String? {
            guard let node = node(key), !isNull(node) else {
                if required { fields.report(.missingField, path(key), line: line, "is required") }
                return nil
            }
            guard case .scalar(let scalar) = node else {
                fields.report(.invalidValue, path(key), line: node.mark?.line, "expected a single value")
                return nil
            }
            let cleaned: String?
            do { cleaned = try DoorText.clean(scalar.string, as: kind) } catch {
                fields.report(.forbiddenCharacter, path(key), line: line(of: key), error.message)
                return nil
            }
            if cleaned == nil, required { fields.report(.missingField, path(key), line: line(of: key), "is required; it is blank") }
            return cleaned
        }

        func int(_ key: String, required: Bool = false, range: ClosedRange<Int> = 0...1_000_000) -> Int? {
            guard let text = text(key, required: required) else { return nil }
            guard text.utf8.allSatisfy({ $0 < 0x80 }), let value = Int(text), range.contains(value) else {
                fields.report(.invalidValue, path(key), line: line(of: key), "'\(text)' is not a whole number in \(range.lowerBound)…\(range.upperBound)")
                return nil
            }
            return value
        }

        func bool(_ key: String) -> Bool? {
            guard let text = text(key) else { return nil }
            guard let value = DoorText.bool(text) else {
                fields.report(.invalidValue, path(key), line: line(of: key), "'\(text)' is not true or false")
                return nil
            }
            return value
        }

        func time(_ key: String, required: Bool = false) -> RaceTime? {
            guard let text = text(key, required: required) else { return nil }
            guard let time = RaceTime(parsing: text) else {
                fields.report(.unparsableTime, path(key), line: line(of: key), TimePlausibility.notATime(text))
                return nil
            }
            return time
        }

        func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, required: Bool = false) -> T? where T.RawValue == String {
            guard let text = text(key, required: required) else { return nil }
            guard let value = T(rawValue: text) else {
                let options = T.allCases.map(\.rawValue).joined(separator: ", ")
                fields.report(.invalidValue, path(key), line: line(of: key), "'\(text)' is not one of: \(options)")
                return nil
            }
            return value
        }

        /// A list of scalars, written `[a, b]` or as a block list; blank items are left out.
        /// With `orSingle`, one value written alone (`key: a`) is a list of one.
        func strings(_ key: String, as kind: DoorText.Kind = .value, orSingle: Bool = false) -> [String] {
            if orSingle, let node = node(key), case .scalar = node {
                return text(key, as: kind).map { [$0] } ?? []
            }
            return list(key).compactMap { node, index in
                guard case .scalar(let scalar) = node else {
                    fields.report(.invalidValue, "\(path(key))[\(index)]", line: node.mark?.line, "expected a single value")
                    return nil
                }
                return fields.clean(scalar.string, as: kind, "\(path(key))[\(index)]", line: node.mark?.line)
            }
        }

        /// The items of a list field, with their index.
        func list(_ key: String) -> [(Node, Int)] {
            guard let node = node(key), !isNull(node) else { return [] }
            guard case .sequence(let sequence) = node else {
                fields.report(.invalidValue, path(key), line: node.mark?.line, "expected a list")
                return []
            }
            return sequence.enumerated().map { ($1, $0) }
        }

        /// A mapping field's own key → scalar pairs, in file order (for `sources:`).
        func pairs(_ key: String) -> [(key: String, value: String, line: Int?)] {
            guard let node = node(key), !isNull(node) else { return [] }
            guard case .mapping(let mapping) = node else {
                fields.report(.invalidValue, path(key), line: node.mark?.line, "expected a mapping of key: value")
                return []
            }
            var seen = Set<String>()
            return mapping.compactMap { keyNode, valueNode in
                let written = keyNode.scalar?.string ?? ""
                let itemPath = "\(path(key)).\(written)"
                let line = keyNode.mark?.line
                guard let name = fields.clean(written, as: .value, itemPath, line: line) else {
                    // A blank key has no path of its own: the problem is the mapping's.
                    if DoorText.isAccepted(written) { fields.report(.invalidValue, path(key), line: line, "a source needs a key to cite it by") }
                    return nil
                }
                guard seen.insert(name).inserted else {
                    fields.report(.duplicateField, itemPath, line: line, "appears twice; keep one")
                    return nil
                }
                guard case .scalar(let scalar) = valueNode else {
                    fields.report(.invalidValue, itemPath, line: line, "expected a URL or citation")
                    fields.refusedSourceKeys.insert(name)
                    return nil
                }
                guard let citation = fields.clean(scalar.string, as: .value, itemPath, line: line) else {
                    if DoorText.isAccepted(scalar.string) { fields.report(.invalidValue, itemPath, line: line, "expected a URL or citation") }
                    fields.refusedSourceKeys.insert(name)
                    return nil
                }
                return (name, citation, line)
            }
        }

        private func isNull(_ node: Node) -> Bool {
            guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
            return scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null"
        }
    }
}
