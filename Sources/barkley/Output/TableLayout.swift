/// How wide each column of a table is drawn, given the width the output may take.
///
/// Every column starts at its widest cell (heading included). When the table is wider than the
/// limit, only the columns marked ``Column/wraps`` (text: names, notes, citations) give up
/// room, widest first, down to a floor: the longest word of the column's cells (up to
/// ``wholeWordFloor``) or of its heading, whichever is longer. So a name, a key or a word of a
/// note is never broken across lines: a column is never narrower than its longest word. Only a
/// word longer than ``wholeWordFloor`` (a URL in a note) may break, or be shortened in a column
/// of keys (``Column/keepsWordsWhole``). Numbers and times never give up room, so they never
/// break. A table that still does not fit is drawn stacked, one field a line (``TableGrid``),
/// rather than with broken words.
enum TableLayout {
    /// Columns between two cells.
    static let gap = 2
    /// A value is never wrapped narrower than this (a stacked value beside a long heading).
    static let floor = 10
    /// Words up to this width are never broken: names, keys, words of notes. Longer ones are
    /// URLs and paths, which break after a `/` (notes) or are shortened (keys, citations).
    static let wholeWordFloor = 30

    /// - Parameters:
    ///   - natural: each column's widest cell, heading included, in terminal columns.
    ///   - headingWords: each heading's longest word.
    ///   - cellWords: each column's longest word in its cells of at most ``wholeWordFloor``
    ///     columns (a URL's width does not count: it may break or be shortened).
    ///   - wraps: which columns may be narrowed.
    ///   - whole: unused by the floors (every column keeps words up to ``wholeWordFloor``
    ///     whole); kept for callers that say which columns hold keys.
    ///   - limit: the width available; nil for no limit.
    /// - Returns: each column's width; their sum with the gaps is wider than `limit` when the
    ///   table cannot fit with its words whole (the caller then stacks it).
    static func widths(natural: [Int], headingWords: [Int], cellWords: [Int], wraps: [Bool], whole: [Bool]? = nil, limit: Int?) -> [Int] {
        guard let limit, !natural.isEmpty else { return natural }
        let gaps = gap * (natural.count - 1)
        func total(_ widths: [Int]) -> Int { widths.reduce(gaps, +) }
        guard total(natural) > limit else { return natural }
        let floors = natural.indices.map { min(natural[$0], max(headingWords[$0], min(cellWords[$0], wholeWordFloor))) }
        func drawn(cap: Int) -> [Int] {
            natural.indices.map { wraps[$0] ? max(floors[$0], min(natural[$0], cap)) : natural[$0] }
        }
        // The largest cap on wrapping columns that fits: a binary search, linear in the columns.
        var low = 0, high = natural.max() ?? 0
        while low < high {
            let middle = (low + high + 1) / 2
            if total(drawn(cap: middle)) <= limit { low = middle } else { high = middle - 1 }
        }
        return drawn(cap: low)
    }
}
