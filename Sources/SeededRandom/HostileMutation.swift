/// Seeded mutations of a valid input file, the kinds of damage files really suffer, for the
/// hostile-input fuzzers of the library and of the `barkley` command.
public enum HostileMutation {
    /// One mutation of `text`, chosen by `random`: a truncation, bad UTF-8, a huge number, a
    /// minus sign, a duplicated line, deep nesting, a lost or flipped byte, or a time replaced by
    /// what a spreadsheet or a placeholder puts in its place.
    public static func mutate(_ text: String, using random: inout SplitMix64) -> [UInt8] {
        var bytes = Array(text.utf8)
        let position = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<10, using: &random) {
        case 0: bytes = Array(bytes[..<position])                                   // truncation
        case 1: bytes.insert(contentsOf: [0xFF, 0xC3, 0x28], at: position)        // bad UTF-8
        case 2: bytes.insert(contentsOf: Array("99999999999999999999999999".utf8), at: position)  // huge number
        case 3: bytes.insert(UInt8(ascii: "-"), at: position)                      // negative values
        case 4:                                                                     // a duplicated line
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let index = Int.random(in: 0..<lines.count, using: &random)
            bytes = Array((lines[...index] + [lines[index]] + lines[(index + 1)...]).joined(separator: "\n").utf8)
        case 5: bytes.insert(contentsOf: Array(String(repeating: "[", count: 5_000).utf8), at: position)  // deep nesting
        case 6: bytes.insert(contentsOf: Array(String(repeating: "- ", count: 5_000).utf8), at: position)
        case 7: bytes.remove(at: position)                                          // a lost byte
        case 8: bytes = replacingATime(in: text, using: &random)                   // a spreadsheet's or a placeholder's time
        default: bytes[position] = UInt8.random(in: 0...255, using: &random)       // a flipped byte
        }
        return bytes
    }

    /// `text` with one `H:MM:SS` time replaced: wrapped at 24 hours, zero, a day fraction, a date.
    static func replacingATime(in text: String, using random: inout SplitMix64) -> [UInt8] {
        let bytes = Array(text.utf8)
        func isDigit(_ index: Int) -> Bool { index < bytes.count && (0x30...0x39).contains(bytes[index]) }
        // Ends of `DD:DD:DD` runs: the seconds of a time.
        let ends = bytes.indices.filter { index in
            index >= 7 && [index - 7, index - 6, index - 4, index - 3, index - 1, index].allSatisfy(isDigit)
                && bytes[index - 5] == UInt8(ascii: ":") && bytes[index - 2] == UInt8(ascii: ":")
        }
        guard let end = ends.isEmpty ? nil : ends[Int.random(in: 0..<ends.count, using: &random)] else { return bytes }
        var start = end - 7
        while start > 0, (0x30...0x39).contains(bytes[start - 1]) { start -= 1 }
        let time = String(decoding: bytes[start...end], as: UTF8.self)
        let hours = Int(time.prefix { $0 != ":" }) ?? 0
        let rest = time.drop { $0 != ":" }
        let replacements = ["\(hours % 24)\(rest)", "0:00:00", "2.499", "1900-01-02 11:58:21", "45371.5"]
        let replacement = replacements[Int.random(in: 0..<replacements.count, using: &random)]
        return Array(bytes[..<start]) + Array(replacement.utf8) + Array(bytes[(end + 1)...])
    }
}
