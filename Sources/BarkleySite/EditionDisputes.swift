import BarkleyArchive
import BarkleyPresentation
import Mustache

/// The Disputes section of an edition page: every fact the sources disagree on, numbered, with
/// each value (the preferred one first) and its numbered sources; and the "disputed" links that
/// the values shown elsewhere on the page carry to their entry here.
struct EditionDisputes {
    struct ValueModel {
        var value: String
        var preferred: Bool
        var refs: [EditionPage.RefModel]
        var note: String?
    }

    struct EntryModel {
        /// The anchor `#dispute-N`.
        var number: Int
        var subject: String
        var values: [ValueModel]
    }

    private struct Key: Hashable {
        var field: DisputedField
        var runner: String?
        var loop: Int?
    }

    let entries: [EntryModel]
    private let numbers: [Key: Int]

    /// - Parameter footnotes: the footnote numbers of source keys, as the page numbers them.
    init(edition: Edition, footnotes: ([String]) -> [EditionPage.RefModel]) {
        var entries: [EntryModel] = []
        var numbers: [Key: Int] = [:]
        for fact in edition.disputedFacts {
            let number = entries.count + 1
            numbers[Key(field: fact.field, runner: fact.runner, loop: fact.loop)] = number
            let preferred = ValueModel(value: Presentation.disputedValue(fact.preferred, of: fact.field), preferred: true,
                                       refs: footnotes(fact.preferredCited), note: nil)
            let others = fact.alternatives.map {
                ValueModel(value: Presentation.disputedValue($0.value, of: fact.field), preferred: false, refs: footnotes($0.cited), note: $0.note)
            }
            entries.append(EntryModel(number: number, subject: Presentation.disputeSubject(fact), values: [preferred] + others))
        }
        self.entries = entries
        self.numbers = numbers
    }

    /// The links of the disputes over `fields` (of the entrant `runner`, of loop `loop`), in field order.
    func links(_ fields: DisputedField..., runner: String? = nil, loop: Int? = nil) -> [DisputeLink] {
        fields.compactMap { numbers[Key(field: $0, runner: runner, loop: loop)] }.map { DisputeLink(number: $0) }
    }

    /// The disputes over the loop counts the attrition chart draws, each named (`loop 2 started`).
    func loopCountLinks(_ counts: [LoopCount]) -> [DisputeLink] {
        counts.flatMap { count in
            [DisputedField.started, .completed].compactMap { field in
                numbers[Key(field: field, runner: nil, loop: count.loop)].map { DisputeLink(number: $0, mark: "loop \(count.loop) \(field.rawValue)") }
            }
        }
    }

    /// The links of the disputes over any cutoff (the page states the cutoffs in one fact).
    func cutoffLinks(loops: [Int]) -> [DisputeLink] {
        loops.flatMap { links(.time, loop: $0) }
    }
}

extension EditionDisputes.ValueModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "preferred": preferred
        case "refs": refs
        case "note": note
        default: nil
        }
    }
}

extension EditionDisputes.EntryModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "subject": subject
        case "values": values
        default: nil
        }
    }
}
