import Yams

/// Writes an edition in the canonical form of the edition file format.
///
/// Reading a canonical file and writing it again gives the same bytes, so an archive can be
/// exported, kept under version control and imported again without noise in the diffs. Text
/// that any YAML reader would take for a boolean, null, number or date (`NO`, `~`, `0123`,
/// `1:20`) is double-quoted, so other tools read the same text too (see `YAMLPlainScalar`).
public enum EditionFileWriter {
    public static func text(of edition: Edition) throws -> String {
        var root: [(String, Node)] = []
        if edition.race != Edition.barkley { root.append(("race", plain(edition.race))) }
        root.append(("year", integer(edition.year)))
        if !edition.held { root.append(("held", boolean(false))) }
        if let date = edition.startDate { root.append(("start_date", quoted(date))) }
        if let time = edition.startTime { root.append(("start_time", quoted(time))) }
        if let category = edition.category { root.append(("category", plain(category.rawValue))) }
        if !edition.format.isEmpty { root.append(("format", format(edition.format, sources: edition.cutoffSources))) }
        if let course = edition.course { root.append(("course", courseNode(course))) }
        if let starters = edition.starters { root.append(("starters", integer(starters))) }
        root.append(("entrant_list", plain(edition.entrantList.rawValue)))
        if let finishers = edition.statedFinishers { root.append(("finishers", integer(finishers))) }
        if let funRuns = edition.statedFunRuns { root.append(("fun_run_completers", integer(funRuns))) }
        if !edition.loopCounts.isEmpty {
            root.append(("loop_counts", blockList(edition.loopCounts.map { count in
                flowMap([("loop", integer(count.loop))]
                        + (count.started.map { [("started", integer($0))] } ?? [])
                        + (count.completed.map { [("completed", integer($0))] } ?? [])
                        + (count.cited.isEmpty ? [] : [("cite", keyList(count.cited))])
                        + (count.disputed.isEmpty ? [] : [("disputed", disputed(count.disputed, flow: true))]))
            })))
        }
        if !edition.disputed.isEmpty { root.append(("disputed", disputed(edition.disputed, flow: false))) }
        if !edition.sources.isEmpty {
            root.append(("sources", blockMap(edition.sources.map { ($0.key, plain($0.citation)) })))
        }
        if !edition.cited.isEmpty { root.append(("cite", keyList(edition.cited))) }
        if let notes = edition.notes { root.append(("notes", text(notes))) }
        if !edition.entrants.isEmpty { root.append(("entrants", blockList(edition.entrants.map(entrant)))) }

        return try Yams.serialize(node: blockMap(root), indent: 2, width: -1, allowUnicode: true, newLineScalarStyle: .literal)
    }

    private static func format(_ format: RaceFormat, sources: [Int: CutoffSources]) -> Node {
        var fields: [(String, Node)] = []
        if let loops = format.loops { fields.append(("loops", integer(loops))) }
        if let limit = format.timeLimit { fields.append(("time_limit", quoted(limit.description))) }
        if let loops = format.funRunLoops { fields.append(("fun_run_loops", integer(loops))) }
        if let limit = format.funRunTimeLimit { fields.append(("fun_run_time_limit", quoted(limit.description))) }
        if !format.cutoffs.isEmpty {
            fields.append(("cutoffs", blockList(format.cutoffs.sorted { $0.key < $1.key }.map {
                flowMap([("loop", integer($0.key)), ("time", quoted($0.value.description))] + cutoffFields(sources[$0.key]))
            })))
        }
        return blockMap(fields)
    }

    private static func entrant(_ entrant: Entrant) -> Node {
        var fields: [(String, Node)] = [("name", plain(entrant.name))]
        if let listedAs = entrant.listedAs { fields.append(("listed_as", plain(listedAs))) }
        if let id = entrant.externalIDs.wikidata { fields.append(("wikidata", plain(id))) }
        if let id = entrant.externalIDs.duv { fields.append(("duv", quoted(id))) }
        if let id = entrant.externalIDs.ultrasignup { fields.append(("ultrasignup", quoted(id))) }
        if let country = entrant.country { fields.append(("country", quoted(country))) }
        if let sex = entrant.sex { fields.append(("sex", plain(sex.rawValue))) }
        if let first = entrant.firstAttempt { fields.append(("first_attempt", boolean(first))) }
        if let loops = entrant.loopsCompleted { fields.append(("loops_completed", integer(loops))) }
        if let outcome = entrant.statedOutcome { fields.append(("outcome", plain(outcome.rawValue))) }
        if let reason = entrant.reason { fields.append(("reason", plain(reason.rawValue))) }
        if let note = entrant.reasonNote { fields.append(("reason_note", text(note))) }
        if !entrant.times.isEmpty {
            fields.append(("times", blockList(entrant.times.map { time in
                var item: [(String, Node)] = [("loop", integer(time.loop)), ("elapsed", quoted(time.elapsed.description))]
                if let direction = time.direction { item.append(("direction", plain(direction.rawValue))) }
                if let unofficial = time.unofficial { item.append(("unofficial", plain(unofficial.rawValue))) }
                if !time.cited.isEmpty { item.append(("cite", keyList(time.cited))) }
                if let note = time.note { item.append(("note", quoted(note))) }
                if !time.disputed.isEmpty { item.append(("disputed", disputed(time.disputed, flow: true))) }
                return flowMap(item)
            })))
        }
        if !entrant.cited.isEmpty { fields.append(("cite", keyList(entrant.cited))) }
        if let note = entrant.note { fields.append(("note", text(note))) }
        if entrant.distinctFrom.count == 1 {
            fields.append(("distinct_from", plain(entrant.distinctFrom[0])))
        } else if !entrant.distinctFrom.isEmpty {
            fields.append(("distinct_from", .sequence(.init(entrant.distinctFrom.map(plain), Tag(.seq), .flow))))
        }
        if !entrant.disputed.isEmpty { fields.append(("disputed", disputed(entrant.disputed, flow: false))) }
        return blockMap(fields)
    }

    /// `course:` as a block mapping; miles written without a fraction when whole (`20`, `15.5`).
    private static func courseNode(_ course: CourseFacts) -> Node {
        var fields: [(String, Node)] = []
        if let miles = course.loopMiles {
            let text = miles == miles.rounded() && abs(miles) < 1e15 ? String(Int(miles)) : String(miles)
            fields.append(("loop_miles", .scalar(.init(text, Tag(.float), .plain))))
        }
        if let books = course.books { fields.append(("books", integer(books))) }
        if let climb = course.climbFeet { fields.append(("climb_feet", integer(climb))) }
        if let changes = course.changes { fields.append(("changes", text(changes))) }
        if !course.cited.isEmpty { fields.append(("cite", keyList(course.cited))) }
        return blockMap(fields)
    }

    // MARK: Nodes

    /// Text as it reads when no YAML reader could take it for something else (`Race A`), and
    /// double-quoted when one could (`"NO"`, `"0123"`, `"~"`, `" padded "`): see `YAMLPlainScalar`.
    static func plain(_ value: String) -> Node {
        .scalar(.init(value, Tag(.str), YAMLPlainScalar.needsQuotes(value) ? .doubleQuoted : .any))
    }
    static func quoted(_ value: String) -> Node { .scalar(.init(value, Tag(.str), .doubleQuoted)) }
    static func integer(_ value: Int) -> Node { .scalar(.init(String(value), Tag(.int), .plain)) }
    static func boolean(_ value: Bool) -> Node { .scalar(.init(value ? "true" : "false", Tag(.bool), .plain)) }
    /// Free text: a literal block when it has several lines, so it reads as written.
    private static func text(_ value: String) -> Node {
        value.contains("\n") ? .scalar(.init(value, Tag(.str), .literal)) : plain(value)
    }
    static func keyList(_ keys: [String]) -> Node {
        .sequence(.init(keys.map(plain), Tag(.seq), .flow))
    }
    static func blockList(_ items: [Node]) -> Node { .sequence(.init(items, Tag(.seq), .block)) }
    static func blockMap(_ pairs: [(String, Node)]) -> Node {
        .mapping(.init(pairs.map { (plain($0.0), $0.1) }, Tag(.map), .block))
    }
    static func flowMap(_ pairs: [(String, Node)]) -> Node {
        .mapping(.init(pairs.map { (plain($0.0), $0.1) }, Tag(.map), .flow))
    }
}
