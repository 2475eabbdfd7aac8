import Foundation
import Testing

/// The site read by real parsers: python3's html5lib in strict mode (every parse error fails)
/// and Debian's chromium, headless. `scripts/bootstrap` installs both.
@Suite struct StrictParseAndBrowserTests {
    @Test func everyPageParsesWithoutErrorsInAStrictHTML5Parser() throws {
        let root = try BuiltSite.directory()
        let script = """
            import sys, html5lib
            bad = 0
            for path in sys.argv[1:]:
                try:
                    html5lib.HTMLParser(strict=True).parse(open(path, 'rb').read())
                except Exception as error:
                    bad += 1
                    print(path, error)
            sys.exit(1 if bad else 0)
            """
        let pages = try BuiltSite.pages().map { root.appendingPathComponent($0).path }
        guard let result = try run("python3", ["-c", script] + pages) else {
            Issue.record("python3 is not installed; run scripts/bootstrap")
            return
        }
        #expect(!result.error.contains("No module named 'html5lib'"), "html5lib is not installed; run scripts/bootstrap")
        #expect(result.status == 0, "pages that do not parse:\n\(result.output)\(result.error)")
    }

    /// One headless chromium opens every page (each in turn in a frame of a harness page, so the test
    /// takes seconds, not minutes): no console error or uncaught exception, every link and
    /// asset in the rendered DOM is a generated file, and edition and runner pages hold their SVG.
    /// 218 pages since SampleData holds the public record (about 22 s alone on two cores; the
    /// full suite runs beside it, so the limit leaves room).
    @Test(.timeLimit(.minutes(2)))
    func chromiumOpensEveryPageWithoutConsoleErrorsAndRendersTheCharts() throws {
        let root = try BuiltSite.directory()
        let pages = try BuiltSite.pages()
        let harness = root.appendingPathComponent("test-harness-\(UUID().uuidString).html")
        let list = String(decoding: try JSONEncoder().encode(pages), as: UTF8.self)
        try """
            <!DOCTYPE html><html><head><title>harness</title></head><body><pre id="result"></pre><script>
            var pages = \(list), results = [], next = 0;
            // One frame at a time: hundreds of file loads at once on a busy machine let one fail
            // (an error page has no readable document), and the harness then reported nothing.
            function openNext() {
              if (next === pages.length) { document.getElementById("result").textContent = JSON.stringify(results); return; }
              var page = pages[next++], frame = document.createElement("iframe");
              frame.src = page;
              frame.onload = function () {
                var d = frame.contentDocument, r = { page: page, readable: !!d, svg: 0, links: [] };
                if (d) {
                  r.svg = d.querySelectorAll("main svg").length;
                  r.links = [].map.call(d.querySelectorAll("a[href], link[href], script[src]"), function (e) { return e.href || e.src; });
                }
                results.push(r);
                frame.remove();
                openNext();
              };
              document.body.appendChild(frame);
            }
            openNext();
            </script></body></html>
            """.write(to: harness, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: harness) }
        guard let result = try run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
                                                "--enable-logging=stderr", "--v=0", "--virtual-time-budget=30000",
                                                "--dump-dom", harness.absoluteString]) else {
            Issue.record("chromium is not installed; run scripts/bootstrap")
            return
        }
        let console = result.error.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        #expect(console.isEmpty, "console messages:\n\(console.joined(separator: "\n"))")
        let json = try #require(matches(of: #"<pre id="result">(.*?)</pre>"#, in: result.output).first, "the harness did not finish:\n\(result.error.suffix(2000))")
        let decoded = json.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        struct Rendered: Decodable { var page: String; var readable: Bool; var svg: Int; var links: [String] }
        let rendered = try JSONDecoder().decode([Rendered].self, from: Data(decoded.utf8))
        #expect(rendered.count == pages.count)
        #expect(rendered.filter { !$0.readable }.isEmpty, "pages chromium could not open: \(rendered.filter { !$0.readable }.map(\.page))")
        for page in rendered {
            if page.page.hasPrefix("editions/") || page.page.hasPrefix("runners/") && page.page != "runners/index.html" {
                let held = !(try BuiltSite.read(page.page).contains("(not held)"))
                let hasTimes = page.page.hasPrefix("editions/") ? held : (try BuiltSite.read(page.page)).contains("Loop times against the cutoffs")
                if hasTimes { #expect(page.svg > 0, "\(page.page) renders no chart") }
            }
            for link in page.links where link.hasPrefix("file://") {
                let path = URL(string: link).map { $0.path } ?? link
                #expect(FileManager.default.fileExists(atPath: path), "\(page.page) links to \(link), which was not written")
            }
        }
        #expect(rendered.contains { $0.page == "editions/2024/index.html" && $0.svg == 1 })
        #expect(rendered.contains { $0.page == "runners/jasmin-paris/index.html" && $0.svg >= 1 })
    }
}
