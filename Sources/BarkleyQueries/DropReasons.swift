import BarkleyArchive
import SQLiteLayer

/// Why entrants did not finish, counted by reason (Mahoney's 1998 table gives one for every runner).
public struct DropReasonCount: Sendable, Hashable, Codable {
    /// The coded reason; nil for non-finishers no source gives a reason for.
    public var reason: DropReason?
    /// Named non-finishers with this reason: `runners.count`; unnamed ones are not counted.
    public var count: Int
    /// The entrants, in the order of their editions and the sources' order within one.
    public var runners: [String]
    /// The edition of each of ``runners``, in the same order: a runner may drop in several
    /// years. Not in JSON (its `runners` are the names alone).
    public var years: [Int] = []

    enum CodingKeys: String, CodingKey {
        case reason, count, runners
    }

    /// Explicit, so that an unknown reason is written `null` like every unknown.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reason, forKey: .reason)
        try container.encode(count, forKey: .count)
        try container.encode(runners, forKey: .runners)
    }
}

extension SQL {
    static let dropReasons = NamedQuery("non-finishers and their reasons", """
        SELECT entry.reason AS reason, runner.name AS runner, edition.year AS year
        FROM edition CROSS JOIN entry ON entry.edition_id = edition.id CROSS JOIN runner ON runner.id = entry.runner_id
        WHERE edition.race = ?1 AND (?2 IS NULL OR edition.year = ?2)
          AND +entry.outcome <> 'finish' AND (+entry.outcome <> 'unknown' OR entry.reason IS NOT NULL)
        ORDER BY edition.year, entry.position
        """, sample: [.text(Edition.barkley), .integer(1998)])
}

extension History {
    /// The named non-finishers of one edition (or every edition, `year` nil) by the reason the
    /// sources give: the reasons in their coded order, then those with none given.
    ///
    /// A non-finisher is any named entry whose outcome is known and is not a finish (a fun run,
    /// over the limit, dropped, disqualified, did not start), or that has a reason.
    ///
    /// - Throws: ``QueryError/noEdition(race:year:)`` when the archive has no such year;
    ///   `SQLiteError` when the archive cannot be read.
    public func dropReasons(year: Int?) throws -> [DropReasonCount] {
        if let year { _ = try editionFacts(year: year) }
        var byReason: [DropReason?: [(runner: String, year: Int)]] = [:]
        for row in try connection.rows(SQL.dropReasons.sql, [race, year]) {
            let reason = try row.optional("reason", as: String.self).flatMap(DropReason.init(rawValue:))
            byReason[reason, default: []].append((try row.require("runner"), try row.require("year")))
        }
        return (DropReason.allCases.map(Optional.some) + [nil]).compactMap { reason in
            byReason[reason].map { DropReasonCount(reason: reason, count: $0.count, runners: $0.map(\.runner), years: $0.map(\.year)) }
        }
    }
}
