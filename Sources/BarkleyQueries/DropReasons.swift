import BarkleyArchive
import SQLiteLayer

/// Non-finishers counted by why they did not finish (Mahoney's 1998 table gives a reason for
/// every runner): one group per coded reason, one of the disqualified, one with no coded reason.
public struct DropReasonCount: Sendable, Hashable, Codable {
    /// The coded reason; nil for the disqualified (``disqualified``) and for the non-finishers
    /// no source gives a coded reason for (a `reason_note` may still say why in words, or that
    /// no reason is known: Andrew Thompson 1998, "Mahoney gives no reason").
    public var reason: DropReason?
    /// True for the group of disqualified entrants: the DQ is why they did not finish, whatever
    /// code their file gives it (`other` for Tom Possert and Eric Clifton, 1988); the cause is in
    /// words in their `reason_note` ("skipped a one-mile section of the course", Furtaw).
    public var disqualified: Bool = false
    /// Named non-finishers in this group: `runners.count`; unnamed ones are not counted.
    public var count: Int
    /// The entrants, in the order of their editions and the sources' order within one.
    public var runners: [String]
    /// The edition of each of ``runners``, in the same order: a runner may drop in several
    /// years. Not in JSON (its `runners` are the names alone).
    public var years: [Int] = []

    enum CodingKeys: String, CodingKey {
        case reason, disqualified, count, runners
    }

    /// Explicit, so that an unknown reason is written `null` like every unknown.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reason, forKey: .reason)
        try container.encode(disqualified, forKey: .disqualified)
        try container.encode(count, forKey: .count)
        try container.encode(runners, forKey: .runners)
    }
}

extension SQL {
    static let dropReasons = NamedQuery("non-finishers and their reasons", """
        SELECT entry.reason AS reason, entry.outcome = 'disqualified' AS disqualified, runner.name AS runner, edition.year AS year
        FROM edition CROSS JOIN entry ON entry.edition_id = edition.id CROSS JOIN runner ON runner.id = entry.runner_id
        WHERE edition.race = ?1 AND (?2 IS NULL OR edition.year = ?2)
          AND +entry.outcome <> 'finish'
          AND (+entry.outcome <> 'unknown' OR entry.reason IS NOT NULL OR entry.reason_note IS NOT NULL)
        ORDER BY edition.year, entry.position
        """, sample: [.text(Edition.barkley), .integer(1998)])
}

extension History {
    /// The named non-finishers of one edition (or every edition, `year` nil) by why they did not
    /// finish: the coded reasons in their order (`DropReason`), then the disqualified, then
    /// those with no coded reason. Groups with nobody are left out.
    ///
    /// A non-finisher is a named entry that did not finish: its outcome is known and is not a
    /// finish — a fun run ("a fun run is still a DNF": 1998's fun runners missed the 36:00
    /// cutoff for the 100), over the limit, dropped, disqualified, did not start — or it is
    /// unknown but a reason or reason note says why it did not finish (neither is allowed on a
    /// finisher). A finisher is never counted.
    ///
    /// - Throws: ``QueryError/noEdition(race:year:)`` when the archive has no such year;
    ///   `SQLiteError` when the archive cannot be read.
    public func dropReasons(year: Int?) throws -> [DropReasonCount] {
        if let year { _ = try editionFacts(year: year) }
        var byReason: [DropReason?: [(runner: String, year: Int)]] = [:]
        var disqualified: [(runner: String, year: Int)] = []
        for row in try connection.rows(SQL.dropReasons.sql, [race, year]) {
            let entrant = (runner: try row.require("runner", as: String.self), year: try row.require("year", as: Int.self))
            if try row.require("disqualified", as: Bool.self) {
                disqualified.append(entrant)
                continue
            }
            byReason[try row.optional("reason", as: String.self).flatMap(DropReason.init(rawValue:)), default: []].append(entrant)
        }
        let coded = DropReason.allCases.compactMap { reason in
            byReason[reason].map { DropReasonCount(reason: reason, count: $0.count, runners: $0.map(\.runner), years: $0.map(\.year)) }
        }
        return coded
            + (disqualified.isEmpty ? [] : [DropReasonCount(reason: nil, disqualified: true, count: disqualified.count,
                                                                   runners: disqualified.map(\.runner), years: disqualified.map(\.year))])
            + (byReason[nil].map { [DropReasonCount(reason: nil, count: $0.count, runners: $0.map(\.runner), years: $0.map(\.year))] } ?? [])
    }
}
