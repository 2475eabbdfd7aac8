import Foundation
import Yams

/// Where the fields of an edition file were written: the line of a field, by its path
/// (`year`, `format.cutoffs[1].time`, `entrants[2].times[0].elapsed`).
///
/// Lines are needed only to report a problem, and most files have none; so the reader does not
/// note the line of every field of every file. A file's lines are found when first asked for,
/// all at once, by reading its text again; a CSV reader sets its lines one by one instead.
public struct FieldLines: Sendable {
    private let yaml: YAMLLines?
    private var assigned: [String: Int] = [:]

    /// No lines yet; set them with the subscript.
    public init() { yaml = nil }

    /// The lines of the fields of a YAML edition file, found when first asked for.
    init(yaml text: String) { yaml = YAMLLines(text: text) }

    /// The line of the field at `path`, if it was written in the file.
    public subscript(path: String) -> Int? {
        get { assigned[path] ?? yaml?.lines[path] }
        set { assigned[path] = newValue }
    }
}

/// A YAML file's text and, once asked for, the line of each of its fields by path.
private final class YAMLLines: @unchecked Sendable {
    let text: String
    /// Guards `found`: copies of a parsed edition may be read from two threads.
    private let lock = NSLock()
    private var found: [String: Int]?

    init(text: String) { self.text = text }

    var lines: [String: Int] {
        lock.withLock {
            if let found { return found }
            var lines: [String: Int] = [:]
            // The text was composed once already, so it composes again.
            if let root = try? EditionFileReader.compose(text) {
                Self.note(root, path: "", in: &lines)
            }
            found = lines
            return lines
        }
    }

    /// Notes the line of `node` at `path` and of everything inside it: a mapping's keys at
    /// `path.key`, a list's items at `path[index]`; the first of two equal paths wins.
    private static func note(_ node: Node, path: String, in lines: inout [String: Int]) {
        if lines[path] == nil, let line = node.mark?.line { lines[path] = line }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                let name = key.scalar?.string ?? ""
                let keyPath = path.isEmpty ? name : "\(path).\(name)"
                if lines[keyPath] == nil, let line = key.mark?.line { lines[keyPath] = line }
                note(value, path: keyPath, in: &lines)
            }
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                note(item, path: "\(path)[\(index)]", in: &lines)
            }
        default:
            break
        }
    }
}
