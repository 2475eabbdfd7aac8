import Yams

/// Reads typed fields out of a composed YAML tree, noting each field's line and collecting
/// every problem instead of stopping at the first.
///
/// Working on Yams' node tree (not a `Decodable`) keeps the text of each scalar as written —
/// so `59:58:21` stays a time and `NO` a country, whatever YAML 1.1 would make of them — and
/// keeps the line of every field for error messages.
final class YAMLFields {
    let file: String
    private(set) var problems: [ImportProblem] = []
    /// The line of every field read, by path (`entrants[2].times[0].elapsed`).
    private(set) var lines: [String: Int] = [:]

    init(file: String) { self.file = file }

    func report(_ rule: ImportProblem.Rule, _ path: String, line: Int?, _ message: String) {
        problems.append(ImportProblem(file: file, line: line ?? lines[path], field: path, rule: rule, message: message))
    }

    /// The fields of a mapping, checked against the keys it may have.
    func mapping(_ node: Node, path: String, allowed: [String]) -> Mapping? {
        guard case .mapping(let mapping) = node else {
            report(.invalidValue, path, line: node.mark?.line, "expected a mapping of fields")
            return nil
        }
        if lines[path] == nil { lines[path] = node.mark?.line }
        var values: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let fieldPath = path.isEmpty ? key : "\(path).\(key)"
            let line = keyNode.mark?.line
            if values[key] != nil {
                report(.duplicateField, fieldPath, line: line, "appears twice; keep one")
                continue
            }
            guard allowed.contains(key) else {
                report(.unknownField, fieldPath, line: line, "unknown field; expected one of: \(allowed.joined(separator: ", "))")
                continue
            }
            lines[fieldPath] = line
            values[key] = value
        }
        return Mapping(fields: self, path: path, line: node.mark?.line, values: values)
    }

    struct Mapping {
        let fields: YAMLFields
        let path: String
        let line: Int?
        let values: [String: Node]

        func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

        /// The text of a scalar field; nil when absent or null (unknown).
        func text(_ key: String, required: Bool = false) -> String? {
            guard let node = values[key], !isNull(node) else {
                if required { fields.report(.missingField, path(key), line: line, "is required") }
                return nil
            }
            guard case .scalar(let scalar) = node else {
                fields.report(.invalidValue, path(key), line: node.mark?.line, "expected a single value")
                return nil
            }
            return scalar.string
        }

        func int(_ key: String, required: Bool = false, range: ClosedRange<Int> = 0...1_000_000) -> Int? {
            guard let text = text(key, required: required) else { return nil }
            guard text.allSatisfy(\.isASCII), let value = Int(text), range.contains(value) else {
                fields.report(.invalidValue, path(key), line: nil, "'\(text)' is not a whole number in \(range.lowerBound)…\(range.upperBound)")
                return nil
            }
            return value
        }

        func bool(_ key: String) -> Bool? {
            guard let text = text(key) else { return nil }
            switch text {
            case "true": return true
            case "false": return false
            default:
                fields.report(.invalidValue, path(key), line: nil, "'\(text)' is not true or false")
                return nil
            }
        }

        func time(_ key: String, required: Bool = false) -> RaceTime? {
            guard let text = text(key, required: required) else { return nil }
            guard let time = RaceTime(parsing: text) else {
                fields.report(.unparsableTime, path(key), line: nil, "'\(text)' is not a time: write H:MM:SS (or H:MM when known only to the minute)")
                return nil
            }
            return time
        }

        func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, required: Bool = false) -> T? where T.RawValue == String {
            guard let text = text(key, required: required) else { return nil }
            guard let value = T(rawValue: text) else {
                let options = T.allCases.map(\.rawValue).joined(separator: ", ")
                fields.report(.invalidValue, path(key), line: nil, "'\(text)' is not one of: \(options)")
                return nil
            }
            return value
        }

        /// A list of scalars, written `[a, b]` or as a block list.
        func strings(_ key: String) -> [String] {
            list(key).compactMap { node, index in
                guard case .scalar(let scalar) = node else {
                    fields.report(.invalidValue, "\(path(key))[\(index)]", line: node.mark?.line, "expected a single value")
                    return nil
                }
                return scalar.string
            }
        }

        /// The items of a list field, with their index.
        func list(_ key: String) -> [(Node, Int)] {
            guard let node = values[key], !isNull(node) else { return [] }
            guard case .sequence(let sequence) = node else {
                fields.report(.invalidValue, path(key), line: node.mark?.line, "expected a list")
                return []
            }
            return sequence.enumerated().map { ($1, $0) }
        }

        /// A mapping field's own key → scalar pairs, in file order (for `sources:`).
        func pairs(_ key: String) -> [(key: String, value: String, line: Int?)] {
            guard let node = values[key], !isNull(node) else { return [] }
            guard case .mapping(let mapping) = node else {
                fields.report(.invalidValue, path(key), line: node.mark?.line, "expected a mapping of key: value")
                return []
            }
            var seen = Set<String>()
            return mapping.compactMap { keyNode, valueNode in
                let name = keyNode.string ?? ""
                let itemPath = "\(path(key)).\(name)"
                guard seen.insert(name).inserted else {
                    fields.report(.duplicateField, itemPath, line: keyNode.mark?.line, "appears twice; keep one")
                    return nil
                }
                guard case .scalar(let scalar) = valueNode, !scalar.string.isEmpty else {
                    fields.report(.invalidValue, itemPath, line: keyNode.mark?.line, "expected a URL or citation")
                    return nil
                }
                fields.lines[itemPath] = keyNode.mark?.line
                return (name, scalar.string, keyNode.mark?.line)
            }
        }

        private func isNull(_ node: Node) -> Bool {
            guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
            return scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null"
        }
    }
}
