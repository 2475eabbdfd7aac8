import BarkleyArchive
import Foundation
import Testing

/// A file using YAML anchors or aliases, and the line of the first one.
struct AliasFile: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let line: Int
    var testDescription: String { name }
}

@Suite("YAML is a door, not a weapon")
struct YAMLDoorTests {
    /// `levels` lines, each a list of ten aliases of the line before: 10^levels nodes once expanded.
    static func flowBomb(levels: Int) -> String {
        var text = "year: 1999\nentrant_list: partial\nnotes: a\nl0: &l0 {a: lol, b: lol}\n"
        for level in 1...levels {
            text += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return text
    }

    static let aliasFiles: [AliasFile] = [
        AliasFile(name: "a 40-level flow-mapping bomb", text: flowBomb(levels: 40), line: 4),
        AliasFile(name: "a bomb in block lists", text: """
            year: 1999
            entrant_list: partial
            l0: &l0
              - lol
              - lol
            l1: &l1
              - *l0
              - *l0

            """, line: 3),
        AliasFile(name: "a merge key into an entrant", text: """
            year: 1999
            entrant_list: partial
            entrants:
            - &base
              name: Ann Example
            - <<: *base
              name: Bo Example

            """, line: 4),
        AliasFile(name: "an alias for a name", text: "year: 1999\nentrant_list: partial\nentrants:\n- name: &who Ann Example\n- name: *who\n", line: 4),
        AliasFile(name: "an anchor after a tag", text: "year: 1999\nentrant_list: partial\nnotes: !!str &n text\n", line: 3),
        AliasFile(name: "an alias as a list item", text: "year: 1999\nentrant_list: partial\ncite: [a, *b]\n", line: 3),
    ]

    @Test("anchors and aliases are refused at once, with their line", arguments: aliasFiles)
    func aliasesRefused(_ file: AliasFile) throws {
        let start = Date()
        let error = try #require(throws: ImportError.self) { try EditionFileReader.read(text: file.text, fileName: "1999.yaml") }
        let seconds = Date().timeIntervalSince(start)
        #expect(error.problems.count == 1)
        let problem = try #require(error.problems.first)
        #expect(problem.rule == .syntax)
        #expect(problem.line == file.line)
        #expect(problem.message.contains("anchors and aliases"))
        // 10^40 nodes expanded would never end; refused before composing, it is instant.
        #expect(seconds < 2, "took \(seconds) s")
    }

    @Test("the import refuses an alias bomb and leaves the archive as it was, in --dry-run too")
    func aliasBombThroughTheImport() throws {
        let fixture = try TemporaryArchive()
        try fixture.archive.importFiles([fixture.file("2024.yaml", Sample.edition2024)])
        let before = try fixture.snapshot()
        for dryRun in [true, false] {
            #expect(throws: ImportError.self) { try fixture.archive.importFiles([fixture.file("1999.yaml", Self.flowBomb(levels: 30))], dryRun: dryRun) }
            #expect(try fixture.snapshot() == before)
        }
    }

    /// Characters that mean structure in YAML, where they are only text.
    @Test("brackets, ampersands and stars inside quoted, block and plain text, and comments, are text", arguments: [
        "notes: \"" + String(repeating: "{[", count: 300) + " &a *b\"",
        "notes: '" + String(repeating: "[", count: 300) + " it''s &a *b'",
        "notes: |\n  " + String(repeating: "[", count: 300) + "\n  &anchor-looking line\n  *star-looking line\n  - not a list",
        "notes: >\n  " + String(repeating: "{", count: 300) + "\n\n  folded *text*",
        "notes: see [[[[ and {{{{ R&D, *emphasis*, &amp; " + String(repeating: "[", count: 300),
        "notes: first line of a plain scalar\n  &continues on the next line\n  *and this one",
        "# a comment " + String(repeating: "[", count: 300) + " &a *b\nnotes: text",
    ])
    func textIsText(_ notes: String) throws {
        let text = Sample.edition2024(replacing: "finishers: 2\n", with: "finishers: 2\n\(notes)\n")
        let parsed = try EditionFileReader.read(text: text, fileName: "2024.yaml")
        #expect(parsed.edition.notes?.isEmpty == false)
        #expect(parsed.edition.entrants.count == 3)
    }

    @Test("a block or plain scalar as a list item is text to the list's indentation")
    func scalarsInListItemsAreText() throws {
        let list = "cite:\n- |\n  " + String(repeating: "[", count: 100) + "\n  *star\n- plain item\n  &continued\n  [[[[ too\n"
        var text = Sample.edition2024
        text.replaceSubrange(try #require(text.range(of: "cite: [irunfar]\n")), with: list)
        // Composed as text: the reader sees both items, and refuses only the line break in the first.
        let error = try #require(throws: ImportError.self) { try EditionFileReader.read(text: text, fileName: "2024.yaml") }
        // In line order: the unknown key is reported at `cite:`, the line break at its item below.
        #expect(error.problems.map(\.rule) == [.unknownSourceKey, .forbiddenCharacter], "\(error)")
        #expect(error.problems.first?.message.contains("'plain item &continued [[[[ too'") == true)
    }

    @Test("real nesting past the bound is refused with its line, in flow or block form", arguments: [
        "cite: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
        "cite: {a: " + String(repeating: "{a: ", count: 100) + "x" + String(repeating: "}", count: 101),
        "cite:\n" + String(repeating: "- ", count: 100) + "x",
    ])
    func deepNestingRefused(_ nested: String) throws {
        let text = Sample.edition2024(replacing: "cite: [irunfar]\n", with: nested + "\n")
        let error = try #require(throws: ImportError.self) { try EditionFileReader.read(text: text, fileName: "2024.yaml") }
        let problem = try #require(error.problems.first)
        #expect(problem.message.contains("nested"), "\(problem)")
        #expect(problem.line == Sample.line(of: nested.hasPrefix("cite:\n") ? "- - -" : "cite:", in: text))
    }

    @Test("a million values are refused before the composer builds them")
    func tooManyNodes() throws {
        let text = "year: 2024\nentrant_list: partial\ncite: [" + Array(repeating: "a", count: 1_000_001).joined(separator: ",") + "]\n"
        let error = try #require(throws: ImportError.self) { try EditionFileReader.read(text: text, fileName: "2024.yaml") }
        #expect(error.problems.first?.message.contains("values") == true, "\(error)")
    }

    /// Reading is linear in the file's size: a file 4 times larger takes less than 6 times as
    /// long. Time is the reading thread's CPU time, not the clock's, so that other processes
    /// taking turns on the machine do not decide the ratio; the two sizes are read in turn,
    /// five times each, and the fastest of each counts.
    @Test("reading a file is linear in its size")
    func linearInSize() throws {
        func file(entrants: Int) -> String {
            var text = Sample.edition2024(replacing: "finishers: 2\n", with: "")
                .replacingOccurrences(of: "starters: 40\n", with: "").replacingOccurrences(of: "entrants:\n", with: "notes: |\n  [[[ text\nentrants:\n")
            for index in 0..<entrants {
                text += "- name: \"Runner Number\(index)\"\n  country: \"GBR\"\n  loops_completed: 2\n  times:\n  - {loop: 1, elapsed: \"12:00:00\", note: \"[[[ &a\"}\n  - {loop: 2, elapsed: \"25:00:00\"}\n  note: 'it''s [[['\n"
            }
            return text
        }
        /// CPU seconds this thread has used.
        func threadTime() -> Double {
            var now = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
            return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        }
        func time(_ text: String) throws -> Double {
            let start = threadTime()
            let parsed = try EditionFileReader.read(text: text, fileName: "2024.yaml")
            #expect(parsed.edition.entrants.count > 3)
            return threadTime() - start
        }
        let (smallFile, largeFile) = (file(entrants: 500), file(entrants: 2_000))
        var (small, large) = (Double.infinity, Double.infinity)
        for _ in 0..<5 {
            small = min(small, try time(smallFile))
            large = min(large, try time(largeFile))
        }
        print("reading 500 entrants: \(small) s; 2,000 entrants: \(large) s; ratio \(large / small)")
        #expect(large < 6 * small, "500 entrants: \(small) s; 2,000 entrants: \(large) s")
    }
}
