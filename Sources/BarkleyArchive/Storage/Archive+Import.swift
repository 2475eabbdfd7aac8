import Foundation
import SQLiteLayer

extension Archive {
    /// Imports edition files: nothing is written unless every file is sound, and then all of
    /// them are written in one transaction, so the archive holds all of them or, after any
    /// failure or crash, none.
    ///
    /// Files are read and checked on background threads (one per core) a few files ahead of the
    /// writes (see `EditionFileReadAhead`), so a large import uses every core and holds only a
    /// few files in memory. A file whose bytes are those its edition was last imported from
    /// (by its name, size, times, device and inode in the import log, without opening it; else by
    /// its checksum) is reported unchanged without being parsed, so
    /// importing a whole folder again costs what changed. After the first problem nothing more
    /// is written, but every file is still read and checked, so one run lists every problem.
    ///
    /// - Parameters:
    ///   - urls: the edition files (`.yaml`) to import, in order.
    ///   - dryRun: validate and report what would change, writing nothing.
    ///   - progress: called after each edition with (done, total), for a progress display.
    /// - Returns: one report per file, in order.
    /// - Throws: ``ImportError`` listing every problem in every file; nothing is written.
    @discardableResult
    public func importFiles(_ urls: [URL], dryRun: Bool = false, progress: ((Int, Int) -> Void)? = nil) throws -> [ImportReport] {
        var readAhead: EditionFileReadAhead?
        defer { readAhead?.cancel() }
        return try importChecked(count: urls.count, dryRun: dryRun, progress: progress, repeats: Self.repeatedFiles(in: urls)) {
            // Read inside the import's transaction, which holds the write lock from its start: no
            // other import can change the log before this one ends, so a file it names as its
            // edition's last import still is, unless an earlier file of this batch is the same edition.
            let files = EditionFileReadAhead(urls: urls, lastImports: try lastImportChecksums())
            readAhead = files
            return files.next
        }
    }

    /// The problem of each file of `urls` (by position) that is a file given earlier in the list
    /// (the same path once `.` and `..` are resolved).
    static func repeatedFiles(in urls: [URL]) -> [Int: ImportProblem] {
        var first: [String: Int] = [:]
        var repeats: [Int: ImportProblem] = [:]
        for (position, url) in urls.enumerated() {
            let path = url.isFileURL ? url.standardizedFileURL.path : url.absoluteString
            if let earlier = first[path] {
                repeats[position] = ImportProblem(file: url.lastPathComponent, line: nil, field: "-", rule: .duplicateEdition,
                                                  message: "the file is given twice in this import (as file \(earlier + 1) and file \(position + 1)); give it once")
            } else {
                first[path] = position
            }
        }
        return repeats
    }

    /// Imports parsed editions; see ``importFiles(_:dryRun:progress:)``.
    @discardableResult
    public func importEditions(_ editions: [ParsedEdition], dryRun: Bool = false, progress: ((Int, Int) -> Void)? = nil) throws -> [ImportReport] {
        var remaining = editions.makeIterator()
        return try importChecked(count: editions.count, dryRun: dryRun, progress: progress) {
            { remaining.next().map(EditionFileReadAhead.CheckedFile.init) }
        }
    }

    /// Checks each file against the archive and writes it while no problem has been found.
    ///
    /// One transaction from the first check to the last write: no other writer can change what
    /// was checked (a runner name made ambiguous) before it is written, each edition is checked
    /// against the archive it will be written into (with the batch's earlier editions), and a
    /// problem or a crash leaves all or nothing.
    ///
    /// - Parameter files: called once the transaction has begun; returns the function that hands
    ///   out the files, checked, in order (nil after the last).
    ///   - repeats: the problem of each file (by position) that is a file given earlier in the
    ///     same import; it is not checked again (its own edition would name itself as the other file).
    private func importChecked(count: Int, dryRun: Bool, progress: ((Int, Int) -> Void)?, repeats: [Int: ImportProblem] = [:],
                               files: () throws -> () -> EditionFileReadAhead.CheckedFile?) throws -> [ImportReport] {
        let timestamp = ISO8601DateFormatter().string(from: Date())
        let reports = try connection.transaction {
            let next = try files()
            var problems: [ImportProblem] = []
            var reports: [ImportReport] = []
            var seen: [String: String] = [:]
            var identities = IdentityCheck()
            var spellings = SpellingNotices()
            var externalIDs = ExternalIDCheck()
            var done = 0
            while var file = next() {
                if let repeated = repeats[done] {
                    problems.append(repeated)
                    done += 1
                    progress?(done, count)
                    continue
                }
                if let unchanged = file.unchanged {
                    let key = "\(unchanged.race)\u{0}\(unchanged.year)"
                    if seen[key] == nil {
                        seen[key] = unchanged.fileName
                        if problems.isEmpty {
                            reports.append(ImportReport(unchanged: unchanged, dryRun: dryRun))
                            if !dryRun { try logNewStamp(of: unchanged) }
                        }
                        done += 1
                        progress?(done, count)
                        continue
                    }
                    // The same edition as an earlier file of this batch: read it, to report that.
                    file = EditionFileReadAhead.CheckedFile(contentsOf: unchanged.url)
                }
                if let parsed = file.parsed {
                    // The file's problems as a person fixes them, top to bottom: those found
                    // against the archive and the batch come after the file's own, but may be
                    // on earlier lines.
                    var found = file.problems
                    let runners = try resolveRunners(in: parsed, keys: file.keys)
                    found += runners.problems
                    found += try similarRunnerProblems(in: parsed, keys: file.keys, runnerIDs: runners.ids, check: &identities)
                    found += try externalIDProblems(in: parsed, keys: file.keys, runnerIDs: runners.ids, check: &externalIDs)
                    let notices = spellings.notices(in: parsed, keys: file.keys, storedNames: runners.names)
                    let key = "\(parsed.edition.race)\u{0}\(parsed.edition.year)"
                    if let other = seen[key] {
                        found.append(ImportProblem(file: parsed.fileName, line: EditionValidator.line(of: "year", in: parsed), field: "year",
                                                   rule: .duplicateEdition, message: "\(parsed.edition.year) is also in \(other); import one of them"))
                    }
                    seen[key] = parsed.fileName
                    problems += ImportProblem.inLineOrder(found)
                    if problems.isEmpty {
                        do {
                            var report = try write(parsed, runnerIDs: runners.ids, keys: file.keys, stamp: file.stamp, dryRun: dryRun, timestamp: timestamp)
                            report.notices = notices
                            reports.append(report)
                        } catch let error as SQLiteError where error.code == .constraint {
                            // A rule the checks above missed: reported like any other problem; the
                            // transaction rolls back when the loop ends, so nothing is written.
                            problems.append(ImportProblem(constraint: error, file: parsed.fileName,
                                                          line: EditionValidator.line(of: "year", in: parsed)))
                        }
                    }
                } else {
                    problems += file.problems
                }
                done += 1
                progress?(done, count)
            }
            guard problems.isEmpty else { throw ImportError(problems: problems) }
            return reports
        }
        if reports.contains(where: { !$0.dryRun && $0.change != .unchanged }) {
            // Keeps the planner's statistics fresh for `barkley sql` and ad-hoc queries; cheap
            // when little changed (https://sqlite.org/pragma.html#pragma_optimize). The analysis
            // limit samples each index instead of reading it whole, as SQLite's documentation
            // suggests: after a million-entry import, a full ANALYZE took 1.4 s of 33.
            try connection.execute("PRAGMA analysis_limit = 400; PRAGMA optimize")
        }
        return reports
    }

    /// Writes one checked edition, unless unchanged, and logs the change; the caller holds the transaction.
    private func write(_ parsed: ParsedEdition, runnerIDs: [Int64?], keys: EntrantKeys, stamp: FileStamp?, dryRun: Bool, timestamp: String) throws -> ImportReport {
        let stored = try edition(year: parsed.edition.year, race: parsed.edition.race)
        let report = ImportReport(parsed: parsed, stored: stored, dryRun: dryRun)
        if !dryRun, report.change != .unchanged {
            try store(parsed.edition, runnerIDs: runnerIDs, keys: keys)
            try connection.run("""
                INSERT INTO import_log (imported_at, file_name, checksum, race, year, summary, file_size, file_modified,
                                        file_device, file_inode, file_changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [timestamp, parsed.fileName, parsed.checksum, parsed.edition.race, parsed.edition.year, report.description,
                    stamp?.size, stamp?.modified, stamp?.device, stamp?.inode, stamp?.changed])
        }
        return report
    }

    /// The stored runner each entrant is (nil for a runner new to the archive) and its stored
    /// name, and the names in `parsed` that match more than one runner (by name or another spelling).
    private func resolveRunners(in parsed: ParsedEdition, keys: EntrantKeys) throws -> (ids: [Int64?], names: [String?], problems: [ImportProblem]) {
        let edition = parsed.edition
        var problems: [ImportProblem] = []
        /// The runners `key` matches, noting a problem when it is more than one.
        func matches(_ key: String, written name: String, field: String, entrant index: Int, exactName: Bool = false) throws -> [(id: Int64, name: String)] {
            let matches = try runnerMatches(forKey: key, name: exactName ? name : nil, replacingEditionOf: edition.race, year: edition.year)
            if matches.count > 1 {
                let path = "entrants[\(index)].\(field)"
                problems.append(ImportProblem(file: parsed.fileName, line: EditionValidator.line(of: path, in: parsed), field: path,
                                              rule: .ambiguousRunner,
                                              message: "'\(name)' matches \(matches.count) different runners (\(matches.map(\.name).joined(separator: ", "))); write the name of the one you mean"))
            }
            return matches
        }
        var ids: [Int64?] = [], names: [String?] = []
        ids.reserveCapacity(edition.entrants.count)
        names.reserveCapacity(edition.entrants.count)
        var entrantOf: [Int64: Int] = [:]  // runner → the first entrant that is them
        for (index, entrant) in edition.entrants.enumerated() {
            let runner = try matches(keys.names[index], written: entrant.name, field: "name", entrant: index, exactName: true).first
            ids.append(runner?.id)
            names.append(runner?.name)
            // entry: UNIQUE (edition_id, runner_id). Two names the validator told apart can still
            // be one stored runner, through a spelling another edition listed.
            if let runner, let first = entrantOf[runner.id], keys.names[first] != keys.names[index] {
                let path = "entrants[\(index)].name"
                problems.append(ImportProblem(file: parsed.fileName, line: EditionValidator.line(of: path, in: parsed), field: path,
                                              rule: .duplicateRunner,
                                              message: "'\(entrant.name)' is the archive's runner \(runner.name), already entrant \(first + 1) of this edition"))
            } else if let runner, entrantOf[runner.id] == nil {
                entrantOf[runner.id] = index
            }
            if let listedAs = entrant.listedAs, let key = keys.listedAs[index] {
                _ = try matches(key, written: listedAs, field: "listed_as", entrant: index)
            }
        }
        return (ids, names, problems)
    }

    /// Runners a name key (``NameKey``) refers to: by their own name, or by a spelling another
    /// edition than `race`'s of `year` listed; and the runner named exactly `name`, when given.
    ///
    /// The exact name is the twin of `runner.name`'s UNIQUE: a runner stored under an older fold
    /// of its name is still found by the name itself, never inserted a second time.
    func runnerMatches(forKey key: String, name: String? = nil, replacingEditionOf race: String, year: Int) throws -> [(id: Int64, name: String)] {
        // UNION ALL and de-duplicating here, and a scalar subquery rather than NOT IN, spare
        // SQLite a temporary table on every call: the import asks this once per entrant.
        let lookup = try connection.cachedStatement("""
            SELECT id, name FROM runner WHERE search_key = ?1
            UNION ALL
            SELECT id, name FROM runner WHERE name = ?4 AND search_key IS NOT ?1
            UNION ALL
            SELECT runner.id, runner.name FROM entry JOIN runner ON runner.id = entry.runner_id
            WHERE entry.listed_as_key = ?1
              AND entry.edition_id IS NOT (SELECT id FROM edition WHERE race = ?2 AND year = ?3)
            """)
        var matches: [(id: Int64, name: String)] = []
        try lookup.forEachRow([.text(key), .text(race), .integer(Int64(year)), DatabaseValue(name)]) { row in
            let id: Int64 = try row.require("id")
            if !matches.contains(where: { $0.id == id }) { matches.append((id, try row.require("name"))) }
        }
        return matches
    }
}

extension Archive {
    /// Imports a spreadsheet of entrants (see ``EntrantCSV``) as the entrants of a stored edition,
    /// replacing the ones it had; validated whole first, like an edition file.
    ///
    /// - Throws: ``ImportError`` when the edition is not in the archive, the file's name gives
    ///   another year, or the file breaks a rule (fields named by their column, in line order).
    ///   What the replaced entrants held that a spreadsheet has no column for (disputed values,
    ///   unofficial loops, external ids, a reason it does not give) is named in the report's notices.
    @discardableResult
    public func importEntrantsCSV(_ url: URL, year: Int, race: String = Edition.barkley, dryRun: Bool = false) throws -> ImportReport {
        if let named = EntrantCSV.year(inFileName: url.lastPathComponent), named != year {
            throw ImportError(problems: [ImportProblem(file: url.lastPathComponent, line: nil, field: "year", rule: .invalidValue,
                                                       message: "the file name says \(named), but the entrants would go into \(year); "
                                                           + "give the year the file is for (`--year \(named)`), or rename the file")])
        }
        guard let edition = try edition(year: year, race: race) else {
            throw ImportError(problems: [ImportProblem(file: url.lastPathComponent, line: nil, field: "year", rule: .missingField,
                                                       message: "the archive has no \(year) edition; import its edition file first")])
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ImportError(problems: [ImportProblem(file: url.lastPathComponent, line: nil, field: "-", rule: .syntax,
                                                       message: "cannot read the file: \(error.localizedDescription)")])
        }
        let parsed = try EntrantCSV.read(data: data, fileName: url.lastPathComponent, into: edition)
        do {
            var report = try importEditions([parsed], dryRun: dryRun)[0]
            // Said, not silent: what the replaced entrants held that the spreadsheet has no column for.
            report.notices += EntrantCSV.factsWithoutAColumn(in: edition, replacedBy: parsed.edition).map {
                "replacing the entrants drops what a spreadsheet has no column for — \($0); the edition file keeps such facts"
            }
            return report
        } catch let error as ImportError {
            throw ImportError(problems: EntrantCSV.inSpreadsheetTerms(error.problems, of: parsed))
        }
    }
}
