// Writes a Swift file holding the names and exact text of the given files:
//   EmbedFilesTool OUTPUT.swift TypeName FOLDER FILE...
// Each text becomes a raw multi-line string literal, with enough `#` to never end early.
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
    FileHandle.standardError.write(Data("usage: EmbedFilesTool OUTPUT.swift TypeName FOLDER FILE...\n".utf8))
    exit(64)
}
let (output, typeName, folder) = (arguments[1], arguments[2], arguments[3])

func literal(_ text: String) -> String {
    var longestRun = 0, run = 0
    for character in text {
        run = character == "#" ? run + 1 : 0
        longestRun = max(longestRun, run)
    }
    let hashes = String(repeating: "#", count: longestRun + 1)
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

var swift = """
    // Generated at build time by EmbedFilesTool from \((folder as NSString).lastPathComponent)/; do not edit.

    enum \(typeName) {
        /// The embedded files, by name, in name order.
        static let files: [(name: String, contents: String)] = [

    """
for path in arguments.dropFirst(4) {
    let contents = try String(contentsOfFile: path, encoding: .utf8)
    swift += "(\(literal((path as NSString).lastPathComponent)), \(literal(contents))),\n"
}
swift += "]\n}\n"
try swift.write(toFile: output, atomically: true, encoding: .utf8)
