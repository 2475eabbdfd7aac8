import Foundation

/// The form of a name used to match it: case, accents and spacing folded away,
/// so "aurelien  SANCHEZ" and "Aurélien Sanchez" share one key.
public enum NameKey {
    public static func fold(_ name: String) -> String {
        // Most names are plain ASCII: fold those without Foundation's Unicode machinery.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            return name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        return name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }
}
