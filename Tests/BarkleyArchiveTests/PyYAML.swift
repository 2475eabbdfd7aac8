import Foundation
import Testing

/// Reads YAML files with PyYAML's `yaml.safe_load` (a YAML 1.1 reader, the one most tools
/// use), in a `python3` child process. `scripts/bootstrap` installs PyYAML.
enum PyYAML {
    /// A value as PyYAML typed it: text, a mapping (keys typed too, in file order), a list, or
    /// anything else (a bool, an int, a float, a date, None) with its Python type and `repr`.
    indirect enum Value: Equatable, CustomStringConvertible {
        case string(String)
        case mapping([Value], [Value])
        case sequence([Value])
        case other(type: String, repr: String)

        subscript(key: String) -> Value? {
            guard case .mapping(let keys, let values) = self, let index = keys.firstIndex(of: .string(key)) else { return nil }
            return values[index]
        }

        subscript(index: Int) -> Value? {
            guard case .sequence(let items) = self, items.indices.contains(index) else { return nil }
            return items[index]
        }

        /// The mapping's keys, as PyYAML typed them.
        var keys: [Value] {
            guard case .mapping(let keys, _) = self else { return [] }
            return keys
        }

        var description: String {
            switch self {
            case .string(let text): "str \(text.debugDescription)"
            case .mapping(let keys, _): "mapping with keys \(keys)"
            case .sequence(let items): "list of \(items.count)"
            case .other(let type, let repr): "\(type) \(repr)"
            }
        }

        init(json: Any) throws {
            guard let object = json as? [String: Any], let (kind, payload) = object.first else { throw PyYAMLError("unexpected \(json)") }
            switch kind {
            case "str": self = .string(payload as? String ?? "")
            case "seq": self = .sequence(try (payload as? [Any] ?? []).map(Value.init(json:)))
            case "map":
                let pairs = payload as? [[Any]] ?? []
                self = .mapping(try pairs.map { try Value(json: $0[0]) }, try pairs.map { try Value(json: $0[1]) })
            default: self = .other(type: kind, repr: payload as? String ?? "")
            }
        }
    }

    struct PyYAMLError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Each file's document as `yaml.safe_load` reads it, by path.
    ///
    /// - Throws: when `python3` or PyYAML is missing (run `scripts/bootstrap`), or a file does
    ///   not load.
    static func load(_ files: [URL]) throws -> [String: Value] {
        let script = """
            import json, sys, yaml
            def tree(value):
                if isinstance(value, dict): return {"map": [[tree(k), tree(v)] for k, v in value.items()]}
                if isinstance(value, list): return {"seq": [tree(v) for v in value]}
                if isinstance(value, str): return {"str": value}
                return {type(value).__name__: repr(value)}
            documents = {}
            for path in sys.argv[1:]:
                with open(path, encoding="utf-8") as handle:
                    documents[path] = tree(yaml.safe_load(handle))
            json.dump(documents, sys.stdout)
            """
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pyyaml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out.json"), errors = directory.appendingPathComponent("err.txt")
        try Data().write(to: output)
        try Data().write(to: errors)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + files.map(\.path)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw PyYAMLError("python3 with PyYAML failed (run scripts/bootstrap to install it): \(message)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any] ?? [:]
        return try json.mapValues(Value.init(json:))
    }
}
