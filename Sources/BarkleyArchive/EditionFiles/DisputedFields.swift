import Yams

// `disputed:` in edition files: reading, writing and the canonical text of an alternative.
// See "Disputed values" in the Edition files article.

extension DisputedField {
    /// The canonical text of `text` read as this field's value would be (`38`, `07:54`,
    /// `57:53:20`, `false`); nil when it is not a valid value of the field.
    func canonical(_ text: String) -> String? {
        switch kind {
        case .count, .loops:
            let range = kind == .loops ? 0...RaceBounds.maxLoops : 0...RaceBounds.maxCount
            guard text.utf8.allSatisfy({ $0 < 0x80 }), let value = Int(text), range.contains(value) else { return nil }
            return String(value)
        case .time:
            guard let time = RaceTime(parsing: text), (1...RaceBounds.maxSeconds).contains(time.seconds) else { return nil }
            return time.description
        case .date: return SchemaRules.isDate(text) ? text : nil
        case .clock: return SchemaRules.isClockTime(text) ? text : nil
        case .country: return CountryCode.isValid(text) ? text : nil
        case .sex: return Sex(rawValue: text)?.rawValue
        case .outcome: return Outcome(rawValue: text).flatMap { $0 == .unknown ? nil : $0.rawValue }
        case .bool: return DoorText.bool(text).map { $0 ? "true" : "false" }
        }
    }

    /// What a value of the field looks like, for a message.
    var expected: String {
        switch kind {
        case .count: "a whole number in 0…\(RaceBounds.maxCount)"
        case .loops: "a whole number of loops in 0…\(RaceBounds.maxLoops)"
        case .time: "an elapsed time H:MM:SS (or H:MM when published to the minute) up to 1000 hours"
        case .date: "a date written YYYY-MM-DD"
        case .clock: "a 24-hour clock time written HH:MM"
        case .country: "an ISO 3166-1 alpha-3 code such as GBR"
        case .sex: "one of: " + Sex.allCases.map(\.rawValue).joined(separator: ", ")
        case .outcome: "one of: " + Outcome.allCases.filter { $0 != .unknown }.map(\.rawValue).joined(separator: ", ")
        case .bool: "true or false"
        }
    }
}

extension YAMLFields.Mapping {
    /// The `disputed:` field of this mapping, read as the disputes of `level`: a map from a field
    /// of the level to a list of `{value, cite, note}`. Problems are noted, never thrown.
    func disputes(at level: DisputedField.Level) -> [Dispute] {
        guard let node = node("disputed") else { return [] }
        let path = path("disputed")
        let names = DisputedField.fields(of: level).map(\.rawValue)
        guard let map = fields.mapping(node, path: path, allowed: names) else { return [] }
        var disputes: [Dispute] = []
        for field in DisputedField.fields(of: level) {
            guard map.node(field.rawValue) != nil else { continue }
            let items = map.list(field.rawValue)
            if items.isEmpty {
                fields.report(.missingField, map.path(field.rawValue), line: map.line(of: field.rawValue),
                              "give at least one alternative `{value: …, cite: [key]}`, or leave the field out of `disputed:`")
                continue
            }
            let alternatives = items.compactMap { item, index in
                alternative(item, index: index, field: field, listPath: map.path(field.rawValue))
            }
            if alternatives.count == items.count { disputes.append(Dispute(field: field, alternatives: alternatives)) }
        }
        return disputes
    }

    private func alternative(_ node: Node, index: Int, field: DisputedField, listPath: String) -> Alternative? {
        guard let item = fields.mapping(node, path: listPath, index: index, allowed: ["value", "cite", "note"]) else { return nil }
        let cited = item.strings("cite")
        if cited.isEmpty {
            fields.report(.missingField, item.path("cite"), line: item.line(of: "cite") ?? item.line,
                          "is required: name the sources that give this value (`cite: [key]`)")
        }
        let note = item.text("note", as: .note)
        guard let text = item.text("value", required: true) else { return nil }
        guard let value = field.canonical(text) else {
            fields.report(.invalidValue, item.path("value"), line: item.line(of: "value"),
                          "'\(text)' is not a value of `\(field.rawValue)`: expected \(field.expected)")
            return nil
        }
        return cited.isEmpty ? nil : Alternative(value: value, cited: cited, note: note)
    }
}

extension EditionFileWriter {
    /// `disputed:` as written in a canonical file: fields in ``DisputedField`` order, each a
    /// list of `{value, cite, note}`; a block mapping at the edition and entrant levels, a flow
    /// mapping inside a one-line item (a cutoff, loop count or loop time).
    static func disputed(_ disputes: [Dispute], flow: Bool) -> Node {
        let pairs = disputes.canonicallyOrdered.map { dispute -> (String, Node) in
            let items = dispute.alternatives.map { alternative in
                var item: [(String, Node)] = [("value", value(alternative.value, of: dispute.field))]
                item.append(("cite", keyList(alternative.cited)))
                if let note = alternative.note { item.append(("note", quoted(note))) }
                return flowMap(item)
            }
            return (dispute.field.rawValue, flow ? .sequence(.init(items, Tag(.seq), .flow)) : blockList(items))
        }
        return flow ? flowMap(pairs) : blockMap(pairs)
    }

    /// A cutoff's `cite` and `disputed`, after its loop and time.
    static func cutoffFields(_ sources: CutoffSources?) -> [(String, Node)] {
        guard let sources else { return [] }
        return (sources.cited.isEmpty ? [] : [("cite", keyList(sources.cited))])
            + (sources.disputed.isEmpty ? [] : [("disputed", disputed(sources.disputed, flow: true))])
    }

    /// An alternative's value written as its field is: numbers and booleans plain, times,
    /// dates and countries quoted, codes as plain text.
    private static func value(_ text: String, of field: DisputedField) -> Node {
        switch field.kind {
        case .count, .loops: .scalar(.init(text, Tag(.int), .plain))
        case .bool: .scalar(.init(text, Tag(.bool), .plain))
        case .time, .date, .clock, .country: quoted(text)
        case .sex, .outcome: plain(text)
        }
    }
}
