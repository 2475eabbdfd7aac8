import Foundation
import Testing

/// `barkley runner KEY`: the slug the site's URLs use finds the runner, as the name does.
@Suite("runner by key")
struct RunnerKeyCommandTests {
    @Test("barkley runner jasmin-paris prints the same career as barkley runner \"Jasmin Paris\"")
    func runnerByKeyMatchesByName() throws {
        let byKey = try BarkleyBinary.run(["runner", "jasmin-paris", "--format", "json"])
        let byName = try BarkleyBinary.run(["runner", "Jasmin Paris", "--format", "json"])
        #expect(byKey.status == 0, "\(byKey)")
        #expect(byKey.stdout == byName.stdout)
        #expect(byKey.stdout.contains("\"key\" : \"jasmin-paris\"") || byKey.stdout.contains("\"key\":\"jasmin-paris\""))
    }

    @Test("a key nobody has exits 1 and suggests the close name")
    func unknownKeyExitsOne() throws {
        let result = try BarkleyBinary.run(["runner", "jasmin-pariss"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("Jasmin Paris"))
    }
}
