import Foundation

/// The form of a name used to match it: case, accents and spacing folded away,
/// so "aurelien  SANCHEZ" and "Aurélien Sanchez" share one key.
public enum NameKey {
    public static func fold(_ name: String) -> String {
        // Most names are plain ASCII: fold those byte by byte, without Foundation's Unicode machinery.
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return foldASCII(name) }
        return foldUnicode(name)
    }

    /// The key two spellings of one person share: ``fold(_:)``, then apostrophes (' ’ ‘ ʼ ` ´ ′)
    /// and full stops dropped, hyphens and dashes (- ‐ ‑ ‒ – — ― −) made spaces, "Last, First"
    /// turned to "First Last" ("John Kelly, Jr." keeps its suffix), and the words put in order,
    /// so that a name written family name first, with or without a comma, meets the other order
    /// ("Kelly, John" and "Kelly John" → "john kelly").
    ///
    /// Runners are matched by ``fold(_:)`` alone: two names that meet only here ("Dan O'Brien",
    /// "Dan O’Brien") may be two people, so the import stops and asks rather than joining them
    /// (see ``NearNames``).
    public static func identity(_ name: String) -> String {
        identity(folded: fold(name))
    }

    /// ``identity(_:)`` of a name already folded by ``fold(_:)``.
    static func identity(folded: String) -> String {
        // Most names have nothing to fold here: ASCII letters and single spaces only.
        if folded.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "'") && $0 != UInt8(ascii: "`") && $0 != UInt8(ascii: ".")
                && $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: ",") }) {
            return wordsInOrder(folded) ? folded : folded.split(separator: " ").sorted().joined(separator: " ")
        }
        var words: [[Character]] = [[]]
        var commas = 0
        for character in folded {
            switch character {
            case "'", "’", "‘", "ʼ", "`", "´", "′", ".":
                continue
            case "-", "‐", "‑", "‒", "–", "—", "―", "−", " ":
                if !words[words.count - 1].isEmpty { words.append([]) }
            case ",":
                commas += 1
                if !words[words.count - 1].isEmpty { words.append([]) }
                words.append([","])
                words.append([])
            default:
                words[words.count - 1].append(character)
            }
        }
        var parts = words.filter { !$0.isEmpty }.map { String($0) }
        if commas == 1, let comma = parts.firstIndex(of: ","), comma > 0, comma < parts.count - 1 {
            let after = Array(parts[(comma + 1)...])
            if !(after.count == 1 && suffixes.contains(after[0])) {
                parts = after + Array(parts[..<comma])
            }
        }
        let identity = parts.filter { $0 != "," }.sorted().joined(separator: " ")
        // A "name" of punctuation alone keeps its plain key rather than meeting every other one.
        return identity.isEmpty ? folded : identity
    }

    /// True when the space-separated words of an ASCII name are already in order (most names
    /// are: "brett maune"), found on the bytes without building an array of words.
    private static func wordsInOrder(_ name: String) -> Bool {
        var previous: Substring.UTF8View? = nil
        for word in name.utf8.split(separator: UInt8(ascii: " ")) {
            if let previous, word.lexicographicallyPrecedes(previous) { return false }
            previous = word
        }
        return true
    }

    /// Name suffixes written after a comma that is not "Last, First" ("John Kelly, Jr.").
    private static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "v"]

    /// The general fold, for any text.
    static func foldUnicode(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }

    /// Lower-cases ASCII letters and collapses runs of white space to one space, trimming both ends.
    private static func foldASCII(_ name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for byte in name.utf8 {
            switch byte {
            case 0x09...0x0D, 0x20:
                pendingSpace = !bytes.isEmpty
            default:
                if pendingSpace { bytes.append(0x20); pendingSpace = false }
                bytes.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Each entrant's name and `listed_as` spelling of an edition, folded by ``NameKey``: folded
/// once where a file is read, then used to check the edition and to write it.
struct EntrantKeys: Sendable {
    var names: [String]
    var listedAs: [String?]
    /// Each name's ``NameKey/identity(_:)``, which also folds punctuation and name order.
    var identities: [String]

    /// No entrants (a file that could not be read).
    init() {
        names = []
        listedAs = []
        identities = []
    }

    init(_ edition: Edition) {
        names = edition.entrants.map { NameKey.fold($0.name) }
        listedAs = edition.entrants.map { $0.listedAs.map(NameKey.fold) }
        identities = zip(edition.entrants, names).map { NameKey.identity(folded: $1) }
    }
}
