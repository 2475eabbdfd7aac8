import BarkleyArchive
import SQLiteLayer

/// Every disputed fact of a race, indexed by what it is about — an edition's own value, an
/// entrant's, a loop time, a loop count, a cutoff — so that each query can name exactly the
/// disputed facts it used (``Completeness/disputed``) and no others.
///
/// Read once per answer from `disputed_value` (a handful of rows for a whole race).
struct DisputeIndex {
    /// One disputed fact: what it is about, how answers name it, and its values.
    struct Fact {
        /// Its place among the race's disputed facts (by year, then as the file lists them):
        /// the order an answer lists them in.
        var order: Int
        var year: Int
        var field: DisputedField
        /// The entrant's runner name (`runner.name`, as answers name runners); nil for an edition's fact.
        var runner: String?
        var loop: Int?
        /// `2022 start_time`, `2014 Jared Campbell loop 5 elapsed`.
        var label: String
        /// For an entrant's fact: the entry's (preferred) outcome.
        var outcome: Outcome?
        /// The other values, as written (`fun_run`, `57:50:20`).
        var alternatives: [String]
    }

    private(set) var facts: [Fact] = []

    private struct Key: Hashable {
        var year: Int
        var field: DisputedField
        var runner: String?
        var loop: Int?
    }
    private var byKey: [Key: Int] = [:]
    /// The facts of entrants and their loop times, by year and runner.
    private var byEntrant: [Int: [String: [Int]]] = [:]
    /// The facts of every level, by year.
    private var byYear: [Int: [Int]] = [:]

    init(rows: [Row]) throws {
        for row in rows {
            guard let field = DisputedField(rawValue: try row.require("field")) else { continue }
            let year: Int = try row.require("year")
            let runner: String? = try row.optional("runner_name")
            let loop: Int? = try row.optional("loop")
            let key = Key(year: year, field: field, runner: runner, loop: loop)
            let value: String = try row.require("value")
            if let index = byKey[key] {
                facts[index].alternatives.append(value)
                continue
            }
            let label = DisputedFact(year: year, field: field, runner: try row.optional("entry_name"), loop: loop,
                                     preferred: "", preferredCited: [], alternatives: []).label
            let index = facts.count
            facts.append(Fact(order: index, year: year, field: field, runner: runner, loop: loop, label: label,
                              outcome: try row.optional("outcome", as: String.self).flatMap(Outcome.init(rawValue:)),
                              alternatives: [value]))
            byKey[key] = index
            byYear[year, default: []].append(index)
            if let runner { byEntrant[year, default: [:]][runner, default: []].append(index) }
        }
    }

    func fact(year: Int, field: DisputedField, runner: String? = nil, loop: Int? = nil) -> Int? {
        byKey[Key(year: year, field: field, runner: runner, loop: loop)]
    }

    /// The facts of one entrant of `year` (their own and their loop times).
    func entrant(year: Int, runner: String) -> [Int] { byEntrant[year]?[runner] ?? [] }

    /// The facts of entrants in `year`.
    func entrants(year: Int) -> [Int] { (byEntrant[year] ?? [:]).values.flatMap { $0 } }

    /// Every fact of `year`.
    func all(year: Int) -> [Int] { byYear[year] ?? [] }
}

/// The disputed facts one answer used, gathered while the query reads its values.
///
/// A query names what it used: an edition's stated value it shows or counts with, the entrants
/// it lists or counts (their presence, outcome, loops and whichever of their values it shows),
/// the loop times it compares. ``labels`` is what ``Completeness/disputed`` lists, in the race's
/// order of disputed facts.
struct DisputesUsed {
    let index: DisputeIndex
    private(set) var used: Set<Int> = []

    init(_ index: DisputeIndex) { self.index = index }

    /// The facts used, as answers name them, in the race's order.
    var labels: [String] { used.sorted().map { index.facts[$0].label } }

    /// An edition's own value (`start_time`, `starters`, `finishers`, `fun_run_completers`…).
    mutating func edition(_ year: Int, _ fields: DisputedField...) {
        for field in fields { if let fact = index.fact(year: year, field: field) { used.insert(fact) } }
    }

    /// A loop count of the edition (`started`, `completed`) or its cutoff (`time`) of `loop`.
    mutating func loop(_ year: Int, _ loop: Int, _ field: DisputedField) {
        if let fact = index.fact(year: year, field: field, loop: loop) { used.insert(fact) }
    }

    /// An entrant's own values among `fields` (`entered`, `outcome`, `country`…).
    mutating func entrant(_ year: Int, _ runner: String, _ fields: Set<DisputedField>) {
        for fact in index.entrant(year: year, runner: runner) where fields.contains(index.facts[fact].field) { used.insert(fact) }
    }

    /// An entrant's loop time of `loop`; every loop time of theirs when nil.
    mutating func loopTime(_ year: Int, _ runner: String, loop: Int?) {
        for fact in index.entrant(year: year, runner: runner)
        where index.facts[fact].field == .elapsed && (loop == nil || index.facts[fact].loop == loop) {
            used.insert(fact)
        }
    }

    /// Everything the entrant's row states: their own values and every loop time.
    mutating func wholeEntrant(_ year: Int, _ runner: String) {
        used.formUnion(index.entrant(year: year, runner: runner))
    }

    /// Every entrant of `years` counted because of their outcome (`outcome`; any when nil):
    /// their presence, outcome and loops — and, for an outcome, the entrants whose disputed
    /// outcome might be it, since the preferred value is what kept them out.
    mutating func counted(years: Set<Int>, outcome: Outcome?, also fields: Set<DisputedField> = []) {
        let countedFields = Self.presence.union(outcome == nil ? [] : Self.outcomeFields).union(fields)
        for year in years {
            for fact in index.entrants(year: year) {
                let disputed = index.facts[fact]
                if let outcome, disputed.outcome != outcome {
                    if disputed.field == .outcome && disputed.alternatives.contains(outcome.rawValue) { used.insert(fact) }
                    continue
                }
                if countedFields.contains(disputed.field) { used.insert(fact) }
            }
        }
    }

    /// Loop times of `years`' entrants with `outcome` at the loop `loop(year)` gives (a finish's
    /// last loop, the fun run's); every loop when it gives nil.
    mutating func loopTimes(years: Set<Int>, outcome: Outcome?, loop: (Int) -> Int?) {
        for year in years {
            for fact in index.entrants(year: year) {
                let disputed = index.facts[fact]
                guard disputed.field == .elapsed, outcome == nil || disputed.outcome == outcome else { continue }
                if let wanted = loop(year), disputed.loop != wanted { continue }
                used.insert(fact)
            }
        }
    }

    /// The edition's own disputed facts: its stated values, cutoffs and loop counts (not its entrants').
    mutating func editionLevel(_ year: Int) {
        used.formUnion(index.all(year: year).filter { index.facts[$0].runner == nil })
    }

    /// Adds what `other` used.
    mutating func formUnion(_ other: DisputesUsed) { used.formUnion(other.used) }

    /// What counting an entrant rests on: that they were there.
    static let presence: Set<DisputedField> = [.entered]
    /// What an entrant's outcome rests on.
    static let outcomeFields: Set<DisputedField> = [.entered, .outcome, .loopsCompleted]
    /// The entrant's values a list of finishes or fun runs shows.
    static let shownFields: Set<DisputedField> = [.entered, .outcome, .loopsCompleted, .country, .sex, .firstAttempt]
}

extension History {
    /// The race's disputed facts, indexed for ``DisputesUsed``.
    ///
    /// - Throws: `SQLiteError` when the archive cannot be read.
    func disputeIndex() throws -> DisputeIndex {
        try DisputeIndex(rows: try connection.rows(SQL.disputedFacts.sql, [race]))
    }

    /// An empty record of the disputed facts an answer uses.
    func disputesUsed() throws -> DisputesUsed { DisputesUsed(try disputeIndex()) }

    /// What an answer that lists or counts the entrants with `outcome` in the held `editions`
    /// used: those entrants' presence, outcome and loops (and `fields` of theirs), the count of
    /// `outcome` each edition states (unless `stated` is false: an answer that only lists them),
    /// and with `times` the time each reached it in.
    ///
    /// - Throws: `SQLiteError` when the archive cannot be read.
    func disputes(counting outcome: Outcome, in editions: [EditionFacts], also fields: Set<DisputedField> = [],
                  times: Bool = false, stated: Bool = true, index: DisputeIndex? = nil) throws -> DisputesUsed {
        var used = DisputesUsed(try index ?? disputeIndex())
        let held = editions.filter(\.held)
        let years = Set(held.map(\.year))
        used.counted(years: years, outcome: outcome, also: fields)
        let statedField: DisputedField? = outcome == .finish ? .finishers : outcome == .funRun ? .funRunCompleters : nil
        if stated, let statedField { for year in years { used.edition(year, statedField) } }
        if times {
            let loops = Dictionary(held.map { ($0.year, outcome == .funRun ? $0.funRunLoops : $0.finishLoops) },
                                   uniquingKeysWith: { first, _ in first })
            used.loopTimes(years: years, outcome: outcome) { loops[$0] ?? nil }
        }
        return used
    }

    /// What an answer that counts every entrant of the held `editions` used: their presence,
    /// and `fields` of theirs.
    func disputes(countingStartsIn editions: [EditionFacts], also fields: Set<DisputedField> = []) throws -> DisputesUsed {
        var used = try disputesUsed()
        used.counted(years: Set(editions.filter(\.held).map(\.year)), outcome: nil, also: fields)
        return used
    }
}

extension SQL {
    static let disputedFacts = NamedQuery("the disputed facts of the race, with their entrants", """
        SELECT edition.year AS year, disputed_value.field AS field, disputed_value.loop AS loop, disputed_value.value AS value,
               entry.name AS entry_name, runner.name AS runner_name, entry.outcome AS outcome
        FROM edition CROSS JOIN disputed_value ON disputed_value.edition_id = edition.id
        LEFT JOIN entry ON entry.id = disputed_value.entry_id
        LEFT JOIN runner ON runner.id = entry.runner_id
        WHERE edition.race = ?1
        ORDER BY edition.year, disputed_value.id
        """, sample: [.text(Edition.barkley)])
}
