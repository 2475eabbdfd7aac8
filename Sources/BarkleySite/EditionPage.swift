import BarkleyArchive
import BarkleyCharts
import BarkleyPresentation
import BarkleyQueries

/// `editions/YEAR/index.html`: format and cutoffs, counts, the attrition chart, every entrant
/// with cumulative and split loop times, outcomes with their reasons, unofficial loops marked,
/// disputed values marked and listed, and the sources as numbered footnotes.
struct EditionPage {
    struct SourceModel {
        var number: Int
        var key: String
        var citation: String
        var isLink: Bool
    }

    struct RefModel {
        var number: Int
    }

    struct TimeModel {
        /// Cumulative time at the end of the loop; nil when not reached or unknown.
        var cumulative: String?
        /// The loop alone, when the previous loop's time is known too.
        var split: String?
        /// True when the loop was completed but its time is unknown.
        var unknown: Bool
        /// Why the loop, though run, does not count (`unofficial: off course`); nil for a loop that counts.
        var unofficial: String? = nil
        var disputes: [DisputeLink] = []
    }

    struct EntrantModel {
        var position: Int
        var name: String
        var href: String
        var listedAs: String?
        var note: String?
        var country: CellModel
        var sex: CellModel
        var loops: CellModel
        var outcome: String
        /// Disputes over the outcome, and over whether the runner was in this edition at all.
        var outcomeDisputes: [DisputeLink]
        var nameDisputes: [DisputeLink]
        var times: [TimeModel]
        var refs: [RefModel]
    }

    var title: String
    var root = "../../"
    var facts: [FactModel]
    var hasFacts: Bool
    var chart: ChartModel?
    /// The chart's loop counts that the sources disagree on (the chart draws the preferred ones).
    var chartDisputes: [DisputeLink] = []
    var hasChartDisputes = false
    var loopHeaders: [String]
    var entrants: [EntrantModel]
    var hasEntrants: Bool
    var emptyMessage: String
    /// The edition's notes as paragraphs (``Presentation/paragraphs(_:)``); empty when it has none.
    var notes: [String]
    var sources: [SourceModel]
    var hasSources: Bool
    var disputes: [EditionDisputes.EntryModel]
    var hasDisputes: Bool
    var citedEdition: [RefModel]
    var hasCitedEdition: Bool
    var previous: LinkModel?
    var next: LinkModel?

    init(edition: Edition, attrition: EditionAttrition, runnerSlugs: [String: String], previousYear: Int?, nextYear: Int?) {
        title = Presentation.raceTitle(edition.race) + " \(edition.year)" + (edition.held ? "" : " (not held)")
        let numbers = Dictionary(edition.sources.enumerated().map { ($1.key, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        /// Footnote numbers of `keys`, each once, in number order.
        func refs(_ keys: [String]) -> [RefModel] { Set(keys.compactMap { numbers[$0] }).sorted().map(RefModel.init(number:)) }
        let outcomes = edition.entrants.map { $0.outcome(under: edition.format) }
        let disputed = EditionDisputes(edition: edition, footnotes: refs)
        disputes = disputed.entries
        hasDisputes = !disputes.isEmpty
        facts = edition.held ? Self.heldFacts(edition, outcomes: outcomes, disputes: disputed, refs: { refs($0).map(\.number) })
            : [FactModel("Held", "no")]
        hasFacts = true
        let loopCount = max(edition.format.loops ?? 0, edition.entrants.flatMap { $0.times.map(\.loop) }.max() ?? 0,
                            edition.entrants.compactMap(\.loopsCompleted).max() ?? 0)
        loopHeaders = (0..<loopCount).map { "Loop \($0 + 1)" }
        entrants = edition.entrants.enumerated().map { index, entrant in
            func cell(_ text: String?, _ field: DisputedField, numeric: Bool = false) -> CellModel {
                var cell = CellModel(text, numeric: numeric)
                cell.disputes = disputed.links(field, runner: entrant.name)
                return cell
            }
            return EntrantModel(position: index + 1, name: entrant.name, href: "../../runners/\(runnerSlugs[entrant.name] ?? RunnerDirectory.slug(entrant.name))/index.html",
                         listedAs: entrant.listedAs, note: entrant.note,
                         country: cell(entrant.country, .country), sex: cell(entrant.sex?.rawValue, .sex),
                         loops: cell(Presentation.loopsCompleted(entrant), .loopsCompleted, numeric: true),
                         outcome: Presentation.outcome(outcomes[index], reason: entrant.reason, note: entrant.reasonNote),
                         outcomeDisputes: disputed.links(.outcome, runner: entrant.name),
                         nameDisputes: disputed.links(.entered, .firstAttempt, runner: entrant.name),
                         times: Self.times(entrant, loops: loopCount, disputes: disputed),
                         refs: refs(entrant.cited + entrant.times.flatMap(\.cited)))
        }
        hasEntrants = !entrants.isEmpty
        emptyMessage = edition.held ? "No entrant is named." : "No entrants: the race was not held."
        notes = Presentation.paragraphs(edition.notes ?? "")
        sources = edition.sources.enumerated().map { index, source in
            SourceModel(number: index + 1, key: source.key, citation: source.citation,
                        isLink: source.citation.hasPrefix("https://") || source.citation.hasPrefix("http://"))
        }
        hasSources = !sources.isEmpty
        citedEdition = refs(edition.cited)
        hasCitedEdition = !citedEdition.isEmpty
        if edition.held {
            let chart = AttritionChart(year: edition.year, loops: attrition.loops.map {
                AttritionChart.Loop(loop: $0.loop, started: $0.started, completed: $0.completed,
                                    startedIsDeduced: $0.startedIsDeduced, completedIsDeduced: $0.completedIsDeduced)
            }).chart()
            self.chart = ChartModel(chart)
            chartDisputes = disputed.loopCountLinks(edition.loopCounts)
            hasChartDisputes = !chartDisputes.isEmpty
        }
        previous = previousYear.map { LinkModel(text: "\($0)", href: "../\($0)/index.html") }
        next = nextYear.map { LinkModel(text: "\($0)", href: "../\($0)/index.html") }
    }

    /// - Parameter refs: the footnote numbers of source keys.
    private static func heldFacts(_ edition: Edition, outcomes: [Outcome], disputes: EditionDisputes, refs: ([String]) -> [Int]) -> [FactModel] {
        var facts: [FactModel] = []
        let start = [edition.startDate, edition.startTime].compactMap { $0 }.joined(separator: " ")
        facts.append(FactModel("Start", start.isEmpty ? nil : start, disputes: disputes.links(.startDate, .startTime)))
        let race = Presentation.raceFact(of: edition)
        facts.append(FactModel(race.label, race.value))
        facts.append(FactModel("Format", Presentation.format(edition.format)))
        if !edition.format.cutoffs.isEmpty {
            let loops = edition.format.cutoffs.keys.sorted()
            facts.append(FactModel("Cutoffs", edition.format.cutoffs.sorted { $0.key < $1.key }
                .map { "loop \($0.key) \(Presentation.time($0.value))" }.joined(separator: ", "),
                refs: refs(loops.flatMap { edition.cutoffSources[$0]?.cited ?? [] }), disputes: disputes.cutoffLinks(loops: loops)))
        }
        if let course = Presentation.courseFact(of: edition) {
            facts.append(FactModel(course.label, course.value, refs: refs(course.cited)))
        }
        facts.append(FactModel("Starters", edition.starters.map(String.init), disputes: disputes.links(.starters)))
        facts.append(FactModel("Entrant list", "\(edition.entrantList.rawValue), \(edition.entrants.count) named"))
        facts.append(FactModel("Finishers", Presentation.count(stated: edition.statedFinishers, named: outcomes.filter { $0 == .finish }.count),
                               disputes: disputes.links(.finishers)))
        facts.append(FactModel("Fun runs", Presentation.count(stated: edition.statedFunRuns, named: outcomes.filter { $0 == .funRun }.count,
                                                              suffix: " besides the finishers"), disputes: disputes.links(.funRunCompleters)))
        return facts
    }

    /// One cell a loop: cumulative time and split; "unknown" for a loop completed without a
    /// known time; empty for a loop not reached.
    private static func times(_ entrant: Entrant, loops: Int, disputes: EditionDisputes) -> [TimeModel] {
        let byLoop = entrant.timesByLoop
        let unofficial = Dictionary(entrant.times.compactMap { time in time.unofficial.map { (time.loop, $0) } }, uniquingKeysWith: { first, _ in first })
        let reached = entrant.loopsCompleted ?? byLoop.keys.max() ?? 0
        return (1...max(loops, 1)).prefix(loops).map { loop in
            guard let time = byLoop[loop] else { return TimeModel(cumulative: nil, split: nil, unknown: loop <= reached) }
            let previous = loop == 1 ? RaceTime(seconds: 0) : byLoop[loop - 1]
            let split = previous.map { previous in
                Presentation.time(RaceTime(seconds: time.seconds - previous.seconds,
                                           precision: time.precision == .exact && previous.precision == .exact ? .exact : .approximate))
            }
            return TimeModel(cumulative: Presentation.time(time), split: loop == 1 ? nil : split, unknown: false,
                             unofficial: unofficial[loop].map(Presentation.unofficial), disputes: disputes.links(.elapsed, runner: entrant.name, loop: loop))
        }
    }
}
