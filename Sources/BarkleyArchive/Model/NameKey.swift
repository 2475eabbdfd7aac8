import Foundation

/// The form of a name used to match it: case, accents and spacing folded away,
/// so "aurelien  SANCHEZ" and "Aurélien Sanchez" share one key.
public enum NameKey {
    public static func fold(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }
}
