import Foundation
import Testing

/// At phone width the entrants table is wider than the screen: the page says so above it, the
/// runner's name stays in sight while it scrolls, and at desktop width the line is gone.
/// Measured in headless Chromium at each window width, on the 2024 edition page.
@Suite struct EntrantsScrollCueTests {
    private struct Measured: Decodable {
        var overflows: Bool
        var cueShown: Bool
        var nameSticky: Bool
        var shadow: Bool
    }

    /// Opens a copy of the 2024 page at `width` px with a script that reports what it measures.
    private func measure(width: Int) throws -> Measured? {
        let root = try BuiltSite.directory()
        let copy = root.appendingPathComponent("editions/2024/cue-\(width)-\(UUID().uuidString).html")
        let script = """
            <script>
            (function () {
            var s = document.querySelector("table.entrants").parentElement, cue = document.querySelector(".scroll-cue");
            var runner = document.querySelector("table.entrants tbody th");
            document.body.setAttribute("data-measured", JSON.stringify({
              overflows: s.scrollWidth > s.clientWidth, cueShown: getComputedStyle(cue).display !== "none",
              nameSticky: getComputedStyle(runner).position === "sticky", shadow: getComputedStyle(s).backgroundImage.indexOf("radial-gradient") >= 0 }));
            })();
            </script></body>
            """
        try BuiltSite.read("editions/2024/index.html").replacingOccurrences(of: "</body>", with: script).write(to: copy, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: copy) }
        guard let result = try run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=\(width),900", "--dump-dom", copy.absoluteString]) else {
            Issue.record("chromium is not installed; run scripts/bootstrap")
            return nil
        }
        let json = try #require(result.output.firstRange(of: #/data-measured="([^"]*)"/#).map { String(result.output[$0].dropFirst(15).dropLast()) },
                                "no measurement:\n\(result.error.suffix(1000))")
        return try JSONDecoder().decode(Measured.self, from: Data(json.replacingOccurrences(of: "&quot;", with: "\"").utf8))
    }

    @Test(.timeLimit(.minutes(1)))
    func atPhoneWidthTheTableScrollsWithACueAndTheNameInSight() throws {
        guard let phone = try measure(width: 390) else { return }
        #expect(phone.overflows, "the 2024 entrants table fits at 390 px: the cue is no longer needed")
        #expect(phone.cueShown)
        #expect(phone.nameSticky)
        #expect(phone.shadow)
    }

    @Test(.timeLimit(.minutes(1)))
    func atDesktopWidthTheTableFitsAndTheCueIsHidden() throws {
        guard let desktop = try measure(width: 1200) else { return }
        #expect(!desktop.overflows)
        #expect(!desktop.cueShown)
    }
}
