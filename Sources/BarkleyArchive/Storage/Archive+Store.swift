import Foundation
import SQLiteLayer

extension Archive {
    /// Writes `edition` in place of the stored edition of the same race and year, if any.
    /// The caller runs this inside a transaction.
    ///
    /// - Parameters:
    ///   - runnerIDs: the stored runner of each entrant, nil for a new one, resolved (by
    ///     ``runnerMatches(forKey:name:replacingEditionOf:year:)``) before the old edition and the
    ///     spellings it listed go.
    ///   - keys: the entrants' folded names (``EntrantKeys``).
    func store(_ edition: Edition, runnerIDs: [Int64?], keys: EntrantKeys) throws {
        precondition(runnerIDs.count == edition.entrants.count && keys.names.count == edition.entrants.count,
                     "one runner (or nil) and one name key per entrant")
        let previous = try previousReferences(race: edition.race, year: edition.year)
        try unindexEdition(race: edition.race, year: edition.year)
        try connection.run("DELETE FROM edition WHERE race = ? AND year = ?", [edition.race, edition.year])
        try connection.run("""
            INSERT INTO edition (race, year, held, start_date, start_time, finish_loops, finish_limit_seconds,
                                 fun_run_loops, fun_run_limit_seconds, starters, entrant_list, stated_finishers,
                                 stated_fun_runs, notes, category)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [edition.race, edition.year, edition.held, edition.startDate, edition.startTime, edition.format.loops,
                  edition.format.timeLimit?.seconds, edition.format.funRunLoops, edition.format.funRunTimeLimit?.seconds,
                  edition.starters, edition.entrantList.rawValue, edition.statedFinishers, edition.statedFunRuns, edition.notes,
                  edition.category?.rawValue])
        let editionID = connection.lastInsertedRowID
        for (loop, cutoff) in edition.format.cutoffs {
            try connection.run("INSERT INTO loop_cutoff (edition_id, loop, cutoff_seconds) VALUES (?, ?, ?)", [editionID, loop, cutoff.seconds])
        }
        for count in edition.loopCounts {
            try connection.run("INSERT INTO loop_count (edition_id, loop, started, completed) VALUES (?, ?, ?, ?)",
                               [editionID, count.loop, count.started, count.completed])
        }
        // A row back only when the citation is new, so that it goes into the search index once.
        let insertSource = try connection.cachedStatement("INSERT INTO source (citation) VALUES (?) ON CONFLICT (citation) DO NOTHING RETURNING id")
        let findSource = try connection.cachedStatement("SELECT id FROM source WHERE citation = ?")
        for (position, source) in edition.sources.enumerated() {
            let sourceID: Int64
            if let new = try insertSource.rows([.text(source.citation)]).first.flatMap({ try $0.optional("id", as: Int64.self) }) {
                try indexSource(id: new, citation: source.citation)
                sourceID = new
            } else if let known = try findSource.rows([.text(source.citation)]).first.flatMap({ try $0.optional("id", as: Int64.self) }) {
                sourceID = known
            } else {
                continue
            }
            try connection.run("INSERT INTO edition_source (edition_id, key, source_id, position, cite_position) VALUES (?, ?, ?, ?, ?)",
                               [editionID, source.key, sourceID, position, edition.cited.firstIndex(of: source.key)])
        }
        try storeEditionDisputes(edition, editionID: editionID)

        try storeCourse(of: edition, editionID: editionID)
        let insertRunner = try connection.cachedStatement("INSERT INTO runner (name, search_key, key) VALUES (?, ?, ?)")
        let insertEntry = try connection.cachedStatement("""
            INSERT INTO entry (edition_id, runner_id, position, name, listed_as, listed_as_key, country, sex, first_attempt,
                               loops_completed, stated_outcome, outcome, finish_seconds, note,
                               reason, reason_note, wikidata, duv, ultrasignup)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertEntrySource = try connection.cachedStatement("INSERT INTO entry_source (entry_id, edition_id, key, position) VALUES (?, ?, ?, ?)")
        let insertTime = try connection.cachedStatement("INSERT INTO loop_time (entry_id, loop, elapsed_seconds, precision, direction, note, unofficial) VALUES (?, ?, ?, ?, ?, ?, ?)")
        let insertTimeSource = try connection.cachedStatement("INSERT INTO loop_time_source (entry_id, loop, edition_id, key, position) VALUES (?, ?, ?, ?, ?)")
        let insertDistinct = try connection.cachedStatement("INSERT INTO entry_distinct_from (entry_id, edition_id, position, name, name_key) VALUES (?, ?, ?, ?, ?)")
        for (position, entrant) in edition.entrants.enumerated() {
            let runnerID: Int64
            if let known = runnerIDs[position] {
                runnerID = known
            } else {
                // A new runner: the name written here becomes the runner's name.
                try insertRunner.execute([.text(entrant.name), .text(keys.names[position]), .text(try freeRunnerKey(for: entrant.name))])
                runnerID = connection.lastInsertedRowID
                try indexRunner(id: runnerID, name: entrant.name)
            }
            let times = entrant.officialTimesByLoop
            let outcome = entrant.outcome(under: edition.format, times: times)
            let finishSeconds = outcome == .finish ? edition.format.loops.flatMap { times[$0]?.seconds } : nil
            // Typed values, bound as they are: an import runs this once per entrant.
            try insertEntry.execute([.integer(editionID), .integer(runnerID), .integer(Int64(position)), .text(entrant.name),
                                     DatabaseValue(entrant.listedAs), DatabaseValue(keys.listedAs[position]),
                                     DatabaseValue(entrant.country), DatabaseValue(entrant.sex?.rawValue),
                                     DatabaseValue(entrant.firstAttempt), DatabaseValue(entrant.loopsCompleted),
                                     DatabaseValue(entrant.statedOutcome?.rawValue), .text(outcome.rawValue),
                                     DatabaseValue(finishSeconds), DatabaseValue(entrant.note),
                                     DatabaseValue(entrant.reason?.rawValue), DatabaseValue(entrant.reasonNote),
                                     DatabaseValue(entrant.externalIDs.wikidata), DatabaseValue(entrant.externalIDs.duv),
                                     DatabaseValue(entrant.externalIDs.ultrasignup)])
            let entryID = connection.lastInsertedRowID
            for (index, key) in entrant.cited.enumerated() {
                try insertEntrySource.execute([.integer(entryID), .integer(editionID), .text(key), .integer(Int64(index))])
            }
            for (index, name) in entrant.distinctFrom.enumerated() {
                try insertDistinct.execute([.integer(entryID), .integer(editionID), .integer(Int64(index)), .text(name), .text(NameKey.fold(name))])
            }
            for time in entrant.times {
                try insertTime.execute([.integer(entryID), .integer(Int64(time.loop)), .integer(Int64(time.elapsed.seconds)),
                                        .text(time.elapsed.precision.rawValue), DatabaseValue(time.direction?.rawValue),
                                        DatabaseValue(time.note), DatabaseValue(time.unofficial?.rawValue)])
                for (index, key) in time.cited.enumerated() {
                    try insertTimeSource.execute([.integer(entryID), .integer(Int64(time.loop)), .integer(editionID), .text(key), .integer(Int64(index))])
                }
            }
            try storeEntrantDisputes(entrant, editionID: editionID, entryID: entryID)
        }
        try indexEdition(id: editionID)
        try deleteOrphans(previous)
    }

    /// The runners and sources a stored edition refers to: candidates for removal when it is replaced.
    private func previousReferences(race: String, year: Int) throws -> (runners: [Int64], sources: [Int64]) {
        guard let editionID = try connection.scalar("SELECT id FROM edition WHERE race = ? AND year = ?", [race, year], as: Int64.self) else {
            return ([], [])
        }
        let runners = try connection.rows("SELECT runner_id FROM entry WHERE edition_id = ?", [editionID]).map { try $0.require("runner_id", as: Int64.self) }
        let sources = try connection.rows("SELECT source_id FROM edition_source WHERE edition_id = ?", [editionID]).map { try $0.require("source_id", as: Int64.self) }
        return (runners, sources)
    }

    /// Removes the runners and sources of a replaced edition that nothing refers to any more.
    /// Only those are checked, so replacing one edition costs the same in a large archive.
    private func deleteOrphans(_ candidates: (runners: [Int64], sources: [Int64])) throws {
        for runner in candidates.runners {
            try unindexRunnerIfOrphan(id: runner)
            try connection.run("DELETE FROM runner WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM entry WHERE runner_id = ?1)", [runner])
        }
        for source in candidates.sources {
            try unindexSourceIfOrphan(id: source)
            try connection.run("DELETE FROM source WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM edition_source WHERE source_id = ?1)", [source])
        }
    }
}

