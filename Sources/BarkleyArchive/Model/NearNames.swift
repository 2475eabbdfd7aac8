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

/// The runners an import could mistake a new name for, indexed so that finding the near ones
/// costs some hash look-ups and a few comparisons, not a pass over every runner.
///
/// Each identity of `L` characters (L ≥ 5) is cut into five parts. Two identities within `d`
/// edits (d ≤ 2) of each other share at least 5 − d of the parts unchanged, each at a position
/// shifted by at most `d` (the pigeonhole argument of Li et al., "PassJoin", VLDB 2011). So a
/// query may leave out the 4 − d parts with the most runners behind them — the parts of a
/// common given name, such as "guil" and "laum" of every Guillaume — and still meet every
/// near runner in a part it looks up. For each length within `d` of its own it looks up the
/// d + 2 least busy parts' texts at the positions they could have moved to, and compares letter
/// by letter only the runners found through at least two of them (a near runner keeps at least
/// d + 2 − d of the parts looked up).
///
/// Memory matters at a million entries, so everything is in flat arrays: each runner's
/// identity and name as UTF-8 in one arena, and the parts as a hash table of chains whose
/// buckets may be shared by unrelated parts (a shared bucket costs a few comparisons, never a
/// missed runner). About 90 bytes a runner.
struct NearNameIndex {
    static let partCount = 5

    /// Each runner's identity then name, UTF-8, one after the other.
    private var arena: [UInt8] = []
    /// Where each runner's identity starts in `arena`; the name follows it.
    private var starts: [Int32] = []
    private var identityBytes: [UInt16] = []
    private var nameBytes: [UInt16] = []
    /// Each identity's length in characters, with the top bit set when it is ASCII.
    private var shapes: [UInt16] = []
    /// The last posting in each bucket (−1 for none) and how many postings it holds; a power of
    /// two buckets, doubled (and the chains rebuilt) when there are twice as many postings.
    private var buckets: [Int32] = Array(repeating: -1, count: 1 << 12)
    private var counts: [Int32] = Array(repeating: 0, count: 1 << 12)
    /// Runner `r`'s part `p` is posting `r × 5 + p`; each holds the next posting of its bucket.
    private var next: [Int32] = []
    private var postingCount = 0
    /// Identities too short to cut in five, by length.
    private var short: [Int: [Int32]] = [:]

    private static let asciiFlag: UInt16 = 0x8000

    var count: Int { starts.count }

    /// Adds a runner; `name` as written, `key` its ``NameKey/fold(_:)``.
    mutating func add(name: String, key: String) {
        let identityText = NameKey.identity(folded: key)
        let identity = Array(identityText.unicodeScalars)
        let position = Int32(starts.count)
        starts.append(Int32(arena.count))
        arena.append(contentsOf: identityText.utf8)
        arena.append(contentsOf: name.utf8)
        identityBytes.append(UInt16(min(identityText.utf8.count, 0xFFFF)))
        nameBytes.append(UInt16(min(name.utf8.count, 0xFFFF)))
        shapes.append(UInt16(min(identity.count, 0x7FFF)) | (identityText.utf8.count == identity.count ? Self.asciiFlag : 0))
        next.append(contentsOf: repeatElement(-1, count: Self.partCount))
        guard identity.count >= Self.partCount else {
            short[identity.count, default: []].append(position)
            return
        }
        link(position, identity)
        postingCount += Self.partCount
        if postingCount > 2 * buckets.count { rebuild(buckets: buckets.count * 2) }
    }

    /// Chains runner `position`'s parts into their buckets.
    private mutating func link(_ position: Int32, _ identity: [Unicode.Scalar]) {
        let mask = buckets.count - 1
        for (index, range) in Self.cuts(length: identity.count).enumerated() {
            let bucket = Int(truncatingIfNeeded: Self.hash(length: identity.count, index: index, identity[range])) & mask
            let posting = Int(position) * Self.partCount + index
            next[posting] = buckets[bucket]
            buckets[bucket] = Int32(posting)
            counts[bucket] += 1
        }
    }

    private mutating func rebuild(buckets size: Int) {
        buckets = Array(repeating: -1, count: size)
        counts = Array(repeating: 0, count: size)
        for position in 0..<starts.count where Int(shapes[position] & ~Self.asciiFlag) >= Self.partCount {
            link(Int32(position), Array(identity(of: position).unicodeScalars))
        }
    }

    private func identity(of position: Int) -> String {
        let start = Int(starts[position])
        return String(decoding: arena[start..<(start + Int(identityBytes[position]))], as: UTF8.self)
    }

    private func name(of position: Int) -> String {
        let start = Int(starts[position]) + Int(identityBytes[position])
        return String(decoding: arena[start..<(start + Int(nameBytes[position]))], as: UTF8.self)
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
        var textBytes = text
        let ascii = text.utf8.count == identity.count
        let limit = NearNames.allowedDistance(length: identity.count)
        var seen = Set<Int32>()
        var found: [(match: Match, position: Int32)] = []
        var holdsKey = false
        func check(_ position: Int32) {
            guard seen.insert(position).inserted else { return }
            let index = Int(position)
            let shape = shapes[index]
            let length = Int(shape & ~Self.asciiFlag)
            let allowed = min(limit, NearNames.allowedDistance(length: length))
            guard abs(length - identity.count) <= allowed else { return }
            let distance: Int?
            if ascii, shape & Self.asciiFlag != 0 {
                let start = Int(starts[index])
                distance = arena.withUnsafeBufferPointer { arena in
                    textBytes.withUTF8 { mine in
                        NearNames.distance(mine, UnsafeBufferPointer(rebasing: arena[start..<(start + Int(identityBytes[index]))]), limit: allowed)
                    }
                }
            } else {
                distance = NearNames.distance(identity, Array(self.identity(of: index).unicodeScalars), limit: allowed)
            }
            guard let distance else { return }
            let name = name(of: index)
            let otherKey = NameKey.fold(name)
            guard otherKey != key else {
                holdsKey = true
                return
            }
            found.append((Match(name: name, key: otherKey, distance: distance), position))
        }
        let mask = buckets.count - 1
        /// The runners found for one length, with the parts (as bits) they were found through.
        var hits: [Int32: UInt8] = [:]
        for length in max(0, identity.count - limit)...(identity.count + limit) {
            guard length >= Self.partCount else {
                short[length]?.forEach(check)
                continue
            }
            // Each part's look-ups (bucket, part), and how many postings are behind them.
            var probes: [(buckets: [(bucket: Int, part: Int)], postings: Int)] = []
            // A part that survives moves by `shift`, the insertions less the deletions before
            // it, and the edits after it make up the rest of the length difference: so
            // |shift| + |difference − shift| ≤ limit.
            let difference = identity.count - length
            let shifts = (-limit...limit).filter { abs($0) + abs(difference - $0) <= limit }
            for (index, range) in Self.cuts(length: length).enumerated() {
                let width = range.count
                let lowest = max(0, range.lowerBound + (shifts.first ?? 0)), highest = min(identity.count - width, range.lowerBound + (shifts.last ?? -1))
                var found: [(bucket: Int, part: Int)] = [], postings = 0
                if lowest <= highest {
                    for start in lowest...highest {
                        let bucket = Int(truncatingIfNeeded: Self.hash(length: length, index: index, identity[start..<(start + width)])) & mask
                        found.append((bucket, index))
                        postings += Int(counts[bucket])
                    }
                }
                probes.append((found, postings))
            }
            // At least 5 − limit parts survive, so of the k least busy looked up at least
            // k − limit do: a runner found through fewer of them is not near, and is never
            // compared letter by letter. k = limit + 2 (one part more than the pigeonhole needs)
            // keeps the look-ups cheap and leaves a runner that shares one part by chance (a
            // syllable pair of a family name, among hundreds of thousands) out of the comparisons,
            // which were most of the cost of a large import.
            let probed = probes.sorted(by: { $0.postings < $1.postings }).prefix(min(Self.partCount, limit + 2))
            let needed = probed.count - limit
            hits.removeAll(keepingCapacity: true)
            for probe in probed {
                for (bucket, part) in probe.buckets {
                    var posting = buckets[bucket]
                    while posting >= 0 {
                        // Only the same part of a runner of this length can match; others share the bucket.
                        let runner = Int(posting) / Self.partCount
                        if Int(posting) % Self.partCount == part, Int(shapes[runner] & ~Self.asciiFlag) == length {
                            hits[Int32(runner), default: 0] |= 1 << UInt8(part)
                        }
                        posting = next[Int(posting)]
                    }
                }
            }
            for (runner, parts) in hits where parts.nonzeroBitCount >= needed { check(runner) }
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

    /// FNV-1a over a part's length, index and letters.
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
