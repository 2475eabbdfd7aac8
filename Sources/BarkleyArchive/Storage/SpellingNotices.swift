/// Notices for entrants joined to a runner whose name is written differently only in case or
/// accents ("jasmin paris", "Jasmín Paris" for the stored "Jasmin Paris").
///
/// Runners are matched by ``NameKey/fold(_:)``, which sets case and accents aside, so such an
/// entrant is the stored runner, and rightly: refusing would stop every file that writes a name
/// in capitals. But the join should not be silent: a source's own spelling belongs in
/// `listed_as`, and a typo should be corrected. The import report names both spellings.
///
/// The runners new in the batch are remembered by key, so that `--dry-run` (which writes
/// nothing, and so finds no stored runner for a name an earlier file of the batch adds) gives
/// the same notices as the import.
struct SpellingNotices {
    /// The first spelling of each runner new in this batch, by ``NameKey/fold(_:)``.
    private var newRunners: [String: String] = [:]

    /// The notices for `parsed`, whose entrants' stored runners are named `storedNames` (nil for
    /// an entrant new to the archive); notes this edition's new runners for the files after it.
    mutating func notices(in parsed: ParsedEdition, keys: EntrantKeys, storedNames: [String?]) -> [String] {
        var notices: [String] = []
        for (index, entrant) in parsed.edition.entrants.enumerated() where index < keys.names.count {
            let key = keys.names[index]
            guard let stored = storedNames[index] ?? newRunners[key] else {
                newRunners[key] = entrant.name
                continue
            }
            // Joined through another edition's `listed_as`: a spelling a file already named.
            guard stored != entrant.name, NameKey.fold(stored) == key else { continue }
            let line = EditionValidator.line(of: "entrants[\(index)].name", in: parsed).map { ":\($0)" } ?? ""
            notices.append("'\(entrant.name)' (\(parsed.fileName)\(line)) is joined to the archive's runner '\(stored)': "
                + "the names differ only in case or accents. If the source spells it so, write `name: \(stored)` and "
                + "`listed_as: \(entrant.name)`; if not, write `name: \(stored)`")
        }
        return notices
    }
}
