import BarkleyArchive

/// Finishes and finishers of one race (the 100-mile race or the early 3-loop race): the
/// headline counts, which sources give per race ("26 finishes by 20 runners").
public struct CategoryTotal: Sendable, Hashable, Codable {
    public var category: RaceCategory
    /// Named finishes of this race (a runner who finished twice counts twice).
    public var finishes: Int
    /// Distinct runners with a finish of this race.
    public var finishers: Int
    /// Years with a finish, earliest first.
    public var years: [Int]

    public init(category: RaceCategory, finishes: Int, finishers: Int, years: [Int]) {
        self.category = category
        self.finishes = finishes
        self.finishers = finishers
        self.years = years
    }

    enum CodingKeys: String, CodingKey {
        case category, finishes, finishers, years
    }
}

extension History {
    /// Finishes and finishers of each race the archive holds editions of, the 100-mile race
    /// first: through 2025, 26 by 20 runners, and the 3-loop race's 1 (Ed Furtaw, 1988).
    ///
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func finishTotalsByCategory() throws -> [CategoryTotal] {
        let editions = try editionFacts()
        let categoryOfYear = Dictionary(editions.map { ($0.year, $0.category) }, uniquingKeysWith: { first, _ in first })
        let finishes = try allFinishes().finishes
        return RaceCategory.allCases.compactMap { category in
            guard editions.contains(where: { $0.held && $0.category == category }) else { return nil }
            let own = finishes.filter { categoryOfYear[$0.year] == category }
            return CategoryTotal(category: category, finishes: own.count, finishers: Set(own.map(\.runner)).count,
                                 years: Array(Set(own.map(\.year))).sorted())
        }
    }
}
