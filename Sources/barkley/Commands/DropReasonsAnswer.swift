import BarkleyArchive
import BarkleyQueries
import BarkleyPresentation

/// An attrition answer with the non-finishers counted by reason (`attrition --by-reason`).
///
/// JSON: the attrition's own fields, and `by_reason` (array of `reason` — a code, or null for
/// the disqualified and for the non-finishers no source gives a coded reason for —
/// `disqualified`, `count`, `runners`). CSV gives the groups, with the same columns.
struct DropReasonsAnswer<Base: Presentable>: Presentable {
    var base: Base
    var reasons: [DropReasonCount]

    var report: Report {
        var report = base.report
        report.tables.append(Table(
            title: "Non-finishers by reason",
            columns: ["Reason", .number("Count"), "Runners"],
            // In words for a reader (`refused to continue`), as `edition` and the site say it.
            rows: reasons.map { [.text(Presentation.dropReasonGroup($0)), .text("\($0.count)"),
                                 .text(Self.runnersWithYears($0))] },
            emptyMessage: "No named non-finisher."))
        report.csvTable = report.tables.count - 1
        // CSV as JSON: the code (`refused_to_continue`), empty where JSON has null; runners `;`-joined.
        report.csvData = Table(columns: [.text("Reason", key: "reason"), .text("Disqualified", key: "disqualified"),
                                         .number("Count", key: "count"), .text("Runners", key: "runners")],
                               rows: reasons.map { [$0.reason.map { .text($0.rawValue) } ?? "", .text("\($0.disqualified)"),
                                                    .text("\($0.count)"), .text($0.runners.joined(separator: ";"))] })
        return report
    }

    var json: JSON { JSON(base: base.json, byReason: reasons) }

    /// The runners of one reason for a reader: across several editions, each runner once with
    /// their years (`Fred Pilon (2001, 2003)`), where the same name listed twice read as two
    /// runners; within one edition, the names alone.
    static func runnersWithYears(_ count: DropReasonCount) -> String {
        guard count.years.count == count.runners.count, Set(count.years).count > 1 else { return count.runners.joined(separator: ", ") }
        var order: [String] = [], years: [String: [Int]] = [:]
        for (runner, year) in zip(count.runners, count.years) {
            if years[runner] == nil { order.append(runner) }
            years[runner, default: []].append(year)
        }
        return order.map { runner in "\(runner) (\(years[runner, default: []].map(String.init).joined(separator: ", ")))" }.joined(separator: ", ")
    }

    /// The base answer's JSON object with `by_reason` beside its fields.
    struct JSON: Encodable {
        var base: Base.JSON
        var byReason: [DropReasonCount]

        enum CodingKeys: String, CodingKey { case byReason = "by_reason" }

        func encode(to encoder: any Encoder) throws {
            try base.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(byReason, forKey: .byReason)
        }
    }
}
