/// How wide each column of a table is drawn, given the width the output may take.
///
/// Every column starts at its widest cell (heading included). When the table is wider than the
/// limit, only the columns marked ``Column/wraps`` (text: names, notes, citations) give up
/// room, widest first, down to a floor. The floor is the first of these that lets the table
/// fit: ``floor`` columns; the longest word of the column's cells (up to ``floor``); the longest
/// word of its heading. A column is never narrower than its heading's longest word, so a
/// heading breaks only between words. Numbers and times never give up room, so they never
/// break. A table that still does not fit (too many number columns for a narrow terminal) is
/// drawn at the last floors, as narrow as it can be.
enum TableLayout {
    /// Columns between two cells.
    static let gap = 2
    /// A wrapping column is not made narrower than this while the table can fit without it.
    static let floor = 10
    /// A column of keys (``Column/keepsWordsWhole``) keeps its longest word whole up to this width.
    static let wholeWordFloor = 30

    /// - Parameters:
    ///   - natural: each column's widest cell, heading included, in terminal columns.
    ///   - headingWords: each heading's longest word.
    ///   - cellWords: each column's longest word in its cells.
    ///   - wraps: which columns may be narrowed.
    ///   - limit: the width available; nil for no limit.
    ///   - whole: which columns keep their words whole (``Column/keepsWordsWhole``): while the
    ///     table can fit, such a column whose longest word is at most ``wholeWordFloor`` (source
    ///     keys) is not made narrower than that word; one with longer words (URLs) gives up
    ///     room like any text column, and its long words are shortened.
    static func widths(natural: [Int], headingWords: [Int], cellWords: [Int], wraps: [Bool], whole: [Bool]? = nil, limit: Int?) -> [Int] {
        guard let limit, !natural.isEmpty else { return natural }
        let gaps = gap * (natural.count - 1)
        func wholeFloor(_ index: Int, _ floor: Int) -> Int {
            whole?[index] == true && cellWords[index] <= wholeWordFloor ? max(floor, cellWords[index]) : floor
        }
        let stages: [[Int]] = [
            natural.indices.map { wholeFloor($0, max(headingWords[$0], floor)) },
            natural.indices.map { wholeFloor($0, max(headingWords[$0], min(cellWords[$0], floor))) },
            headingWords,
        ].map { floors in natural.indices.map { min(natural[$0], floors[$0]) } }
        func drawn(cap: Int, floors: [Int]) -> [Int] {
            natural.indices.map { wraps[$0] ? max(floors[$0], min(natural[$0], cap)) : natural[$0] }
        }
        func total(_ widths: [Int]) -> Int { widths.reduce(gaps, +) }
        let widest = natural.max() ?? 0
        guard total(natural) > limit else { return natural }
        let floors = stages.first { total(drawn(cap: 0, floors: $0)) <= limit } ?? stages[stages.count - 1]
        // The largest cap on wrapping columns that fits: a binary search, linear in the columns.
        var low = 0, high = widest
        while low < high {
            let middle = (low + high + 1) / 2
            if total(drawn(cap: middle, floors: floors)) <= limit { low = middle } else { high = middle - 1 }
        }
        return drawn(cap: low, floors: floors)
    }
}
