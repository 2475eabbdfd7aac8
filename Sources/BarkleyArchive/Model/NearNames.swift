/// Names close enough to be one person spelled two ways: the same ``NameKey/identity(_:)``, or
/// identities a letter or two apart (an edit distance of at most 1 for names of 5 to 9
/// letters, 2 from 10 letters; names of 4 letters or fewer must be equal).
///
/// The import asks before it creates a runner whose name is near an existing runner's (see
/// ``NearNameIndex``): a silent second "Jasmin Paris" would split one person's history.
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

    /// Levenshtein distance when it is at most `limit`, else nil: only the diagonal band of
    /// width 2 × limit + 1 is computed, so the cost is O(length × limit).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        if limit == 0 { return a == b ? 0 : nil }
        let beyond = limit + 1
        var previous = [Int](repeating: beyond, count: b.count + 1)
        var current = previous
        for j in 0...min(b.count, limit) { previous[j] = j }
        if a.isEmpty { return b.count <= limit ? b.count : nil }
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            for j in 0...b.count { current[j] = beyond }
            if i <= limit { current[0] = i }
            var best = current[0]
            if low <= high {
                for j in low...high {
                    let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                    let value = min(substitution, previous[j] + 1, current[j - 1] + 1, beyond)
                    current[j] = value
                    best = min(best, value)
                }
            }
            if best > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}

/// The runners an import could mistake a new name for, indexed so that finding the near ones
/// costs a few dozen hash look-ups and a handful of comparisons, not a pass over every runner.
///
/// Each identity of `L` letters (L ≥ 4) is cut into four parts. Two identities within two
/// edits of each other share at least two of the four parts unchanged, each at a position
/// shifted by at most two (the pigeonhole argument of Li et al., "PassJoin", VLDB 2011). So a
/// query looks up, for each length within two of its own, each part's text at the positions it
/// could have moved to; and since two parts survive, it may leave out the part with the most
/// runners behind it (at the start of a name, often a common given name) and still find every
/// near runner. Only the runners found are compared letter by letter.
struct NearNameIndex {
    struct Runner {
        let name: String
        /// ``NameKey/fold(_:)`` of the name: the key the import matches runners by.
        let key: String
        /// ``NameKey/identity(_:)`` of the name.
        let identity: String
    }

    static let partCount = 4

    private(set) var runners: [Runner] = []
    /// The runners behind each part (by a hash of its length, index and text), chained through
    /// `postings`: two flat arrays rather than an array per part, which at a million runners
    /// would be a million allocations.
    private var heads: [UInt64: (first: Int32, count: Int32)] = [:]
    private var postings: [(runner: Int32, next: Int32)] = []
    /// Identities too short to cut in four, by length.
    private var short: [Int: [Int32]] = [:]

    /// Adds a runner; `name` as written, `key` its ``NameKey/fold(_:)``.
    mutating func add(name: String, key: String) {
        let identityText = NameKey.identity(folded: key)
        let identity = Array(identityText.unicodeScalars)
        let position = Int32(runners.count)
        runners.append(Runner(name: name, key: key, identity: identityText))
        guard identity.count >= Self.partCount else {
            short[identity.count, default: []].append(position)
            return
        }
        for (index, range) in Self.cuts(length: identity.count).enumerated() {
            let hash = Self.hash(length: identity.count, index: index, identity[range])
            let head = heads[hash]
            postings.append((position, head?.first ?? -1))
            heads[hash] = (Int32(postings.count - 1), (head?.count ?? 0) + 1)
        }
    }

    /// The runners near `identity` (see ``NearNames``), other than those whose key is `key`
    /// (the same runner, matched already), nearest first.
    func near(identity text: String, key: String) -> [(runner: Runner, distance: Int)] {
        let identity = Array(text.unicodeScalars)
        let limit = NearNames.allowedDistance(length: identity.count)
        var seen = Set<Int32>()
        var found: [(distance: Int, position: Int32)] = []
        func check(_ position: Int32) {
            guard seen.insert(position).inserted else { return }
            let runner = runners[Int(position)]
            guard runner.key != key else { return }
            let other = Array(runner.identity.unicodeScalars)
            let allowed = min(limit, NearNames.allowedDistance(length: other.count))
            if let distance = NearNames.distance(identity, other, limit: allowed) {
                found.append((distance, position))
            }
        }
        for length in max(0, identity.count - limit)...(identity.count + limit) {
            guard length >= Self.partCount else {
                short[length]?.forEach(check)
                continue
            }
            // Each part's look-ups, and how many runners they lead to.
            var probes: [[(first: Int32, count: Int32)]] = []
            for (index, range) in Self.cuts(length: length).enumerated() {
                let width = range.count
                let lowest = max(0, range.lowerBound - limit), highest = min(identity.count - width, range.lowerBound + limit)
                var found: [(first: Int32, count: Int32)] = []
                if lowest <= highest {
                    for start in lowest...highest {
                        if let head = heads[Self.hash(length: length, index: index, identity[start..<(start + width)])] { found.append(head) }
                    }
                }
                probes.append(found)
            }
            let totals = probes.map { $0.reduce(0) { $0 + Int($1.count) } }
            let skipped = totals.indices.max { totals[$0] < totals[$1] } ?? 0
            for (index, heads) in probes.enumerated() where index != skipped {
                for head in heads {
                    var posting = head.first
                    while posting >= 0 {
                        check(postings[Int(posting)].runner)
                        posting = postings[Int(posting)].next
                    }
                }
            }
        }
        return found.sorted { ($0.distance, $0.position) < ($1.distance, $1.position) }.map { (runners[Int($0.position)], $0.distance) }
    }

    /// The four parts of an identity of `length` letters (length ≥ 4): the first parts are
    /// the shorter when the length does not divide by four.
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
