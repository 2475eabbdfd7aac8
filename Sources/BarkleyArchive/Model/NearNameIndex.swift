/// The runners an import could mistake a new name for (see ``NearNames``), indexed so that
/// finding the near ones costs a few hash look-ups and comparisons however many runners the
/// archive holds.
///
/// Each identity of `L` characters (L ≥ 5) is cut into five parts. Two identities within `d`
/// edits (d ≤ 2) of each other share at least 5 − d of the parts unchanged, each at a position
/// shifted by at most `d` (the pigeonhole argument of Li et al., "PassJoin", VLDB 2011). The index
/// keeps every *pair* of a runner's parts (ten), so a look-up meets only the runners that share
/// two parts at once. One part is shared by crowds: "guil" by every Guillaume, so an index of
/// single parts walked every Guillaume again for each new one, and its cost grew with the
/// square of the runners. A given-name part and a family-name part together are shared by
/// almost nobody but the runner's own near spellings.
///
/// A query may leave out any set of pairs that does not hold every pair of some 5 − d parts (so
/// the pairs of the parts that survive are never all left out); it leaves out the busiest such
/// set, and looks up each other pair at every pair of positions its parts could have moved to.
///
/// Memory matters at a million entries, so everything is in flat arrays: each runner's
/// identity and name as UTF-8 in one arena, and the pairs as a hash table of chains whose
/// buckets may be shared by unrelated pairs (each posting keeps 16 bits of its pair's hash, so
/// a shared bucket costs a comparison of two numbers, never a missed runner). About 150 bytes
/// a runner.
struct NearNameIndex {
    static let partCount = 5
    /// The largest edit distance ``NearNames`` allows, for which the shifts below are sized.
    private static let maximumDistance = 2

    /// Each pair of parts, the earlier part first: runner `r`'s pair `p` is posting `r × 10 + p`.
    private static let pairs: [(first: Int, second: Int)] = (0..<partCount).flatMap { first in
        (first + 1..<partCount).map { (first, $0) }
    }
    private static let pairCount = pairs.count

    /// For each number of parts `k`, the pairs (a bit per pair) of each set of `k` parts: a query
    /// that may meet `k` surviving parts must look up at least one pair of every such set.
    private static let pairsOfEveryPartSet: [[UInt16]] = (0...partCount).map { size in
        (0..<(1 << partCount)).filter { $0.nonzeroBitCount == size }.map { parts in
            var mask: UInt16 = 0
            for (index, pair) in pairs.enumerated() where parts & (1 << pair.first) != 0 && parts & (1 << pair.second) != 0 {
                mask |= 1 << index
            }
            return mask
        }
    }

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
    /// Each posting's next posting in its bucket, and the top 16 bits of its pair's hash.
    private var next: [Int32] = []
    private var tags: [UInt16] = []
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
        next.append(contentsOf: repeatElement(-1, count: Self.pairCount))
        tags.append(contentsOf: repeatElement(0, count: Self.pairCount))
        guard identity.count >= Self.partCount else {
            short[identity.count, default: []].append(position)
            return
        }
        link(position, identity)
        postingCount += Self.pairCount
        if postingCount > 2 * buckets.count { rebuild(buckets: buckets.count * 2) }
    }

    /// Chains runner `position`'s pairs of parts into their buckets.
    private mutating func link(_ position: Int32, _ identity: [Unicode.Scalar]) {
        let mask = buckets.count - 1
        let length = identity.count
        let parts = (0..<Self.partCount).map { Self.hash(identity[Self.cut($0, length: length)]) }
        for (index, pair) in Self.pairs.enumerated() {
            let hash = Self.hash(length: length, pair: index, parts[pair.first], parts[pair.second])
            let bucket = Int(truncatingIfNeeded: hash) & mask
            let posting = Int(position) * Self.pairCount + index
            next[posting] = buckets[bucket]
            tags[posting] = Self.tag(hash)
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
    /// of that key (any does share every pair of parts, so the search meets it).
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
        let span = 2 * Self.maximumDistance + 1
        // The hash of the text each part could have moved to, by part and shift (+ maximumDistance).
        var partHashes = [UInt64](repeating: 0, count: Self.partCount * span)
        for length in max(0, identity.count - limit)...(identity.count + limit) {
            // The edits allowed with a runner of this length: those of the shorter identity.
            let distance = min(limit, NearNames.allowedDistance(length: length))
            let difference = identity.count - length
            // check() would refuse every runner of this length.
            guard abs(difference) <= distance else { continue }
            guard length >= Self.partCount else {
                short[length]?.forEach(check)
                continue
            }
            // A part that survives moves by its shift, the insertions less the deletions before it.
            // For two surviving parts, the edits before the first, between them and after the
            // second make up the shifts and the rest of the length difference:
            // |first| + |second − first| + |difference − second| ≤ distance.
            var valid: UInt32 = 0  // bit part × span + shift + maximumDistance: inside the identity
            for part in 0..<Self.partCount {
                let cut = Self.cut(part, length: length)
                for shift in -distance...distance where cut.lowerBound + shift >= 0 && cut.upperBound + shift <= identity.count {
                    let slot = part * span + shift + Self.maximumDistance
                    partHashes[slot] = Self.hash(identity[(cut.lowerBound + shift)..<(cut.upperBound + shift)])
                    valid |= 1 << UInt32(slot)
                }
            }
            /// Calls `body` with the bucket and hash of each pair of positions `pair`'s parts could be at.
            func probes(_ pair: Int, _ body: (_ bucket: Int, _ hash: UInt64) -> Void) {
                let (first, second) = Self.pairs[pair]
                for shift1 in -distance...distance where valid & (1 << UInt32(first * span + shift1 + Self.maximumDistance)) != 0 {
                    for shift2 in -distance...distance where valid & (1 << UInt32(second * span + shift2 + Self.maximumDistance)) != 0
                        && abs(shift1) + abs(shift2 - shift1) + abs(difference - shift2) <= distance {
                        let hash = Self.hash(length: length, pair: pair,
                                             partHashes[first * span + shift1 + Self.maximumDistance],
                                             partHashes[second * span + shift2 + Self.maximumDistance])
                        body(Int(truncatingIfNeeded: hash) & mask, hash)
                    }
                }
            }
            // How busy each pair is: the postings behind all its look-ups (every one, not the
            // first: a common given name's pair is busy at its own place only). Then the
            // busiest pairs are left out while the pairs of every 5 − distance parts keep one
            // looked up (leaving out a pair is safe whichever it is; this only saves work).
            var busy: [(pair: Int, postings: Int32)] = []
            busy.reserveCapacity(Self.pairCount)
            for pair in 0..<Self.pairCount {
                var postings: Int32 = 0
                probes(pair) { bucket, _ in
                    postings &+= counts[bucket]
                }
                busy.append((pair, postings))
            }
            busy.sort { ($0.postings, $0.pair) > ($1.postings, $1.pair) }
            let surviving = Self.pairsOfEveryPartSet[Self.partCount - distance]
            var leftOut: UInt16 = 0
            for (pair, _) in busy {
                let without = leftOut | (1 << UInt16(pair))
                if !surviving.contains(where: { without & $0 == $0 }) { leftOut = without }
            }
            for pair in 0..<Self.pairCount where leftOut & (1 << UInt16(pair)) == 0 {
                probes(pair) { bucket, hash in
                    let tag = Self.tag(hash)
                    var posting = buckets[bucket]
                    while posting >= 0 {
                        // Only the same pair of a runner of this length can match; others share the bucket.
                        let runner = Int(posting) / Self.pairCount
                        if tags[Int(posting)] == tag, Int(posting) % Self.pairCount == pair,
                           Int(shapes[runner] & ~Self.asciiFlag) == length {
                            check(Int32(runner))
                        }
                        posting = next[Int(posting)]
                    }
                }
            }
        }
        return (found.sorted { ($0.match.distance, $0.position) < ($1.match.distance, $1.position) }.map(\.match), holdsKey)
    }

    /// Part `index` of the five parts of an identity of `length` characters (length ≥ 5): the
    /// first parts are the shorter when the length does not divide by five.
    private static func cut(_ index: Int, length: Int) -> Range<Int> {
        let base = length / partCount, shorter = partCount - length % partCount
        let start = index * base + max(0, index - shorter)
        return start..<(start + base + (index >= shorter ? 1 : 0))
    }

    /// FNV-1a over a part's letters.
    private static func hash(_ letters: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for letter in letters { hash = (hash ^ UInt64(letter.value)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    /// A pair's hash: the identity's length, which pair, and its two parts' hashes, mixed by
    /// SplitMix64's finalizer so that the low bits (the bucket) and the top ones (the tag) both
    /// depend on every input bit.
    private static func hash(length: Int, pair: Int, _ first: UInt64, _ second: UInt64) -> UInt64 {
        var z = (first &* 0x9E37_79B9_7F4A_7C15) ^ ((second &+ UInt64(length &* 16 &+ pair)) &* 0xC2B2_AE3D_27D4_EB4F)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private static func tag(_ hash: UInt64) -> UInt16 { UInt16(truncatingIfNeeded: hash >> 48) }
}
