/// A cheap pass over an edition file's bytes before the YAML composer sees them, so that YAML
/// stays a door and not a weapon:
///
/// - anchors and aliases (`&name`, `*name`) are refused at once: an edition file has no use
///   for them, and a few lines of aliases (the "billion laughs") expand to billions of nodes;
/// - nesting is bounded (the composer recurses once per level: a file of a million `[` would
///   exhaust the stack), and so is the number of nodes.
///
/// The pass follows YAML's lexical structure just far enough to know what is text: brackets,
/// `&` and `*` inside a quoted string, a block scalar (`|`, `>`), a plain scalar or a comment
/// are text, so a note of `[[[[` or "Tom & Jerry" passes. One pass, a few comparisons per byte:
/// linear in the file's size.
enum YAMLGuard {
    /// Deeper than any edition file (which needs three levels).
    static let maximumDepth = 64
    /// Far more nodes than any edition file (about 30 an entrant).
    static let maximumNodes = 1_000_000

    /// - Throws: ``ImportError`` naming the line of the first anchor, alias or level too deep.
    static func check(_ text: String, file: String) throws {
        var text = text
        let problem: (line: Int, message: String)? = text.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes)
            return scanner.scan()
        }
        if let problem {
            throw ImportError(problems: [ImportProblem(file: file, line: problem.line, field: "-", rule: .syntax, message: problem.message)])
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var line = 1
        var nodes = 0
        var flowDepth = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

        func byte(at index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

        /// True for a byte that ends a token: white space, a line end or the end of the file.
        func isBreakOrSpace(_ index: Int) -> Bool {
            guard let byte = byte(at: index) else { return true }
            return byte == Self.space || byte == Self.tab || byte == Self.newline || byte == Self.cr
        }

        func isFlowIndicator(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
                || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
        }

        mutating func scan() -> (line: Int, message: String)? {
            // Block context, line by line: where a line's content starts decides whether it
            // continues a plain or block scalar of the lines before (text) or holds new nodes.
            var blockScalarParent: Int?   // a block scalar's content is indented past this column
            var plainParent: Int?         // a plain scalar may continue on lines indented past this
            while position < bytes.count {
                var indent = 0
                while let byte = byte(at: position), byte == Self.space { indent += 1; position += 1 }
                let blank = byte(at: position).map { $0 == Self.newline || $0 == Self.cr } ?? true
                if let parent = blockScalarParent {
                    if blank || indent > parent { skipLine(); continue }
                    blockScalarParent = nil
                }
                if blank { skipLine(); continue }
                if let parent = plainParent, indent > parent {
                    if byte(at: position) != UInt8(ascii: "#") { skipPlain(flow: false) }
                    skipLine()
                    continue
                }
                plainParent = nil
                if indent > 4 * YAMLGuard.maximumDepth { return deep }
                // "- " markers open a level each; the content column is after them. A scalar
                // that starts right after a marker belongs to the marker's column.
                var column = indent, dashes = 0, markerColumn = indent - 1
                while byte(at: position) == UInt8(ascii: "-") || byte(at: position) == UInt8(ascii: "?"), isBreakOrSpace(position + 1) {
                    nodes += 1
                    dashes += 1
                    markerColumn = column
                    position += 1
                    column += 1
                    while let byte = byte(at: position), byte == Self.space || byte == Self.tab { position += 1; column += 1 }
                }
                if dashes > YAMLGuard.maximumDepth { return deep }
                if startsDocumentMarker() { position += 3; column += 3 }
                switch scanNodes(keyColumn: column, markerColumn: markerColumn) {
                case .problem(let found): return found
                case .blockScalar(let parent): blockScalarParent = parent
                case .plain(let parent): plainParent = parent
                case .done: break
                }
            }
            return nil
        }

        /// How a line ended: a block or plain scalar whose text may go on over the lines indented
        /// past a column, or neither.
        enum LineEnd { case done, blockScalar(Int), plain(Int), problem((line: Int, message: String)) }

        func startsDocumentMarker() -> Bool {
            (byte(at: position) == UInt8(ascii: "-") && byte(at: position + 1) == UInt8(ascii: "-") && byte(at: position + 2) == UInt8(ascii: "-")
                || byte(at: position) == UInt8(ascii: ".") && byte(at: position + 1) == UInt8(ascii: ".") && byte(at: position + 2) == UInt8(ascii: "."))
                && isBreakOrSpace(position + 3)
        }

        /// Scans nodes from `position` to the end of the line (or further, through quoted
        /// strings and flow collections that span lines), at a node's start. A scalar after a
        /// key belongs to the key's column; one right after "- " to the marker's.
        mutating func scanNodes(keyColumn: Int, markerColumn: Int) -> LineEnd {
            var atNodeStart = true, afterKey = false
            var owner: Int { afterKey ? keyColumn : markerColumn }
            while let byte = byte(at: position) {
                if byte == Self.newline || byte == Self.cr {
                    if flowDepth == 0 { skipLine(); return .done }
                    position += 1
                    if byte == Self.newline || self.byte(at: position) != Self.newline { line += 1 }
                    continue
                }
                if byte == Self.space || byte == Self.tab { position += 1; continue }
                if byte == UInt8(ascii: "#") { skipComment(); continue }
                if !atNodeStart {
                    // Between nodes: only indicators that start the next one.
                    if flowDepth > 0, byte == UInt8(ascii: ",") { atNodeStart = true; position += 1; continue }
                    if flowDepth > 0, byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                        flowDepth -= 1
                        position += 1
                        continue
                    }
                    if byte == UInt8(ascii: ":") { atNodeStart = true; afterKey = true; position += 1; continue }
                    // Anything else belongs to the node before (the composer reports real errors).
                    position += 1
                    continue
                }
                switch byte {
                case UInt8(ascii: "&"), UInt8(ascii: "*"):
                    guard isBreakOrSpace(position + 1) || isFlowIndicator(self.byte(at: position + 1) ?? 0) else {
                        return .problem((line, "YAML anchors and aliases (\(byte == UInt8(ascii: "&") ? "&" : "*")name) are not accepted in edition files: write each value out in full (if this is text, put it in quotes)"))
                    }
                    atNodeStart = false
                    skipPlain(flow: flowDepth > 0)
                case UInt8(ascii: "!"):
                    while !isBreakOrSpace(position), !isFlowIndicator(self.byte(at: position) ?? 0) { position += 1 }  // a tag; the node follows
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    nodes += 1
                    skipQuoted(byte)
                    atNodeStart = false
                case UInt8(ascii: "|") where flowDepth == 0, UInt8(ascii: ">") where flowDepth == 0:
                    nodes += 1
                    skipLine()
                    return .blockScalar(owner)
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    nodes += 1
                    flowDepth += 1
                    position += 1
                    if flowDepth > YAMLGuard.maximumDepth { return tooDeep() }
                case UInt8(ascii: "]") where flowDepth > 0, UInt8(ascii: "}") where flowDepth > 0:
                    flowDepth -= 1
                    position += 1
                    atNodeStart = false
                case UInt8(ascii: ",") where flowDepth > 0:
                    position += 1
                case UInt8(ascii: "-") where flowDepth == 0 && isBreakOrSpace(position + 1),
                     UInt8(ascii: "?") where flowDepth == 0 && isBreakOrSpace(position + 1):
                    nodes += 1
                    position += 1
                default:
                    nodes += 1
                    atNodeStart = false
                    if skipPlain(flow: flowDepth > 0) == .value {
                        atNodeStart = true
                        afterKey = true
                    } else if flowDepth == 0, self.byte(at: position).map({ $0 == Self.newline || $0 == Self.cr }) ?? true {
                        skipLine()
                        return nodes > YAMLGuard.maximumNodes ? tooMany() : .plain(owner)
                    }
                }
                if nodes > YAMLGuard.maximumNodes { return tooMany() }
            }
            return .done
        }

        enum PlainEnd { case value, other }

        /// Skips a plain scalar to its end: the line's end (block), a flow indicator (flow),
        /// a comment, or ": " — after which a value's node starts.
        @discardableResult
        mutating func skipPlain(flow: Bool) -> PlainEnd {
            while let byte = byte(at: position) {
                if byte == Self.newline || byte == Self.cr { return .other }
                if byte == UInt8(ascii: ":"), isBreakOrSpace(position + 1) || (flow && isFlowIndicator(self.byte(at: position + 1) ?? 0)) {
                    position += 1
                    return .value
                }
                if flow, isFlowIndicator(byte) { return .other }
                if byte == UInt8(ascii: "#"), position > 0, bytes[position - 1] == Self.space || bytes[position - 1] == Self.tab { return .other }
                position += 1
            }
            return .other
        }

        /// Skips a quoted string, counting its lines: `\"` escapes in double quotes, `''` in single.
        mutating func skipQuoted(_ quote: UInt8) {
            position += 1
            while let byte = byte(at: position) {
                position += 1
                if byte == Self.newline { line += 1 }
                if byte == Self.cr, self.byte(at: position) != Self.newline { line += 1 }
                if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") { position += 1; continue }
                if byte == quote {
                    if quote == UInt8(ascii: "'"), self.byte(at: position) == quote { position += 1; continue }
                    return
                }
            }
        }

        mutating func skipComment() {
            while let byte = byte(at: position), byte != Self.newline, byte != Self.cr { position += 1 }
        }

        /// Moves past the end of the current line.
        mutating func skipLine() {
            while let byte = byte(at: position) {
                position += 1
                if byte == Self.newline { line += 1; return }
                if byte == Self.cr {
                    if self.byte(at: position) == Self.newline { position += 1 }
                    line += 1
                    return
                }
            }
        }

        var deep: (line: Int, message: String) {
            (line, "nested more than \(YAMLGuard.maximumDepth) levels deep; an edition file needs three")
        }

        func tooDeep() -> LineEnd { .problem(deep) }

        func tooMany() -> LineEnd {
            .problem((line, "more than \(YAMLGuard.maximumNodes) values; an edition file needs a few thousand"))
        }
    }
}
