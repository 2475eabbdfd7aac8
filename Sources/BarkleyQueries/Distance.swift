import BarkleyArchive

extension History {
    /// The race's editions whose finish was `loops` loops, oldest first; every edition when nil.
    ///
    /// The counting questions take a distance so that a 100-mile count (5 loops) is not mixed
    /// with the 3-loop race of 1986–1988: "USA 21 finishes" is 20 of the 100-mile race.
    func editionFacts(loops: Int?) throws -> [EditionFacts] {
        let editions = try editionFacts()
        guard let loops else { return editions }
        return editions.filter { $0.finishLoops == loops }
    }

    /// Every finish of `loops` loops, by year and place; every finish when nil.
    ///
    /// Through 2025: 26 finishes of 5 loops, and Ed Furtaw's 1988 finish of 3.
    ///
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func allFinishes(loops: Int?) throws -> FinishList {
        guard let loops else { return try allFinishes() }
        let editions = try editionFacts(loops: loops)
        let years = Set(editions.map(\.year))
        return FinishList(finishes: try allFinishes().finishes.filter { years.contains($0.year) },
                          completeness: try finishCompleteness(in: editions, showing: true), loops: loops)
    }
}
