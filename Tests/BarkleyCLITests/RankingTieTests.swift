import Foundation
import Testing

/// `most … --limit N` never cuts a tie: everyone tied with the N-th runner is listed, and every
/// format says how many that added.
@Suite struct RankingTieTests {
    private static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try BarkleyBinary.run(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test("--limit 4 of most finishes lists everyone with the fourth runner's count")
    func tieAtTheLimitIsListedWhole() throws {
        let all = try #require(try Self.json(["most", "finishes", "--limit", "1000"])["runners"] as? [[String: Any]])
        let counts = all.compactMap { $0["count"] as? Int }
        let fourth = counts[3]
        let tiedWithFourth = counts.filter { $0 == fourth }.count
        let expected = counts.firstIndex(of: fourth)! + tiedWithFourth
        #expect(expected > 4, "the built-in archive has a tie across the fourth place")

        let answer = try Self.json(["most", "finishes", "--limit", "4"])
        let runners = try #require(answer["runners"] as? [[String: Any]])
        #expect(runners.count == expected)
        #expect(answer["limit"] as? Int == 4)
        #expect(answer["tied_past_limit"] as? Int == expected - 4)
        #expect(runners.allSatisfy { ($0["count"] as? Int ?? 0) >= fourth })

        let table = try BarkleyBinary.run(["most", "finishes", "--limit", "4"])
        #expect(table.stdout.contains("share rank 4 with \(fourth) finish"), "\(table.stdout)")
        #expect(table.stdout.contains("\(expected - 4) past --limit 4"), "\(table.stdout)")
        let csv = try BarkleyBinary.run(["most", "finishes", "--limit", "4", "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").count == expected + 1)
        let jsonl = try BarkleyBinary.run(["most", "finishes", "--limit", "4", "--format", "jsonl"])
        #expect(jsonl.stdout.split(separator: "\n").count == expected)
    }

    @Test("a limit that ends a tie lists exactly that many, and says nothing more")
    func limitAtTheEndOfATie() throws {
        let all = try #require(try Self.json(["most", "finishes", "--limit", "1000"])["runners"] as? [[String: Any]])
        let counts = all.compactMap { $0["count"] as? Int }
        // The first place where the next runner has fewer: no tie crosses it.
        let limit = try #require(counts.indices.dropLast().first { counts[$0] != counts[$0 + 1] }) + 1
        let answer = try Self.json(["most", "finishes", "--limit", "\(limit)"])
        #expect((answer["runners"] as? [Any])?.count == limit)
        #expect(answer["tied_past_limit"] as? Int == 0)
        let table = try BarkleyBinary.run(["most", "finishes", "--limit", "\(limit)"])
        #expect(!table.stdout.contains("past --limit"))
    }
}
