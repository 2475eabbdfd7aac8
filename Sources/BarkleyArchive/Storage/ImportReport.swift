/// What an import did, or would do with `--dry-run`, to one edition.
public struct ImportReport: Sendable, Hashable, CustomStringConvertible {
    public enum Change: String, Sendable, Hashable {
        /// The edition was not in the archive.
        case added
        /// The archive already held exactly this edition: nothing was written.
        case unchanged
        /// The edition replaced a different stored version.
        case replaced
    }

    public var fileName: String
    public var race: String
    public var year: Int
    public var change: Change
    public var dryRun: Bool
    /// Entrant names added, removed and changed, compared with the stored edition.
    public var addedEntrants: [String] = []
    public var removedEntrants: [String] = []
    public var changedEntrants: [String] = []
    /// Edition-level fields (format, counts, notes, sources) that differ from the stored edition.
    public var changedFields: [String] = []
    /// The edition's entrants and loop times, as read from the file; nil for a file reported
    /// unchanged without being read (its bytes are those the stored edition was imported from).
    public var entrantCount: Int?
    public var timeCount: Int?
    /// True for a file reported unchanged by its stamp in the import log (name, size, times,
    /// device and inode: migration 0009) without being opened; false for every file read.
    public var skippedUnread = false
    /// Things the import did that the file may not have meant, each naming what to write if it
    /// did not (an entrant joined to a runner whose stored name differs only in case or accents).
    public var notices: [String] = []

    public var description: String {
        summary + notices.map { "\n  notice: \($0)" }.joined()
    }

    /// The one-line summary ``description`` starts with.
    private var summary: String {
        let edition = race == Edition.barkley ? "\(year)" : "\(race) \(year)"
        let verb = dryRun ? "would be" : "was"
        switch change {
        case .unchanged:
            return "\(fileName): \(edition) unchanged (already in the archive; nothing written)"
        case .added:
            return "\(fileName): \(edition) \(verb) added (\(counted(entrantCount ?? 0, "entrant")), \(counted(timeCount ?? 0, "loop time")))"
        case .replaced:
            var parts: [String] = []
            if !changedFields.isEmpty { parts.append("changed \(changedFields.joined(separator: ", "))") }
            if !addedEntrants.isEmpty { parts.append("added \(addedEntrants.joined(separator: ", "))") }
            if !removedEntrants.isEmpty { parts.append("removed \(removedEntrants.joined(separator: ", "))") }
            if !changedEntrants.isEmpty { parts.append("changed entrants \(changedEntrants.joined(separator: ", "))") }
            return "\(fileName): \(edition) \(verb) replaced: " + parts.joined(separator: "; ")
        }
    }

    init(parsed: ParsedEdition, stored: Edition?, dryRun: Bool) {
        let edition = parsed.edition
        fileName = parsed.fileName
        race = edition.race
        year = edition.year
        self.dryRun = dryRun
        entrantCount = edition.entrants.count
        timeCount = edition.entrants.reduce(0) { $0 + $1.times.count }
        guard let stored else {
            change = .added
            return
        }
        guard stored != edition else {
            change = .unchanged
            return
        }
        change = .replaced
        let old = Dictionary(stored.entrants.map { (NameKey.fold($0.name), $0) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(edition.entrants.map { (NameKey.fold($0.name), $0) }, uniquingKeysWith: { first, _ in first })
        addedEntrants = edition.entrants.filter { old[NameKey.fold($0.name)] == nil }.map(\.name)
        removedEntrants = stored.entrants.filter { new[NameKey.fold($0.name)] == nil }.map(\.name)
        changedEntrants = edition.entrants.filter { entrant in
            old[NameKey.fold(entrant.name)].map { $0 != entrant } ?? false
        }.map(\.name)
        var fields: [String] = []
        if stored.held != edition.held { fields.append("held") }
        if stored.startDate != edition.startDate || stored.startTime != edition.startTime { fields.append("start") }
        if stored.format != edition.format { fields.append("format") }
        if stored.starters != edition.starters { fields.append("starters") }
        if stored.entrantList != edition.entrantList { fields.append("entrant_list") }
        if stored.statedFinishers != edition.statedFinishers || stored.statedFunRuns != edition.statedFunRuns { fields.append("counts") }
        if stored.loopCounts != edition.loopCounts { fields.append("loop_counts") }
        if stored.sources != edition.sources || stored.cited != edition.cited { fields.append("sources") }
        if stored.notes != edition.notes { fields.append("notes") }
        if fields.isEmpty, addedEntrants.isEmpty, removedEntrants.isEmpty, changedEntrants.isEmpty {
            fields.append("entrant order")
        }
        changedFields = fields
    }
}
