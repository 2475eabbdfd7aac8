import BarkleyArchive
import BarkleyCharts
import BarkleyPresentation
import BarkleyQueries

/// The pages of tables: home, finishers, fun runs, records, firsts, countries. Each is built
/// from one or two answers of ``History`` and worded by `Presentation`.
struct ListPages {
    let history: History
    let runnerHref: (String) -> String

    private func runner(_ name: String) -> CellModel { CellModel(name, href: runnerHref(name)) }
    private func year(_ year: Int?) -> CellModel { CellModel(year.map(String.init), href: year.map { "../editions/\($0)/index.html" }) }

    func home(editionYears: [Int]) throws -> GeneralPage {
        let perYear = try history.resultsPerYear()
        let totals = try history.finishTotals()
        let byRace = try history.finishTotalsByCategory()
        var page = GeneralPage(title: Presentation.raceTitle(history.race), root: "",
                               intro: "Every edition, entrant, loop time and source the archive holds, with what is unknown said so.")
        let held = perYear.filter(\.held)
        // Finishes per race, as `barkley overview` counts them: the 3-loop race's never join the 100-mile race's.
        let finishes: [FactModel] = byRace.isEmpty
            ? [FactModel("Finishes", "\(totals.finishes) by \(Presentation.plural(totals.finishers, "runner"))")]
            : byRace.map { total in
                let (label, value) = Presentation.finishTotal(total, alone: byRace.count == 1)
                return FactModel(label, value)
            }
        let editions = FactModel("Editions", held.isEmpty ? nil : "\(held.count) held, \(Presentation.span(perYear.first?.year ?? 0, perYear.last?.year ?? 0))"
                                 + (perYear.count > held.count ? "; not held in \(Presentation.years(perYear.filter { !$0.held }.map(\.year)))" : ""))
        page.facts = [editions] + finishes + [
            FactModel("Complete", Presentation.completeness(totals.completeness, where: "the sources do not name every finisher", othersListed: Presentation.disputesOnEditionPages)),
            FactModel("Fun runs", Presentation.funRunTotals(perYear)),
        ]
        page.chart = ChartModel(FinishesPerYearChart(years: perYear.map {
            .init(year: $0.year, held: $0.held, finishes: $0.finishers, funRuns: $0.funRuns)
        }, finishesInWords: Presentation.finishesByRace(byRace)).chart())
        page.tables = [TableModel(heading: "Editions", columns: [ColumnModel("Year"), ColumnModel("Starters", numeric: true),
                                                               ColumnModel("Finishers", numeric: true), ColumnModel("Fun runs", numeric: true)],
                                  rows: perYear.reversed().map { row in
                                      [CellModel("\(row.year)", href: "editions/\(row.year)/index.html"),
                                       row.held ? CellModel(row.starters.map(String.init), numeric: true) : CellModel("not held"),
                                       row.held ? CellModel(row.finishers.map(String.init), numeric: true) : CellModel(""),
                                       row.held ? CellModel(row.funRuns.map(String.init), numeric: true) : CellModel("")]
                                  })]
        return page
    }

    func finishers() throws -> GeneralPage {
        let list = try history.allFinishes()
        let byRace = try history.finishTotalsByCategory()
        var page = GeneralPage(title: "Finishers", root: "../", intro: "Every finish, by year" + (byRace.count > 1
            ? "; each race's counted apart, as the sources count them." : "."))
        page.facts = byRace.map { total in
            let (label, value) = Presentation.finishTotal(total, alone: byRace.count == 1)
            return FactModel(label, value)
        } + [FactModel("Complete", Presentation.completeness(list.completeness, where: "the sources do not name every finisher", othersListed: Presentation.disputesOnEditionPages))]
        page.tables = [TableModel(heading: "Finishes", columns: [ColumnModel("Year"), ColumnModel("Place", numeric: true), ColumnModel("Runner"),
                                                                ColumnModel("Country"), ColumnModel("Loops", numeric: true), ColumnModel("Time", numeric: true),
                                                                ColumnModel("To spare", numeric: true)],
                                  rows: list.finishes.map { finish in
                                      [year(finish.year), CellModel("\(finish.place)", numeric: true), runner(finish.runner), CellModel(finish.country),
                                       CellModel(finish.loops.map(String.init), numeric: true), CellModel(Presentation.time(finish.time), numeric: true),
                                       CellModel(Presentation.margin(finish), numeric: true)]
                                  })]
        return page
    }

    func funRuns() throws -> GeneralPage {
        let list = try history.allFunRunCompletions()
        var page = GeneralPage(title: "Fun runs", root: "../", intro: "Every fun run the sources name: the shorter distance completed within its limit, without a finish.")
        page.facts = [FactModel("Complete", Presentation.completeness(list.completeness, where: "the sources do not name every fun run", othersListed: Presentation.disputesOnEditionPages))]
        page.tables = [TableModel(heading: "Fun runs", columns: [ColumnModel("Year"), ColumnModel("Runner"), ColumnModel("Country"),
                                                                ColumnModel("Loops", numeric: true), ColumnModel("Time", numeric: true)],
                                  rows: list.funRuns.map { run in
                                      [year(run.year), runner(run.runner), CellModel(run.country),
                                       CellModel(run.loopsCompleted.map(String.init), numeric: true), CellModel(Presentation.time(run.time), numeric: true)]
                                  })]
        return page
    }

    func records() throws -> GeneralPage {
        let records = try history.records()
        var page = GeneralPage(title: "Records", root: "../", intro: "Records of \(Presentation.race(records.category)), over \(Presentation.plural(records.loops, "loop")).")
        page.facts = [FactModel("Finishes complete", Presentation.completeness(records.finishCompleteness, where: "a finish time is unknown", othersListed: Presentation.disputesOnEditionPages)),
                      FactModel("Loop times complete", Presentation.completeness(records.loopCompleteness, where: "loop times are unknown", othersListed: Presentation.disputesOnEditionPages))]
        func finishes(_ heading: String, _ list: [Finish]) -> TableModel {
            TableModel(heading: heading, columns: [ColumnModel("Year"), ColumnModel("Runner"), ColumnModel("Time", numeric: true), ColumnModel("To spare", numeric: true)],
                       rows: list.map { [year($0.year), runner($0.runner), CellModel(Presentation.time($0.time), numeric: true),
                                         CellModel(Presentation.margin($0), numeric: true)] })
        }
        page.tables = [
            finishes("Fastest finish", records.fastestFinish),
            finishes("Slowest finish", records.slowestFinish),
            finishes("Closest to the limit", records.smallestMargin),
            TableModel(heading: "Fastest time to the end of each loop", columns: [ColumnModel("Loop", numeric: true), ColumnModel("Time", numeric: true),
                                                                                  ColumnModel("Year"), ColumnModel("Runner")],
                       rows: records.fastestLoops.flatMap { record in
                           record.holders.map { [CellModel("\(record.loop)", numeric: true), CellModel(Presentation.time(record.time), numeric: true),
                                                 year($0.year), runner($0.runner)] }
                       }),
            TableModel(heading: "Fastest fun run", columns: [ColumnModel("Year"), ColumnModel("Runner"), ColumnModel("Time", numeric: true)],
                       rows: records.fastestFunRun.map { [year($0.year), runner($0.runner), CellModel(Presentation.time($0.time), numeric: true)] }),
        ]
        return page
    }

    func firsts() throws -> GeneralPage {
        let firsts = try history.firsts()
        var page = GeneralPage(title: "Firsts", root: "../", intro: "The first time each thing was done in \(Presentation.race(firsts.category)).")
        func milestone(_ label: String, _ milestone: Milestone<Finish>) -> [[CellModel]] {
            milestone.achievers.isEmpty ? [[CellModel(label), year(milestone.year), CellModel(nil)]]
                : milestone.achievers.map { [CellModel(label), year(milestone.year), runner($0.runner)] }
        }
        func funMilestone(_ label: String, _ milestone: Milestone<FunRun>) -> [[CellModel]] {
            milestone.achievers.isEmpty ? [[CellModel(label), year(milestone.year), CellModel(nil)]]
                : milestone.achievers.map { [CellModel(label), year(milestone.year), runner($0.runner)] }
        }
        let rows = milestone("Finish", firsts.finish) + milestone("Finish by a woman", firsts.womanFinish)
            + milestone("Finish at the first attempt", firsts.firstAttemptFinish)
            + funMilestone("Fun run", firsts.funRun) + funMilestone("Fun run by a woman", firsts.womanFunRun)
        page.tables = [
            TableModel(heading: "Firsts of the \(firsts.category.label) race", columns: [ColumnModel("What"), ColumnModel("Year"), ColumnModel("Who")], rows: rows),
            TableModel(heading: "First finish from each country",
                       note: "Complete: " + Presentation.completeness(firsts.countryCompleteness, where: "a finisher's country is unknown", othersListed: Presentation.disputesOnEditionPages),
                       columns: [ColumnModel("Country"), ColumnModel("Year"), ColumnModel("Who")],
                       rows: firsts.finishByCountry.flatMap { first in
                           first.milestone.achievers.map { [CellModel(first.country), year(first.milestone.year), runner($0.runner)] }
                       }),
        ]
        // The other race's firsts apart, never mixed in: the 3-loop race's first finish (Furtaw, 1988).
        if try history.finishTotalsByCategory().contains(where: { $0.category == .threeLoop }) {
            let early = try history.firsts(category: .threeLoop)
            page.tables.append(TableModel(heading: "Firsts of the 3-loop race", columns: [ColumnModel("What"), ColumnModel("Year"), ColumnModel("Who")],
                                          rows: milestone("Finish", early.finish) + milestone("Finish by a woman", early.womanFinish)))
        }
        return page
    }

    func countries() throws -> GeneralPage {
        let table = try history.countries()
        var page = GeneralPage(title: "Countries", root: "../", intro: "Starts, fun runs and finishes by the country the sources give.")
        page.facts = [FactModel("Starts complete", Presentation.completeness(table.startsCompleteness, where: "the list of starters is partial", othersListed: Presentation.disputesOnEditionPages)),
                      FactModel("Finishes complete", Presentation.completeness(table.finishesCompleteness, where: "a finisher's country is unknown", othersListed: Presentation.disputesOnEditionPages))]
        page.tables = [TableModel(heading: "Countries", columns: [ColumnModel("Country"), ColumnModel("Starts", numeric: true), ColumnModel("Runners", numeric: true),
                                                                 ColumnModel("Fun runs", numeric: true), ColumnModel("Finishes", numeric: true),
                                                                 ColumnModel("Finishers", numeric: true)],
                                  rows: table.countries.map { row in
                                      [CellModel(row.country), CellModel("\(row.starts)", numeric: true), CellModel("\(row.runners)", numeric: true),
                                       CellModel("\(row.funRuns)", numeric: true), CellModel("\(row.finishes)", numeric: true),
                                       CellModel("\(row.finishers)", numeric: true)]
                                  })]
        return page
    }
}
