/// Names close enough to be one person spelled two ways: the same ``NameKey/identity(_:)``, or
/// identities a letter or two apart (an edit distance of at most 1 for identities of 5 to 9
/// characters, spaces included, 2 from 10 characters; those of 4 or fewer must be equal).
///
/// The import asks before it creates a runner whose name is near an existing runner's (see
/// `NearNameIndex`): a silent second "Jasmin Paris" would split one person's history.
public enum NearNames {
    /// The largest edit distance at which identities of `length` letters are near.
    public static func allowedDistance(length: Int) -> Int {
        switch length {
        case ..<5: 0
        case 5..<10: 1
        default: 2
        }
    }

    /// The edit distance of two identities when it is at most the allowed distance for the
    /// shorter, else nil.
    public static func distance(_ a: String, _ b: String) -> Int? {
        distance(a, b, limit: allowedDistance(length: min(a.unicodeScalars.count, b.unicodeScalars.count)))
    }

    /// ``distance(_:_:limit:)`` of two identities as text: on their bytes when both are ASCII
    /// (one letter, one byte), so the import's many comparisons allocate nothing.
    static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
        var a = a, b = b
        let ascii = a.utf8.allSatisfy { $0 < 0x80 } && b.utf8.allSatisfy { $0 < 0x80 }
        guard ascii else { return distance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit) }
        return a.withUTF8 { a in b.withUTF8 { b in distance(a, b, limit: limit) } }
    }

    /// Levenshtein distance when it is at most `limit`, else nil: only the diagonal band of
    /// width 2 × limit + 1 is computed, so the cost is O(length × limit).
    static func distance<C: RandomAccessCollection>(_ a: C, _ b: C, limit: Int) -> Int? where C.Element: Equatable, C.Index == Int {
        guard abs(a.count - b.count) <= limit else { return nil }
        if limit == 0 { return a.elementsEqual(b) ? 0 : nil }
        if a.isEmpty { return b.count <= limit ? b.count : nil }
        let (a0, b0, n) = (a.startIndex, b.startIndex, b.count)
        let beyond = limit + 1
        // Two rows of the table, on the stack: the import compares many candidates.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (n + 1)) { cells -> Int? in
            var previous = 0, current = n + 1  // where each row starts in `cells`
            for j in 0...n { cells[previous + j] = j <= limit ? j : beyond }
            for i in 1...a.count {
                let low = max(1, i - limit), high = min(n, i + limit)
                for j in 0...n { cells[current + j] = beyond }
                if i <= limit { cells[current] = i }
                var best = cells[current]
                if low <= high {
                    for j in low...high {
                        let substitution = cells[previous + j - 1] + (a[a0 + i - 1] == b[b0 + j - 1] ? 0 : 1)
                        let value = min(substitution, cells[previous + j] + 1, cells[current + j - 1] + 1, beyond)
                        cells[current + j] = value
                        best = min(best, value)
                    }
                }
                if best > limit { return nil }
                swap(&previous, &current)
            }
            return cells[previous + n] <= limit ? cells[previous + n] : nil
        }
    }
}
