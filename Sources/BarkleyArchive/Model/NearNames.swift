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
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        return distance(a, b, limit: allowedDistance(length: min(a.count, b.count)))
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

/// The runners an import could mistake a new name for, indexed so that finding the near ones
/// costs some hash look-ups and a few comparisons, not a pass over every runner.
///
/// Each identity of `L` characters (L ≥ 5) is cut into five parts. Two identities within `d`
/// edits (d ≤ 2) of each other share at least 5 − d of the parts unchanged, each at a position
/// shifted by at most `d` (the pigeonhole argument of Li et al., "PassJoin", VLDB 2011). So a
/// query may leave out the 4 − d parts with the most runners behind them — the parts of a
/// common given name, such as "guil" and "laum" of every Guillaume — and still meet every
/// near runner in a part it looks up. For each length within `d` of its own it looks up each
/// remaining part's text at the positions it could have moved to, and compares only the
/// runners found there letter by letter.
///
/// Memory is a name, an identity and five index entries a runner.
struct NearNameIndex {
    static let partCount = 5

    /// Each runner's name as written, and its identity, compared with every runner a query
    /// finds; the key is folded again only for the few near ones.
    private(set) var names: [String] = []
    private var identities: [String] = []
    /// Each identity's length in characters, with the top bit set when it is ASCII.
    private var shapes: [UInt16] = []
    /// The last runner added behind each part (by a hash of its length, index and text) and
    /// how many there are, chained through `postings`: flat arrays rather than an array per
    /// part, which at a million runners would be a million allocations.
    private var heads: [UInt64: (last: Int32, count: Int32)] = [:]
    private var postings: [(runner: Int32, next: Int32)] = []
    /// Identities too short to cut in five, by length.
    private var short: [Int: [Int32]] = [:]

    private static let asciiFlag: UInt16 = 0x8000

    /// Adds a runner; `name` as written, `key` its ``NameKey/fold(_:)``.
    mutating func add(name: String, key: String) {
        let identityText = NameKey.identity(folded: key)
        let identity = Array(identityText.unicodeScalars)
        let position = Int32(names.count)
        names.append(name)
        identities.append(identityText)
        shapes.append(UInt16(min(identity.count, 0x7FFF)) | (identityText.utf8.count == identity.count ? Self.asciiFlag : 0))
        guard identity.count >= Self.partCount else {
            short[identity.count, default: []].append(position)
            return
        }
        for (index, range) in Self.cuts(length: identity.count).enumerated() {
            let hash = Self.hash(length: identity.count, index: index, identity[range])
            let head = heads[hash]
            postings.append((position, head?.last ?? -1))
            heads[hash] = (Int32(postings.count - 1), (head?.count ?? 0) + 1)
        }
    }

    /// A runner found near a name: as written, its ``NameKey/fold(_:)``, and the edit distance
    /// between the identities.
    struct Match {
        let name: String
        let key: String
        let distance: Int
    }

    /// The runners near `identity` (see ``NearNames``), other than those whose key is `key`
    /// (the same runner, matched already), nearest first; and whether the index holds a runner
    /// of that key (any does share every part, so the search meets it).
    func near(identity text: String, key: String) -> (matches: [Match], holdsKey: Bool) {
        let identity = Array(text.unicodeScalars)
        let ascii = text.utf8.count == identity.count
        let limit = NearNames.allowedDistance(length: identity.count)
        var seen = Set<Int32>()
        var found: [(match: Match, position: Int32)] = []
        var holdsKey = false
        func check(_ position: Int32) {
            guard seen.insert(position).inserted else { return }
            let shape = shapes[Int(position)]
            let length = Int(shape & ~Self.asciiFlag)
            let allowed = min(limit, NearNames.allowedDistance(length: length))
            guard abs(length - identity.count) <= allowed else { return }
            let distance: Int?
            if ascii, shape & Self.asciiFlag != 0 {
                var other = identities[Int(position)], mine = text
                distance = mine.withUTF8 { a in other.withUTF8 { b in NearNames.distance(a, b, limit: allowed) } }
            } else {
                distance = NearNames.distance(identity, Array(identities[Int(position)].unicodeScalars), limit: allowed)
            }
            guard let distance else { return }
            let name = names[Int(position)]
            let otherKey = NameKey.fold(name)
            guard otherKey != key else {
                holdsKey = true
                return
            }
            found.append((Match(name: name, key: otherKey, distance: distance), position))
        }
        for length in max(0, identity.count - limit)...(identity.count + limit) {
            guard length >= Self.partCount else {
                short[length]?.forEach(check)
                continue
            }
            // Each part's look-ups, and how many runners are behind them.
            var probes: [(part: Int, heads: [Int32], runners: Int)] = []
            for (index, range) in Self.cuts(length: length).enumerated() {
                let width = range.count
                let lowest = max(0, range.lowerBound - limit), highest = min(identity.count - width, range.lowerBound + limit)
                var found: [Int32] = [], runners = 0
                if lowest <= highest {
                    for start in lowest...highest {
                        if let head = heads[Self.hash(length: length, index: index, identity[start..<(start + width)])] {
                            found.append(head.last)
                            runners += Int(head.count)
                        }
                    }
                }
                probes.append((index, found, runners))
            }
            // At least 5 − limit parts survive: looking up the limit + 1 least busy, the
            // 4 − limit left out cannot hold all of them.
            for probe in probes.sorted(by: { $0.runners < $1.runners }).prefix(limit + 1) {
                for head in probe.heads {
                    var posting = head
                    while posting >= 0 {
                        check(postings[Int(posting)].runner)
                        posting = postings[Int(posting)].next
                    }
                }
            }
        }
        return (found.sorted { ($0.match.distance, $0.position) < ($1.match.distance, $1.position) }.map(\.match), holdsKey)
    }

    /// The five parts of an identity of `length` characters (length ≥ 5): the first parts are
    /// the shorter when the length does not divide by five.
    private static func cuts(length: Int) -> [Range<Int>] {
        let base = length / partCount, longer = length % partCount
        var start = 0
        return (0..<partCount).map { index in
            let width = base + (index >= partCount - longer ? 1 : 0)
            defer { start += width }
            return start..<(start + width)
        }
    }

    /// FNV-1a over a part's length, index and letters; a collision only costs a comparison.
    private static func hash(length: Int, index: Int, _ letters: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ value: UInt32) {
            hash = (hash ^ UInt64(value)) &* 0x0000_0100_0000_01b3
        }
        mix(UInt32(length))
        mix(UInt32(index))
        for letter in letters { mix(letter.value) }
        return hash
    }
}
