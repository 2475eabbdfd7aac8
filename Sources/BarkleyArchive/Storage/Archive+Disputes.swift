import SQLiteLayer

// Disputed values and the citations of cutoffs and loop counts (migration 0004): written with
// their edition by `store`, read back with it by `edition(year:race:)`.

extension Archive {
    /// Writes the edition-level disputes, the cutoffs' and loop counts' citations and disputes
    /// of `edition`, stored as `editionID`; after its sources, which they cite.
    func storeEditionDisputes(_ edition: Edition, editionID: Int64) throws {
        try storeDisputes(edition.disputed, editionID: editionID, entryID: nil, loop: nil)
        for (loop, sources) in edition.cutoffSources.sorted(by: { $0.key < $1.key }) {
            for (position, key) in sources.cited.enumerated() {
                try connection.run("INSERT INTO loop_cutoff_source (edition_id, loop, key, position) VALUES (?, ?, ?, ?)",
                                   [editionID, loop, key, position])
            }
            try storeDisputes(sources.disputed, editionID: editionID, entryID: nil, loop: loop)
        }
        for count in edition.loopCounts {
            for (position, key) in count.cited.enumerated() {
                try connection.run("INSERT INTO loop_count_source (edition_id, loop, key, position) VALUES (?, ?, ?, ?)",
                                   [editionID, count.loop, key, position])
            }
            try storeDisputes(count.disputed, editionID: editionID, entryID: nil, loop: count.loop)
        }
    }

    /// Writes the disputes of `entrant` and of its loop times, stored as `entryID`.
    func storeEntrantDisputes(_ entrant: Entrant, editionID: Int64, entryID: Int64) throws {
        try storeDisputes(entrant.disputed, editionID: editionID, entryID: entryID, loop: nil)
        for time in entrant.times where !time.disputed.isEmpty {
            try storeDisputes(time.disputed, editionID: editionID, entryID: entryID, loop: time.loop)
        }
    }

    private func storeDisputes(_ disputes: [Dispute], editionID: Int64, entryID: Int64?, loop: Int?) throws {
        guard !disputes.isEmpty else { return }
        let insert = try connection.cachedStatement("""
            INSERT INTO disputed_value (edition_id, entry_id, loop, field, position, value, note) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let insertSource = try connection.cachedStatement(
            "INSERT INTO disputed_value_source (disputed_id, edition_id, key, position) VALUES (?, ?, ?, ?)")
        for dispute in disputes.canonicallyOrdered {
            for (position, alternative) in dispute.alternatives.enumerated() {
                try insert.execute([.integer(editionID), DatabaseValue(entryID), DatabaseValue(loop), .text(dispute.field.rawValue),
                                    .integer(Int64(position)), .text(alternative.value), DatabaseValue(alternative.note)])
                let id = connection.lastInsertedRowID
                for (index, key) in alternative.cited.enumerated() {
                    try insertSource.execute([.integer(id), .integer(editionID), .text(key), .integer(Int64(index))])
                }
            }
        }
    }

    /// Adds to `edition` (read from the row `editionID`, its entrants in position order) its
    /// disputes and the citations of its cutoffs and loop counts.
    func readDisputes(into edition: inout Edition, editionID: Int64) throws {
        for row in try connection.rows("SELECT loop, key FROM loop_cutoff_source WHERE edition_id = ? ORDER BY loop, position", [editionID]) {
            edition.cutoffSources[try row.require("loop"), default: CutoffSources()].cited.append(try row.require("key"))
        }
        var countCitations: [Int: [String]] = [:]
        for row in try connection.rows("SELECT loop, key FROM loop_count_source WHERE edition_id = ? ORDER BY loop, position", [editionID]) {
            countCitations[try row.require("loop"), default: []].append(try row.require("key"))
        }
        for index in edition.loopCounts.indices { edition.loopCounts[index].cited = countCitations[edition.loopCounts[index].loop] ?? [] }

        var citations: [Int64: [String]] = [:]
        for row in try connection.rows("SELECT disputed_id, key FROM disputed_value_source WHERE edition_id = ? ORDER BY disputed_id, position",
                                       [editionID]) {
            citations[try row.require("disputed_id"), default: []].append(try row.require("key"))
        }
        let rows = try connection.rows("""
            SELECT disputed_value.id AS id, entry.position AS entry_position, disputed_value.loop AS loop, field, value,
                   disputed_value.note AS note
            FROM disputed_value LEFT JOIN entry ON entry.id = disputed_value.entry_id
            WHERE disputed_value.edition_id = ? ORDER BY disputed_value.id
            """, [editionID])
        for row in rows {
            guard let field = DisputedField(rawValue: try row.require("field")) else { continue }
            let alternative = Alternative(value: try row.require("value"), cited: citations[try row.require("id")] ?? [],
                                          note: try row.optional("note"))
            let entry: Int? = try row.optional("entry_position")
            let loop: Int? = try row.optional("loop")
            switch field.level {
            case .edition:
                edition.disputed.append(alternative, to: field)
            case .cutoff:
                if let loop { edition.cutoffSources[loop, default: CutoffSources()].disputed.append(alternative, to: field) }
            case .loopCount:
                if let index = edition.loopCounts.firstIndex(where: { $0.loop == loop }) {
                    edition.loopCounts[index].disputed.append(alternative, to: field)
                }
            case .entrant:
                if let entry, edition.entrants.indices.contains(entry) { edition.entrants[entry].disputed.append(alternative, to: field) }
            case .loopTime:
                if let entry, edition.entrants.indices.contains(entry),
                   let index = edition.entrants[entry].times.firstIndex(where: { $0.loop == loop }) {
                    edition.entrants[entry].times[index].disputed.append(alternative, to: field)
                }
            }
        }
    }
}

extension Array where Element == Dispute {
    /// Adds `alternative` to the dispute over `field`, starting one when there is none.
    mutating func append(_ alternative: Alternative, to field: DisputedField) {
        if let index = firstIndex(where: { $0.field == field }) {
            self[index].alternatives.append(alternative)
        } else {
            append(Dispute(field: field, alternatives: [alternative]))
        }
    }
}
