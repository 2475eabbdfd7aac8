import Foundation

/// The form of a name used to match it: case, accents and spacing folded away,
/// so "aurelien  SANCHEZ" and "Aurélien Sanchez" share one key.
public enum NameKey {
    public static func fold(_ name: String) -> String {
        // Most names are plain ASCII: fold those byte by byte, without Foundation's Unicode machinery.
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return foldASCII(name) }
        return foldUnicode(name)
    }

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

    /// No entrants (a file that could not be read).
    init() {
        names = []
        listedAs = []
    }

    init(_ edition: Edition) {
        names = edition.entrants.map { NameKey.fold($0.name) }
        listedAs = edition.entrants.map { $0.listedAs.map(NameKey.fold) }
    }
}
