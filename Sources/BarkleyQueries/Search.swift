import BarkleyArchive
import SQLiteLayer

/// Runners found by part of a name, or close spellings when none is found.
public struct RunnerSearch: Sendable, Hashable, Codable {
    /// The text searched for.
    public var query: String
    /// Runners whose name, or a spelling a source used, contains every word of the query,
    /// ignoring case and accents; by name.
    public var matches: [RunnerMatch]
    /// When nothing matches: runners whose name, a spelling or a word of one is a few edits away
    /// from the query, closest first.
    public var suggestions: [RunnerSuggestion]

    enum CodingKeys: String, CodingKey {
        case query, matches, suggestions
    }
}

/// A runner found by a search.
public struct RunnerMatch: Sendable, Hashable, Codable {
    public var runner: String
    /// The spelling that matched: the name, or another a source used.
    public var matchedSpelling: String
    /// The years the runner started, oldest first.
    public var years: [Int]

    enum CodingKeys: String, CodingKey {
        case runner, years
        case matchedSpelling = "matched_spelling"
    }
}

/// A runner whose name is close to a search that found nothing.
public struct RunnerSuggestion: Sendable, Hashable, Codable {
    public var runner: String
    /// Single-character edits (insertions, deletions, substitutions) between the folded query
    /// and the closest folded spelling or word of it.
    public var distance: Int

    enum CodingKeys: String, CodingKey {
        case runner, distance
    }
}

extension SQL {
    static let allSpellings = NamedQuery("every runner's spellings", """
        SELECT runner.name AS runner, runner.search_key AS name_key, entry.listed_as AS listed_as,
               entry.listed_as_key AS listed_as_key, edition.year AS year
        FROM edition
        CROSS JOIN entry ON entry.edition_id = edition.id
        CROSS JOIN runner ON runner.id = entry.runner_id
        WHERE edition.race = ?1
        ORDER BY runner.name, edition.year
        """, sample: [.text(Edition.barkley)])
}

extension History {
    /// Runners found by part of a name, ignoring case and accents ("aurelien" finds "Aurélien
    /// Sanchez"), searching the names and every other spelling a source used; when nothing
    /// matches, close spellings ("Jasmine Pariss" suggests "Jasmin Paris").
    ///
    /// - Parameters:
    ///   - text: words that must all appear in the name, in any order.
    ///   - suggestions: how many close names to suggest at most.
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func searchRunners(_ text: String, suggestions: Int = 5) throws -> RunnerSearch {
        let query = NameKey.fold(text)
        let words = query.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return RunnerSearch(query: text, matches: [], suggestions: []) }

        // Each runner's spellings (the name first, then other spellings) and years, in name order.
        var runners: [(name: String, spellings: [(text: String, key: String)], years: [Int])] = []
        for row in try connection.rows(SQL.allSpellings.sql, [race]) {
            let name: String = try row.require("runner")
            if runners.last?.name != name {
                runners.append((name, [(name, try row.require("name_key"))], []))
            }
            let index = runners.count - 1
            if let alias: String = try row.optional("listed_as"), let key: String = try row.optional("listed_as_key"),
               !runners[index].spellings.contains(where: { $0.key == key }) {
                runners[index].spellings.append((alias, key))
            }
            runners[index].years.append(try row.require("year"))
        }

        let matches = runners.compactMap { runner -> RunnerMatch? in
            guard let spelling = runner.spellings.first(where: { spelling in words.allSatisfy { spelling.key.contains($0) } }) else {
                return nil
            }
            return RunnerMatch(runner: runner.name, matchedSpelling: spelling.text, years: runner.years)
        }
        guard matches.isEmpty else { return RunnerSearch(query: text, matches: matches, suggestions: []) }

        let threshold = max(1, query.unicodeScalars.count / 3)
        let close = runners.compactMap { runner -> RunnerSuggestion? in
            let candidates = runner.spellings.flatMap { spelling in
                [spelling.key] + (words.count == 1 ? spelling.key.split(separator: " ").map(String.init) : [])
            }
            // The distance is at least the difference in length, so far longer or shorter names are skipped.
            let distance = candidates.filter { abs($0.unicodeScalars.count - query.unicodeScalars.count) <= threshold }
                .map { EditDistance.between(query, $0) }.min() ?? .max
            return distance <= threshold ? RunnerSuggestion(runner: runner.name, distance: distance) : nil
        }.sorted { ($0.distance, $0.runner) < ($1.distance, $1.runner) }
        return RunnerSearch(query: text, matches: [], suggestions: Array(close.prefix(max(0, suggestions))))
    }
}

/// Levenshtein distance: the fewest single-character insertions, deletions and substitutions
/// that turn one string into the other.
///
/// It compares Unicode scalars, not grapheme clusters: the names it compares are folded
/// (`NameKey`), without accents, so the two agree and scalars are much cheaper.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
