import BarkleyArchive
import Foundation
import SeededRandom

/// Generates strings that a YAML reader would take for something other than text if they were
/// written plain: every YAML 1.1 boolean and null spelling in random case, integers (octal,
/// `0o`, hex, binary, `1_000`, signed), floats (`1e3`, `.inf`, `.NaN`), base-60 numbers, dates
/// and timestamps, the merge and value keys, indicator-led text and `: ` / ` #` inside.
///
/// ``tidy()`` gives strings an import keeps as they are (no white space at either end, no
/// controls); ``wild()`` adds the ones only quoting can carry (white space at the ends, tabs,
/// line separators, an empty string), for checks that do not go through the import door.
struct TrickyYAMLStrings {
    var random: SplitMix64

    private static let words = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]
    private static let indicators: [Character] = ["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`"]

    mutating func tidy() -> String {
        switch random.int(in: 0...11) {
        case 0, 1: return caseForm(Self.words[random.int(in: 0...Self.words.count - 1)])
        case 2: return ["~", "<<", "=", "Null", "NULL"][random.int(in: 0...4)]
        case 3: return sign() + integer()
        case 4: return float()
        case 5: return sexagesimal()
        case 6: return timestamp()
        case 7: return "\(Self.indicators[random.int(in: 0...Self.indicators.count - 1)])\(word())"
        case 8: return "\(word()): \(word())"
        case 9: return "\(word()) #\(word())"
        case 10: return "\(word()):"
        default: return "\(caseForm(Self.words[random.int(in: 0...Self.words.count - 1)])) \(word())"  // ordinary text, stays plain
        }
    }

    mutating func wild() -> String {
        switch random.int(in: 0...8) {
        case 7: return tidy() + "\n " + tidy() + " \n"            // several lines, spaces at line ends
        case 8: return ["---", "...", "--- \(word())", "... \(word())"][random.int(in: 0...3)]  // document markers
        case 0: return " " + tidy()
        case 1: return tidy() + " "
        case 2: return "\u{A0}" + tidy() + "\u{A0}"
        case 3: return tidy() + "\t" + tidy()
        case 4: return tidy() + "\u{2028}" + tidy()
        case 5: return ""
        default: return tidy()
        }
    }

    mutating func word() -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyzéøß")
        return String((0..<random.int(in: 1...6)).map { _ in letters[random.int(in: 0...letters.count - 1)] })
    }

    /// `yes`, `YES`, `Yes` or a mixed form such as `yEs`.
    private mutating func caseForm(_ word: String) -> String {
        switch random.int(in: 0...3) {
        case 0: return word
        case 1: return word.uppercased()
        case 2: return word.prefix(1).uppercased() + word.dropFirst()
        default: return String(word.map { random.chance(0.5) ? Character($0.uppercased()) : $0 })
        }
    }

    private mutating func sign() -> String { ["", "", "+", "-"][random.int(in: 0...3)] }

    private mutating func digits(_ alphabet: String, _ count: ClosedRange<Int>) -> String {
        let characters = Array(alphabet)
        return String((0..<random.int(in: count)).map { _ in characters[random.int(in: 0...characters.count - 1)] })
    }

    private mutating func integer() -> String {
        switch random.int(in: 0...5) {
        case 0: return "\(random.int(in: 0...99_999))"
        case 1: return "0" + digits("01234567", 1...4)                       // 1.1 octal: 0123
        case 2: return "0o" + digits("01234567", 1...4)                      // 1.2 octal: 0o17
        case 3: return "0x" + digits("0123456789abcdefABCDEF", 1...4)        // 0x1F
        case 4: return "0b" + digits("01", 1...8)
        default: return "\(random.int(in: 1...999))_" + digits("0123456789", 3...3)  // 1_000
        }
    }

    private mutating func float() -> String {
        switch random.int(in: 0...5) {
        case 0: return sign() + "\(random.int(in: 0...999)).\(random.int(in: 0...99))"
        case 1: return "." + digits("0123456789", 1...3)
        case 2: return "\(random.int(in: 1...9))e\(["", "+", "-"][random.int(in: 0...2)])\(random.int(in: 0...12))"  // 1e3
        case 3: return "\(random.int(in: 0...99))."
        case 4: return sign() + "." + caseForm("inf")
        default: return "." + ["nan", "NaN", "NAN"][random.int(in: 0...2)]
        }
    }

    /// `1:20`, `190:20:30`, `59:58:21`, `1:20.5`: base-60 numbers to YAML 1.1.
    private mutating func sexagesimal() -> String {
        var text = sign() + "\(random.int(in: 1...299))"
        for _ in 0..<random.int(in: 1...2) { text += ":" + String(format: "%02d", random.int(in: 0...59)) }
        if random.chance(0.2) { text += ".\(random.int(in: 0...9))" }
        return text
    }

    private mutating func timestamp() -> String {
        let year = random.int(in: 1986...2030), month = random.int(in: 1...12), day = random.int(in: 1...28)
        switch random.int(in: 0...3) {
        case 0: return String(format: "%04d-%02d-%02d", year, month, day)
        case 1: return "\(year)-\(month)-\(day)"
        case 2: return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, random.int(in: 0...23), random.int(in: 0...59), random.int(in: 0...59))
        default: return String(format: "%04d-%02d-%02d %02d:%02d:%02d.5 +01:00", year, month, day, random.int(in: 0...23), random.int(in: 0...59), random.int(in: 0...59))
        }
    }
}

/// Editions whose every text field (race, notes, source keys and citations, entrant names,
/// `listed_as`, notes, time notes) is a ``TrickyYAMLStrings`` string.
struct TrickyEditions {
    var strings: TrickyYAMLStrings

    init(seed: UInt64) { strings = TrickyYAMLStrings(random: SplitMix64(seed: seed)) }

    /// One valid edition; `text` draws each string (``TrickyYAMLStrings/tidy()`` for editions
    /// that go through an import).
    mutating func edition(year: Int, text: (inout TrickyYAMLStrings) -> String) -> Edition {
        var edition = Edition(race: strings.random.chance(0.5) ? Edition.barkley : text(&strings), year: year,
                              format: RaceFormat(loops: 5, timeLimit: RaceTime(hours: 60, minutes: 0)), entrantList: .partial)
        edition.notes = text(&strings)
        var keys: [String] = [], citations: [String] = []
        for _ in 0..<strings.random.int(in: 1...3) {
            let key = text(&strings), citation = nonBlank(text(&strings))
            // Keys are unique in an edition, citations in an archive.
            guard !keys.contains(key), !key.isEmpty, !citations.contains(citation) else { continue }
            keys.append(key)
            citations.append(citation)
            edition.sources.append(SourceReference(key: key, citation: citation))
        }
        edition.cited = keys.isEmpty ? [] : [keys[strings.random.int(in: 0...keys.count - 1)]]
        var entrant = Entrant(name: nonBlank(text(&strings)), listedAs: text(&strings), country: "USA", sex: .female)
        entrant.note = text(&strings)
        entrant.loopsCompleted = 1
        entrant.times = [LoopTime(loop: 1, elapsed: RaceTime(hours: 9, minutes: strings.random.int(in: 0...59)),
                                  cited: edition.cited, note: text(&strings))]
        entrant.cited = keys
        edition.entrants = [entrant]
        return edition
    }

    private func nonBlank(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "X" + text : text
    }
}
