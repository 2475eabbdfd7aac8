@testable import BarkleySite
import Testing

@Suite struct RunnerSlugTests {
    @Test func slugsAreLowerCaseWordsJoinedByHyphensWithAccentsFolded() {
        #expect(RunnerDirectory.slug("Jasmin Paris") == "jasmin-paris")
        #expect(RunnerDirectory.slug("Aurélien Sanchez") == "aurelien-sanchez")
        #expect(RunnerDirectory.slug("  John  O'Brien-Smith ") == "john-obrien-smith")
        #expect(RunnerDirectory.slug("李") == "runner")
    }

    @Test func namesThatFoldAlikeGetDistinctSlugsAndTheEarlierRunnerKeepsThePlainOne() {
        let directory = RunnerDirectory(firstYears: ["José Díaz": 2010, "Jose Diaz": 1995, "JOSE DIAZ": 2010])
        #expect(directory.slugs["Jose Diaz"] == "jose-diaz")
        #expect(Set(directory.slugs.values).count == 3)
        #expect(directory.slugs["JOSE DIAZ"] == "jose-diaz-2")
        #expect(directory.slugs["José Díaz"] == "jose-diaz-3")
    }

    @Test func aRunnerAddedLaterDoesNotChangeEarlierSlugs() {
        let before = RunnerDirectory(firstYears: ["Jose Diaz": 1995, "Ann Trason": 2000])
        let after = RunnerDirectory(firstYears: ["Jose Diaz": 1995, "Ann Trason": 2000, "José Díaz": 2025])
        #expect(after.slugs["Jose Diaz"] == before.slugs["Jose Diaz"])
        #expect(after.slugs["Ann Trason"] == before.slugs["Ann Trason"])
    }
}
