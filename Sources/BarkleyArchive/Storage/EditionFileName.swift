import Foundation
import SQLiteLayer

/// The file an edition is exported to: one per edition, on every file system.
///
/// - The Barkley's editions are `YEAR.yaml` (`2024.yaml`), as in `SampleData/`.
/// - Another race's are `SLUG-YEAR.yaml`, the slug being its name with case, accents and width
///   folded and every character that is not a letter or a digit written `-`
///   (`Hardrock 100` → `hardrock-100-2024.yaml`); never at the start, so no name starts with
///   `-` or `.` (`../Race/A` → `race-a-2024.yaml`), and a name of neither is `race`.
/// - Races whose slugs meet (`Race A`, `race a`, `Race-A`, `Räce Ä`) each get a suffix made
///   from their exact name (`race-a-2024-1c2d3e4f.yaml`), so none overwrites another; the suffix
///   depends on the race's name only, so the same race keeps the same file in every export.
/// - A name is at most ``maximumBytes`` bytes of UTF-8: a longer slug is cut at a character
///   boundary and always takes the suffix, so two long names that start alike stay apart.
public enum EditionFileName {
    /// The longest file name written, in bytes of UTF-8. File systems allow 255 bytes (ext4,
    /// APFS, NTFS in UTF-16 units); eCryptfs allows 143. 128 leaves room on all of them.
    public static let maximumBytes = 128

    /// The file names for `editions`, in the same order, all distinct even on a file system
    /// that ignores case or Unicode normalization.
    ///
    /// - Throws: ``ExportError/sameFileName(first:second:name:)`` when two editions would still share a
    ///   name (only if two race names' suffixes collide), naming both editions.
    public static func names(for editions: [Edition]) throws -> [String] {
        let bases = editions.map(base(for:))
        var count: [String: Int] = [:]
        for base in bases { count[base.name.lowercased(), default: 0] += 1 }
        let names = zip(editions, bases).map { edition, base in
            base.needsSuffix || count[base.name.lowercased(), default: 0] > 1 ? suffixed(edition, slug: base.slug) : base.name
        }
        var owner: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if let first = owner.updateValue(index, forKey: name.lowercased()) {
                throw ExportError.sameFileName(first: (editions[first].race, editions[first].year), second: (editions[index].race, editions[index].year), name: name)
            }
        }
        return names
    }

    /// The name of `edition` with no other edition in view, its slug, and whether the slug had
    /// to be cut (then the name must take the suffix).
    static func base(for edition: Edition) -> (name: String, slug: String, needsSuffix: Bool) {
        guard edition.race != Edition.barkley else { return ("\(edition.year).yaml", "", false) }
        let folded = edition.race.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        let full = slug(of: folded)
        let room = maximumBytes - "-\(edition.year)-\(suffix(of: edition.race)).yaml".utf8.count
        guard full.utf8.count > room else { return ("\(full)-\(edition.year).yaml", full, false) }
        var slug = ""
        for character in full {
            guard slug.utf8.count + character.utf8.count <= room else { break }
            slug.append(character)
        }
        return (suffixed(edition, slug: slug), slug, true)
    }

    /// `folded` with every character that is not a letter or a digit written `-`, without the
    /// leading ones: a name starting with `-` reads as an option to a shell command
    /// (`../Race/A` → `race-a`, not `---race-a`). A name of no letters or digits is `race`.
    static func slug(of folded: String) -> String {
        let slug = String(folded.map { $0.isLetter || $0.isNumber ? $0 : "-" }.drop { $0 == "-" })
        return slug.isEmpty ? "race" : slug
    }

    private static func suffixed(_ edition: Edition, slug: String) -> String {
        "\(slug)-\(edition.year)-\(suffix(of: edition.race)).yaml"
    }

    /// Eight hex digits of the race's exact name (FNV-1a), the same on every run and machine.
    private static func suffix(of race: String) -> String {
        String(Checksum.fnv1a64(race).prefix(8))
    }
}

/// Why an export wrote nothing.
public enum ExportError: Error, CustomStringConvertible {
    /// Two editions (race and year) would be written to the same file.
    case sameFileName(first: (race: String, year: Int), second: (race: String, year: Int), name: String)

    public var description: String {
        switch self {
        case .sameFileName(let first, let second, let name):
            "the \(first.race) edition of \(first.year) and the \(second.race) edition of \(second.year) would both be written to \(name); nothing was written"
        }
    }
}
