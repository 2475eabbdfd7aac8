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
/// costs a few dozen dictionary look-ups, not a pass over every runner.
///
/// Each identity of `L` letters (L ≥ 3) is cut into three parts. Two identities within two
/// edits of each other share at least one part unchanged, at a position shifted by at most two
/// (the pigeonhole argument of Li et al., "PassJoin", VLDB 2011): so a query looks up, for each
/// length within two of its own, each part's text at the five positions it could have moved
/// to, and checks only the runners found there.
struct NearNameIndex {
    struct Runner {
        let name: String
        /// ``NameKey/fold(_:)`` of the name: the key the import matches runners by.
        let key: String
        let identity: [Unicode.Scalar]
    }

    private struct Part: Hashable {
        let length: Int
        let index: Int
        let text: [Unicode.Scalar]
    }

    private(set) var runners: [Runner] = []
    private var parts: [Part: [Int]] = [:]
    /// Identities of fewer than three letters, by length: too short to cut in three.
    private var short: [Int: [Int]] = [:]

    /// Adds a runner; `name` as written, `key` its ``NameKey/fold(_:)``.
    mutating func add(name: String, key: String) {
        let identity = Array(NameKey.identity(folded: key).unicodeScalars)
        let position = runners.count
        runners.append(Runner(name: name, key: key, identity: identity))
        guard identity.count >= 3 else {
            short[identity.count, default: []].append(position)
            return
        }
        for (index, range) in Self.cuts(length: identity.count).enumerated() {
            parts[Part(length: identity.count, index: index, text: Array(identity[range])), default: []].append(position)
        }
    }

    /// The runners near `identity` (see ``NearNames``), other than those whose key is `key`
    /// (the same runner, matched already), nearest first.
    func near(identity text: String, key: String) -> [(runner: Runner, distance: Int)] {
        let identity = Array(text.unicodeScalars)
        let limit = NearNames.allowedDistance(length: identity.count)
        var seen = Set<Int>()
        var found: [(distance: Int, position: Int)] = []
        func check(_ position: Int) {
            guard seen.insert(position).inserted else { return }
            let runner = runners[position]
            guard runner.key != key else { return }
            let allowed = min(limit, NearNames.allowedDistance(length: runner.identity.count))
            if let distance = NearNames.distance(identity, runner.identity, limit: allowed) {
                found.append((distance, position))
            }
        }
        for length in max(0, identity.count - limit)...(identity.count + limit) {
            guard length >= 3 else {
                short[length]?.forEach(check)
                continue
            }
            for (index, range) in Self.cuts(length: length).enumerated() {
                let width = range.count
                let lowest = max(0, range.lowerBound - limit), highest = min(identity.count - width, range.lowerBound + limit)
                guard lowest <= highest else { continue }
                for start in lowest...highest {
                    let part = Part(length: length, index: index, text: Array(identity[start..<(start + width)]))
                    parts[part]?.forEach(check)
                }
            }
        }
        return found.sorted { ($0.distance, $0.position) < ($1.distance, $1.position) }.map { (runners[$0.position], $0.distance) }
    }

    /// The three parts of an identity of `length` letters (length ≥ 3): the first parts are
    /// the shorter when the length does not divide by three.
    private static func cuts(length: Int) -> [Range<Int>] {
        let base = length / 3, longer = length % 3
        var start = 0
        return (0..<3).map { index in
            let width = base + (index >= 3 - longer ? 1 : 0)
            defer { start += width }
            return start..<(start + width)
        }
    }
}
