@testable import BarkleyQueries
import Testing

/// Search by part of a name; names as SampleData writes them (SampleData/README.md, "One name per runner").
@Suite("Search")
struct SearchTests {
    let history: History
    init() throws { history = try realHistory() }

    @Test("'aurelien' finds Aurélien Sanchez, ignoring case and accents")
    func accents() throws {
        let result = try history.searchRunners("aurelien")
        #expect(result.matches.map(\.runner) == ["Aurélien Sanchez"])
        #expect(result.matches.first?.years == [2023, 2024])
        #expect(result.suggestions.isEmpty)
        #expect(try history.searchRunners("AURÉLIEN").matches.map(\.runner) == ["Aurélien Sanchez"])
    }

    @Test("every word must appear, in any order; part of a word is enough")
    func words() throws {
        #expect(try history.searchRunners("hamilton").matches.map(\.runner) == ["Greig Hamilton", "Nancy Hamilton", "Rich Hamilton"])
        #expect(try history.searchRunners("hamilton nancy").matches.map(\.runner) == ["Nancy Hamilton"])
        #expect(try history.searchRunners("campb").matches.map(\.runner) == ["Jared Campbell"])
    }

    @Test("another spelling a source used finds the runner: 'Blake Woods' (1999), 'Ted Kaiser' (2003)")
    func aliases() throws {
        let woods = try history.searchRunners("woods")
        #expect(woods.matches.map(\.runner) == ["Blake Wood"])
        #expect(woods.matches.first?.matchedSpelling == "Blake Woods")
        #expect(try history.searchRunners("kaiser").matches.map(\.runner) == ["Ted Keizer"])
    }

    @Test("a misspelling finds nothing but suggests the close name: 'Jasmine Pariss' → Jasmin Paris")
    func suggestions() throws {
        let result = try history.searchRunners("Jasmine Pariss")
        #expect(result.matches.isEmpty)
        #expect(result.suggestions.first.map { "\($0.runner) \($0.distance)" } == "Jasmin Paris 2")
        // John Burton (2018, cactustoclouds) is two letters from "Furtow" too, and comes second.
        #expect(try history.searchRunners("Furtow").suggestions.map(\.runner) == ["Ed Furtaw", "John Burton"])
    }

    @Test("an empty search finds nothing")
    func empty() throws {
        let result = try history.searchRunners("   ")
        #expect(result.matches.isEmpty && result.suggestions.isEmpty)
    }

    @Test("edit distance")
    func editDistance() {
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.between("", "abc") == 3)
        #expect(EditDistance.between("paris", "paris") == 0)
    }
}
