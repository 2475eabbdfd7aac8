import Foundation
import SQLiteLayer

extension Archive {
    /// Imports edition files: every file is read and validated first, and nothing is written
    /// unless all of them are sound; then they are written in one transaction, so the archive
    /// holds all of them or, after any failure or crash, none.
    ///
    /// - Parameters:
    ///   - dryRun: validate and report what would change, writing nothing.
    ///   - progress: called after each edition with (done, total), for a progress display.
    /// - Returns: one report per file, in order.
    /// - Throws: ``ImportError`` listing every problem in every file; nothing is written.
    @discardableResult
    public func importFiles(_ urls: [URL], dryRun: Bool = false, progress: ((Int, Int) -> Void)? = nil) throws -> [ImportReport] {
        var parsed: [ParsedEdition] = []
        var problems: [ImportProblem] = []
        for url in urls {
            do { parsed.append(try EditionFileReader.read(contentsOf: url)) } catch let error as ImportError {
                problems += error.problems
            }
        }
        guard problems.isEmpty else {
            // Report the archive's rules for the files that could be read, too: one run lists everything.
            throw ImportError(problems: problems + (try validationProblems(in: parsed)))
        }
        return try importEditions(parsed, dryRun: dryRun, progress: progress)
    }

    /// Imports parsed editions; see ``importFiles(_:dryRun:progress:)``.
    @discardableResult
    public func importEditions(_ editions: [ParsedEdition], dryRun: Bool = false, progress: ((Int, Int) -> Void)? = nil) throws -> [ImportReport] {
        // One transaction from validation to the last write: no other writer can change what was
        // checked (a runner name made ambiguous) before it is written, and a crash leaves all or nothing.
        let reports = try connection.transaction {
            let problems = try validationProblems(in: editions)
            guard problems.isEmpty else { throw ImportError(problems: problems) }
            return try write(editions, dryRun: dryRun, progress: progress)
        }
        if reports.contains(where: { !$0.dryRun && $0.change != .unchanged }) {
            // Keeps the planner's statistics fresh for `barkley sql` and ad-hoc queries; cheap
            // when little changed (https://sqlite.org/pragma.html#pragma_optimize).
            try connection.execute("PRAGMA optimize")
        }
        return reports
    }

    /// Writes validated editions and logs each change; the caller holds the transaction.
    private func write(_ editions: [ParsedEdition], dryRun: Bool, progress: ((Int, Int) -> Void)?) throws -> [ImportReport] {
        let timestamp = ISO8601DateFormatter().string(from: Date())
        var reports: [ImportReport] = []
        for (index, parsed) in editions.enumerated() {
            let stored = try edition(year: parsed.edition.year, race: parsed.edition.race)
            let report = ImportReport(parsed: parsed, stored: stored, dryRun: dryRun)
            if !dryRun, report.change != .unchanged {
                try store(parsed.edition)
                try connection.run("""
                    INSERT INTO import_log (imported_at, file_name, checksum, race, year, summary) VALUES (?, ?, ?, ?, ?, ?)
                    """, [timestamp, parsed.fileName, parsed.checksum, parsed.edition.race, parsed.edition.year, report.description])
            }
            reports.append(report)
            progress?(index + 1, editions.count)
        }
        return reports
    }

    /// Every rule `editions` break, alone or together (one edition given twice).
    private func validationProblems(in editions: [ParsedEdition]) throws -> [ImportProblem] {
        var problems: [ImportProblem] = []
        var seen: [String: String] = [:]
        for parsed in editions {
            problems += EditionValidator.problems(in: parsed)
            problems += try runnerProblems(in: parsed)
            let key = "\(parsed.edition.race)\u{0}\(parsed.edition.year)"
            if let other = seen[key] {
                problems.append(ImportProblem(file: parsed.fileName, line: EditionValidator.line(of: "year", in: parsed), field: "year",
                                              rule: .duplicateEdition, message: "\(parsed.edition.year) is also in \(other); import one of them"))
            }
            seen[key] = parsed.fileName
        }
        return problems
    }

    /// Names in `parsed` that match more than one runner (by name or another spelling).
    private func runnerProblems(in parsed: ParsedEdition) throws -> [ImportProblem] {
        var problems: [ImportProblem] = []
        for (index, entrant) in parsed.edition.entrants.enumerated() {
            for (field, name) in [("name", entrant.name), ("listed_as", entrant.listedAs)] {
                guard let name else { continue }
                let matches = try runnerMatches(for: name, replacing: parsed.edition)
                guard matches.count > 1 else { continue }
                let path = "entrants[\(index)].\(field)"
                problems.append(ImportProblem(file: parsed.fileName, line: EditionValidator.line(of: path, in: parsed), field: path,
                                              rule: .ambiguousRunner,
                                              message: "'\(name)' matches \(matches.count) different runners (\(matches.map(\.name).joined(separator: ", "))); write the name of the one you mean"))
            }
        }
        return problems
    }

    /// Runners a name refers to: by their own name, or by a spelling another edition listed.
    func runnerMatches(for name: String, replacing edition: Edition) throws -> [(id: Int64, name: String)] {
        try connection.rows("""
            SELECT id, name FROM runner WHERE search_key = ?1
            UNION
            SELECT runner.id, runner.name FROM entry JOIN runner ON runner.id = entry.runner_id
            WHERE entry.listed_as_key = ?1
              AND entry.edition_id NOT IN (SELECT id FROM edition WHERE race = ?2 AND year = ?3)
            """, [NameKey.fold(name), edition.race, edition.year]).map { (try $0.require("id"), try $0.require("name")) }
    }
}

extension Archive {
    /// Imports a spreadsheet of entrants (see ``EntrantCSV``) as the entrants of a stored edition,
    /// replacing the ones it had; validated whole first, like an edition file.
    ///
    /// - Throws: ``ImportError`` when the edition is not in the archive or the file breaks a rule.
    @discardableResult
    public func importEntrantsCSV(_ url: URL, year: Int, race: String = Edition.barkley, dryRun: Bool = false) throws -> ImportReport {
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
        return try importEditions([parsed], dryRun: dryRun)[0]
    }
}
