import BarkleyArchive
import BarkleyQueries
@testable import BarkleySite
import Foundation
import Testing

/// An edition with a DQ, a drop reason, an unofficial loop, a 3-loop race, course facts and
/// disputes at three levels (edition, entrant, loop time): what its page model and page say.
@Suite struct EditionReasonsPageTests {
    static let fixture = """
        year: 1988
        start_time: "07:00"
        format:
          loops: 3
        course:
          loop_miles: 18.3
          books: 9
          climb_feet: 12000
          changes: three loops, nominally 55 miles
          cite: [furtaw]
        entrant_list: partial
        finishers: 1
        loop_counts:
        - {loop: 1, started: 4, cite: [furtaw], disputed: {started: [{value: 5, cite: [other]}]}}
        sources:
          cactustoclouds: https://cactustoclouds.com/barkley-1988
          furtaw: Ed Furtaw, Tales from Out There
          other: A later recollection
        disputed:
          start_time:
          - {value: "08:00", cite: [other], note: an hour later by this account}
        entrants:
        - name: Ed Furtaw
          country: "USA"
          loops_completed: 3
          times:
          - {loop: 3, elapsed: "32:14:50", cite: [furtaw], disputed: {elapsed: [{value: "32:15:50", cite: [other]}]}}
          cite: [furtaw]
        - name: Tom Possert
          outcome: disqualified
          reason_note: skipped a section
          times:
          - {loop: 1, elapsed: "5:52", cite: [cactustoclouds]}
          - {loop: 2, elapsed: "12:46", cite: [cactustoclouds]}
          - {loop: 3, elapsed: "23:47", cite: [cactustoclouds]}
          cite: [cactustoclouds, furtaw]
        - name: Jim Lost
          loops_completed: 1
          reason: lost
          country: "USA"
          cite: [furtaw]
          disputed:
            country: [{value: "CAN", cite: [other]}]
        - name: Ann Other
          loops_completed: 1
          reason: other
          reason_note: came back the wrong way
          cite: [furtaw]
        - name: Ben Hurt
          loops_completed: 1
          reason: injured
          reason_note: a sprained ankle
          cite: [furtaw]
        - name: Rob Late
          loops_completed: 2
          times:
          - {loop: 3, elapsed: "36:10:00", unofficial: off_course}
          cite: [cactustoclouds]

        """

    static func page() throws -> (EditionPage, String) {
        let edition = try EditionFileReader.read(text: fixture, fileName: "1988.yaml").edition
        let attrition = try JSONDecoder().decode(EditionAttrition.self, from: Data(#"{"year": 1988, "held": true, "starters": null, "loops": []}"#.utf8))
        let page = EditionPage(edition: edition, attrition: attrition, runnerSlugs: [:], previousYear: nil, nextYear: nil)
        return (page, try Templates().render(page, with: "edition"))
    }

    static func entrant(_ name: String, in page: EditionPage) throws -> EditionPage.EntrantModel {
        try #require(page.entrants.first { $0.name == name })
    }

    @Test func anOutcomeReadsWithItsReasonAndAStatedDQKeepsItsCause() throws {
        let (page, html) = try Self.page()
        #expect(try Self.entrant("Tom Possert", in: page).outcome == "DQ: skipped a section")
        #expect(try Self.entrant("Jim Lost", in: page).outcome == "dropped: lost")
        #expect(try Self.entrant("Ed Furtaw", in: page).outcome == "finish")
        #expect(try Self.entrant("Ann Other", in: page).outcome == "dropped: came back the wrong way")
        #expect(try Self.entrant("Ben Hurt", in: page).outcome == "dropped: injured (a sprained ankle)")
        #expect(html.contains("<td>DQ: skipped a section</td>"))
    }

    @Test func theRunnerPagesCareerTableWordsEachOutcomeAsTheEditionPageDoes() throws {
        let archive = try Archive.inMemory()
        _ = try archive.importEditions([EditionFileReader.read(text: Self.fixture, fileName: "1988.yaml")])
        let history = History(archive: archive)
        let (editionPage, _) = try Self.page()
        for name in ["Tom Possert", "Jim Lost", "Ann Other", "Ben Hurt", "Ed Furtaw"] {
            let page = RunnerPage(career: try history.career(of: name), slug: "runner", formats: [:])
            let html = try Templates().render(page, with: "runner")
            let outcome = try Self.entrant(name, in: editionPage).outcome
            #expect(page.tables[0].columns[3].label == "Outcome")
            #expect(page.tables[0].rows[0].cells[3].text == outcome, "\(name)")
            #expect(html.contains(#"<td data-label="Outcome">\#(outcome)</td>"#), "\(name)")
        }
    }

    @Test func anUnofficialLoopShowsItsTimeMarkedWithWhyItDoesNotCount() throws {
        let (page, html) = try Self.page()
        let late = try Self.entrant("Rob Late", in: page)
        #expect(late.times[2].cumulative == "36:10:00")
        #expect(late.times[2].unofficial == "unofficial: off course")
        #expect(late.times[0].unofficial == nil)
        #expect(late.outcome != "finish")
        #expect(html.contains(#"<small class="unofficial">unofficial: off course</small>"#))
    }

    @Test func theRaceAndTheCourseAreFactsWithTheirFootnotes() throws {
        let (page, html) = try Self.page()
        let race = try #require(page.facts.first { $0.label == "Race" })
        #expect(race.value.hasPrefix("the 3-loop race"))
        let course = try #require(page.facts.first { $0.label == "Course" })
        #expect(course.value == "18.3 miles a loop; 9 books; 12,000 ft of climb; three loops, nominally 55 miles")
        let furtaw = try #require(page.sources.first { $0.key == "furtaw" })
        #expect(course.refs == [furtaw.number])
        #expect(html.contains(##"three loops, nominally 55 miles<sup><a href="#source-\##(furtaw.number)">"##))
    }

    @Test func aDisputedValueShowsThePreferredOneMarkedAndLinkedToEveryValueWithItsSources() throws {
        let (page, html) = try Self.page()
        // One entry per disputed fact, in file order: the edition's, then the entrants'.
        #expect(page.disputes.map(\.subject) == ["start time", "loop 1 started", "Ed Furtaw: loop 3 time", "Jim Lost: country"])
        let start = try #require(page.facts.first { $0.label == "Start" })
        #expect(start.value == "07:00")
        #expect(start.disputes.map(\.number) == [1])
        // A loop count has no value beside it on the page: the chart draws it, and the link names it.
        #expect(page.chartDisputes.map(\.number) == [2])
        #expect(page.chartDisputes.map(\.mark) == ["loop 1 started"])
        #expect(try Self.entrant("Ed Furtaw", in: page).times[2].disputes.map(\.number) == [3])
        #expect(try Self.entrant("Jim Lost", in: page).country.disputes.map(\.number) == [4])
        #expect(try Self.entrant("Tom Possert", in: page).country.disputes.isEmpty)
        let other = try #require(page.sources.first { $0.key == "other" }).number
        let time = page.disputes[2]
        #expect(time.values.map(\.value) == ["32:14:50", "32:15:50"])
        #expect(time.values.map(\.preferred) == [true, false])
        #expect(time.values[1].refs.map(\.number) == [other])
        #expect(page.disputes[0].values[1].note == "an hour later by this account")
        // Every "disputed" link finds its entry.
        let ids = Set(Self.matches(#"id="(dispute-\d+)""#, in: html))
        let links = Self.matches(##"class="disputed" href="#(dispute-\d+)""##, in: html)
        #expect(ids == ["dispute-1", "dispute-2", "dispute-3", "dispute-4"])
        #expect(links.count == 4 && Set(links) == ids)
        #expect(html.contains("<h2>Disputes</h2>"))
    }

    @Test func anEditionWithoutDisputesHasNoDisputesSection() throws {
        let edition = try EditionFileReader.read(text: """
            year: 1990
            format:
              loops: 3
            entrant_list: partial
            sources:
              a: A source
            entrants:
            - name: Ann Runner
              loops_completed: 1
              reason: injured
              cite: [a]

            """, fileName: "1990.yaml").edition
        let attrition = try JSONDecoder().decode(EditionAttrition.self, from: Data(#"{"year": 1990, "held": true, "starters": null, "loops": []}"#.utf8))
        let page = EditionPage(edition: edition, attrition: attrition, runnerSlugs: [:], previousYear: nil, nextYear: nil)
        let html = try Templates().render(page, with: "edition")
        #expect(!page.hasDisputes)
        #expect(!html.contains("Disputes"))
        #expect(!html.contains("class=\"disputed\""))
        #expect(html.contains("<td>dropped: injured</td>"))
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
