import Foundation
import SQLiteLayer
import Yams

/// An edition read from a file, with where each of its fields was written.
public struct ParsedEdition: Sendable {
    public var edition: Edition
    /// The file name used in messages and in the import log.
    public var fileName: String
    public var checksum: String
    /// Line of each field, by path (`entrants[2].times[0].elapsed`).
    public var lines: FieldLines

    public init(edition: Edition, fileName: String, checksum: String, lines: FieldLines = FieldLines()) {
        self.edition = edition
        self.fileName = fileName
        self.checksum = checksum
        self.lines = lines
    }
}

/// Reads the YAML edition file format (see the "Edition files" article).
public enum EditionFileReader {
    static let editionFields = ["race", "year", "held", "start_date", "start_time", "format", "starters",
                                "entrant_list", "finishers", "fun_run_completers", "loop_counts", "sources",
                                "cite", "notes", "entrants", "disputed", "category", "course"]
    static let formatFields = ["loops", "time_limit", "fun_run_loops", "fun_run_time_limit", "cutoffs"]
    static let entrantFields = ["name", "listed_as", "country", "sex", "first_attempt", "loops_completed",
                                "outcome", "times", "cite", "note", "distinct_from", "disputed",
                                "reason", "reason_note", "wikidata", "duv", "ultrasignup"]
    static let timeFields = ["loop", "elapsed", "direction", "cite", "note", "disputed", "unofficial"]

    /// Reads a file from disk.
    ///
    /// - Throws: ``ImportError`` listing every problem (syntax, unknown fields, bad values).
    public static func read(contentsOf url: URL) throws -> ParsedEdition {
        try read(data: try contents(of: url), fileName: url.lastPathComponent)
    }

    /// The bytes of the file at `url`.
    ///
    /// - Throws: ``ImportError`` naming the file when it cannot be read.
    static func contents(of url: URL) throws -> Data {
        do { return try Data(contentsOf: url) } catch {
            throw ImportError(problems: [ImportProblem(file: url.lastPathComponent, line: nil, field: "-", rule: .syntax,
                                                       message: "cannot read the file: \(error.localizedDescription)")])
        }
    }

    /// Reads the bytes of an edition file; `fileName` names it in messages.
    public static func read(data: Data, fileName: String) throws -> ParsedEdition {
        try read(data: data, fileName: fileName, checksum: checksum(of: data))
    }

    /// Reads the bytes of an edition file whose ``checksum(of:)`` is already known.
    static func read(data: Data, fileName: String, checksum: String) throws -> ParsedEdition {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ImportError(problems: [ImportProblem(file: fileName, line: nil, field: "-", rule: .syntax,
                                                       message: "the file is not UTF-8 text")])
        }
        return try read(text: text, fileName: fileName, checksum: checksum)
    }

    /// The checksum the import log keeps for a file's bytes.
    static func checksum(of data: Data) -> String {
        // Over the raw bytes: iterating a `Data` byte by byte is several times slower.
        data.withUnsafeBytes { Checksum.fnv1a64($0) }
    }

    /// Reads the text of an edition file; `fileName` names it in messages.
    ///
    /// A byte-order mark before the first line (Windows editors save "UTF-8 with BOM") is
    /// skipped, as the entrant CSV skips it: it comes before any line break, so every line
    /// keeps its number. A byte-order mark anywhere else is refused (see `DoorText`).
    ///
    /// - Throws: ``ImportError`` listing every problem (syntax, unknown fields, bad values).
    public static func read(text: String, fileName: String, checksum: String? = nil) throws -> ParsedEdition {
        let checksum = checksum ?? Checksum.fnv1a64(text)
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let fields = YAMLFields(file: fileName)
        let root: Node
        do {
            try YAMLControlCharacters.check(text, file: fileName)
            try YAMLGuard.check(text, file: fileName)
            guard let node = try compose(text) else {
                throw ImportError(problems: [ImportProblem(file: fileName, line: 1, field: "-", rule: .missingField, message: "the file is empty")])
            }
            root = node
        } catch let error as ImportError {
            throw error
        } catch let error as YamlError {
            throw ImportError(problems: [ImportProblem(file: fileName, line: error.line, field: "-", rule: .syntax,
                                                       message: "not valid YAML: \(error.summary)")])
        } catch {
            throw ImportError(problems: [ImportProblem(file: fileName, line: nil, field: "-", rule: .syntax, message: "not valid YAML: \(error)")])
        }
        let edition = readEdition(root, fields)
        let lines = FieldLines(yaml: text)
        guard fields.problems.isEmpty, let edition else {
            // Report the archive's rules too, so one run lists everything to fix; but not the
            // counts and outcomes, which the values that could not be read would throw off.
            // A source refused above stays citable here, so its citations do not each report it again.
            let partial = edition.map { ParsedEdition(edition: $0.citingRefusedSources(fields.refusedSourceKeys), fileName: fileName, checksum: checksum, lines: lines) }
            let more = partial.map(EditionValidator.problems(in:))?.filter { ![.countMismatch, .outcomeContradicted, .finishOverLimit].contains($0.rule) }
            let found = fields.problems.map { problem in
                var problem = problem
                if problem.line == nil { problem.line = EditionValidator.line(of: problem.field, in: lines) }
                return problem
            }
            throw ImportError(problems: ImportProblem.inLineOrder(found + (more ?? [])))
        }
        return ParsedEdition(edition: edition, fileName: fileName, checksum: checksum, lines: lines)
    }

    /// The YAML tree of `text`, as the reader (and ``FieldLines``) see it.
    ///
    /// The basic resolver tags every scalar as text: the reader interprets each field itself,
    /// so YAML 1.1's implicit types (and the regular expressions that find them, most of the
    /// cost of parsing) are not needed. UTF-8 is named outright: Yams' default encoding is looked
    /// up in the environment on every call.
    static func compose(_ text: String) throws -> Node? {
        try Parser(yaml: text, resolver: .basic, encoding: .utf8).singleRoot()
    }

    private static func readEdition(_ node: Node, _ fields: YAMLFields) -> Edition? {
        guard let map = fields.mapping(node, path: "", allowed: editionFields) else { return nil }
        var edition = Edition(year: map.int("year", required: true, range: 0...9999) ?? 0)
        edition.race = map.text("race", as: .name) ?? Edition.barkley
        edition.held = map.bool("held") ?? true
        edition.startDate = map.text("start_date")
        edition.startTime = map.text("start_time")
        edition.starters = map.int("starters")
        edition.entrantList = map.choice("entrant_list", EntrantList.self, required: true) ?? .unknown
        edition.statedFinishers = map.int("finishers")
        edition.statedFunRuns = map.int("fun_run_completers")
        edition.notes = map.text("notes", as: .note)
        edition.cited = map.strings("cite")
        edition.sources = map.pairs("sources").map { SourceReference(key: $0.key, citation: $0.value) }
        if let formatNode = map.node("format"), let format = fields.mapping(formatNode, path: "format", allowed: formatFields) {
            edition.format = RaceFormat(loops: format.int("loops", range: 1...100), timeLimit: format.time("time_limit"),
                                        funRunLoops: format.int("fun_run_loops", range: 1...100),
                                        funRunTimeLimit: format.time("fun_run_time_limit"))
            for (item, index) in format.list("cutoffs") {
                guard let cutoff = fields.mapping(item, path: "format.cutoffs", index: index, allowed: ["loop", "time", "cite", "disputed"]),
                      let loop = cutoff.int("loop", required: true, range: 1...100),
                      let time = cutoff.time("time", required: true) else { continue }
                if edition.format.cutoffs[loop] != nil {
                    fields.report(.duplicateField, "format.cutoffs[\(index)].loop", line: cutoff.line, "loop \(loop) has two cutoffs")
                }
                edition.format.cutoffs[loop] = time
                let sources = CutoffSources(cited: cutoff.strings("cite"), disputed: cutoff.disputes(at: .cutoff))
                if !sources.isEmpty { edition.cutoffSources[loop] = sources }
            }
        }
        for (item, index) in map.list("loop_counts") {
            guard let count = fields.mapping(item, path: "loop_counts", index: index, allowed: ["loop", "started", "completed", "cite", "disputed"]),
                  let loop = count.int("loop", required: true, range: 1...100) else { continue }
            var loopCount = LoopCount(loop: loop, started: count.int("started"), completed: count.int("completed"))
            loopCount.cited = count.strings("cite")
            loopCount.disputed = count.disputes(at: .loopCount)
            edition.loopCounts.append(loopCount)
        }
        edition.disputed = map.disputes(at: .edition)
        readRaceFacts(map, into: &edition, fields)
        for (item, index) in map.list("entrants") {
            if let entrant = readEntrant(item, index: index, fields) { edition.entrants.append(entrant) }
        }
        return edition
    }

    private static func readEntrant(_ node: Node, index: Int, _ fields: YAMLFields) -> Entrant? {
        guard let map = fields.mapping(node, path: "entrants", index: index, allowed: entrantFields) else { return nil }
        // An entrant without a usable name is still read to its end, so that every problem of
        // it is reported at once; it is not returned.
        let name = map.text("name", required: true, as: .name)
        var entrant = Entrant(name: name ?? "")
        entrant.listedAs = map.text("listed_as", as: .name)
        entrant.country = map.text("country")
        entrant.sex = map.choice("sex", Sex.self)
        entrant.firstAttempt = map.bool("first_attempt")
        entrant.loopsCompleted = map.int("loops_completed", range: 0...100)
        if let stated = map.text("outcome") {
            if let outcome = Outcome(rawValue: stated), outcome != .unknown {
                entrant.statedOutcome = outcome
            } else {
                fields.report(.invalidValue, map.path("outcome"), line: map.line(of: "outcome"), "'\(stated)' is not one of: finish, fun_run, over_limit, dropped, disqualified, did_not_start (leave it out when unknown)")
            }
        }
        entrant.cited = map.strings("cite")
        entrant.note = map.text("note", as: .note)
        entrant.distinctFrom = map.strings("distinct_from", as: .name, orSingle: true)
        entrant.disputed = map.disputes(at: .entrant)
        readReasonAndIDs(map, into: &entrant)
        let times = map.list("times")
        let timesPath = times.isEmpty ? "" : map.path("times")
        for (item, index) in times {
            guard let time = fields.mapping(item, path: timesPath, index: index, allowed: timeFields),
                  let loop = time.int("loop", required: true, range: 1...100),
                  let elapsed = time.time("elapsed", required: true) else { continue }
            var loopTime = LoopTime(loop: loop, elapsed: elapsed, direction: time.choice("direction", Direction.self),
                                    cited: time.strings("cite"), note: time.text("note", as: .note),
                                    unofficial: time.choice("unofficial", UnofficialReason.self))
            loopTime.disputed = time.disputes(at: .loopTime)
            entrant.times.append(loopTime)
        }
        return name == nil ? nil : entrant
    }
}

extension YamlError {
    var line: Int? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        case .duplicatedKeysInMapping(_, let context): context.mark.line
        default: nil
        }
    }

    var summary: String {
        switch self {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        case .duplicatedKeysInMapping(let duplicates, _):
            "a key appears twice in one mapping: \(duplicates.joined(separator: ", ")); keep one"
        case .reader(let problem, _, _, _): problem
        default: "\(self)"
        }
    }
}
