@testable import BarkleyArchive
import SeededRandom
import Testing

/// The near-name index (`NearNameIndex`) finds exactly the runners a comparison with every
/// runner finds: whatever it does to be fast, it must never miss a near name.
@Suite("Near names: the index finds what comparing every pair finds")
struct NearNameIndexBruteForceTests {
    static let given = ["John", "Jon", "Jasmin", "Jared", "Kelly", "Al", "Bo", "Ed", "Guillaume", "Aurélien", "Maxime", "Ihor", "Nicki"]
    static let family = ["Paris", "Kelly", "Campbell", "Calmettes", "Ng", "Wu", "Li", "Sanchez", "Verys", "Hall", "O'Brien", "Doe-Smith"]
    static let letters = Array("aeiklnoprstuy")

    /// A name from small pools, then up to three random letter edits, sometimes written
    /// family name first: many pairs a letter or two apart, and many far apart.
    static func name(_ random: inout SplitMix64) -> String {
        var given = Array(Self.given[random.int(in: 0...(Self.given.count - 1))])
        var family = Array(Self.family[random.int(in: 0...(Self.family.count - 1))])
        for _ in 0..<random.int(in: 0...3) {
            let letter = letters[random.int(in: 0...(letters.count - 1))]
            let inGiven = random.chance(0.5)
            var word = inGiven ? given : family
            let at = random.int(in: 0...max(0, word.count - 1))
            switch random.int(in: 0...2) {
            case 0 where !word.isEmpty: word[at] = letter
            case 1 where word.count > 1: word.remove(at: at)
            default: word.insert(letter, at: at)
            }
            if inGiven { given = word } else { family = word }
        }
        return random.chance(0.2) ? "\(String(family)), \(String(given))" : "\(String(given)) \(String(family))"
    }

    @Test("on a seeded random set of names with many near pairs, each name's near runners and their distances are those of brute force, in order")
    func indexAgreesWithBruteForce() {
        var random = SplitMix64(seed: 1986)
        let names = (0..<600).map { _ in Self.name(&random) }
        let keys = names.map(NameKey.fold)
        let identities = names.map { NameKey.identity($0) }
        var index = NearNameIndex()
        var nearPairs = 0
        for (i, name) in names.enumerated() {
            let found = index.near(identity: identities[i], key: keys[i])
            var expected: [(name: String, distance: Int)] = []
            var holdsKey = false
            for j in 0..<i {
                guard let distance = NearNames.distance(identities[i], identities[j]) else { continue }
                if keys[j] == keys[i] { holdsKey = true } else { expected.append((names[j], distance)) }
            }
            // Nearest first, then in the order added (stable sort).
            let sorted = expected.enumerated().sorted { ($0.element.distance, $0.offset) < ($1.element.distance, $1.offset) }.map(\.element)
            #expect(found.matches.map(\.name) == sorted.map(\.name), "\(name)")
            #expect(found.matches.map(\.distance) == sorted.map(\.distance), "\(name)")
            #expect(found.holdsKey == holdsKey, "\(name)")
            nearPairs += sorted.count
            index.add(name: name, key: keys[i])
        }
        // The set is one that tests the index: plenty of near pairs, and far more far ones.
        #expect(nearPairs > 250)
        #expect(nearPairs < names.count * (names.count - 1) / 4)
    }

    /// Pairs at the edges of the rule, with their distances worked by hand (nil: not near):
    /// one letter more allowed, or one position less looked at, and one of these fails.
    static let edges: [(stored: String, query: String, distance: Int?)] = [
        ("abcd", "abce", nil),  // 4 letters: equal only
        ("abcd", "abcde", nil),  // 4 and 5: the shorter's rule
        ("abcde", "abcdx", 1),
        ("abcde", "abcdef", 1),
        ("abcde", "xbcdy", nil),  // 5 to 9: one edit, not two
        ("abcdefghi", "abcdefgxi", 1),
        ("abcdefghi", "xbcdefghy", nil),
        ("abcdefghi", "abcdefghijk", nil),  // 9 and 11: the shorter's one edit
        ("abcdefghij", "abcdefghi", 1),  // 10 and 9: the shorter's one edit
        ("abcdefghij", "abcdefgh", nil),
        ("abcdefghij", "xbcdefghiy", 2),  // 10 or more: two edits, not three
        ("abcdefghij", "abxdefgyij", 2),
        ("abcdefghij", "xbcdefghyz", nil),
        ("abcdefghij", "xyabcdefghij", 2),  // every part moved two places
        ("abcdefghij", "abcdefghijxy", 2),
        ("abcdefghij", "xyzabcdefghij", nil),
        ("abcdefghijklmnopqrst", "abcdefghixklmnopqrsy", 2),
        ("abcdefghijklmnopqrst", "abcdexghijklmnoxqrsy", nil),
    ]

    @Test("at the edges of the rule (4/5, 9/10 letters, one edit more than allowed, parts moved the most) the index finds exactly the near names, either way round")
    func edgesOfTheDistanceBound() {
        for (stored, query, distance) in Self.edges {
            for (a, b) in [(stored, query), (query, stored)] {
                #expect(NearNames.distance(a, b) == distance, "\(a) / \(b)")
                var index = NearNameIndex()
                index.add(name: a, key: NameKey.fold(a))
                let found = index.near(identity: NameKey.identity(b), key: NameKey.fold(b))
                #expect(found.matches.map(\.distance) == (distance.map { [$0] } ?? []), "\(a) / \(b)")
                #expect(found.matches.map(\.name) == (distance == nil ? [] : [a]), "\(a) / \(b)")
                #expect(!found.holdsKey)
            }
        }
    }
}
