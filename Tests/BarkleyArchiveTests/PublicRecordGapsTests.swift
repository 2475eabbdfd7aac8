import BarkleyArchive
import Foundation
import SQLiteLayer
import Testing

/// The gaps of the first public-record pass (issue 16), filled from pages read in the stored
/// corpus. Every expected value was typed from the page named in the test, not from
/// `SampleData/`: Mahoney's partial 2011 list as reprinted by runningafterdaylight, Tiffany
/// Guerra's 2011 summary, Nick Gracie's 2006 report (sleepmonsters), the VHTRC's 2013 note,
/// the fellrunner forum thread and Canadian Running's loop-5 report for 2023.
@Suite("SampleData: the public-record gaps (2006, 2011, 2013, 2023)")
struct PublicRecordGapsTests {
    let sampleData: SampleDataArchive
    var archive: Archive { sampleData.archive }

    init() throws { sampleData = try SampleDataArchive() }

    func storedCounts(_ year: Int) throws -> [String] { try sampleData.storedCounts(year) }

    /// The runners (by their one name across years) entered in `year`.
    func runnerNames(_ year: Int) throws -> Set<String> {
        Set(try archive.connection.rows("""
            SELECT runner.name FROM entry JOIN runner ON runner.id = runner_id JOIN edition ON edition.id = edition_id
            WHERE year = ?
            """, [year]).map { try $0.require("name", as: String.self) })
    }

    /// The stated loops completed of one named runner in `year`, or nil when not stated.
    func loopsCompleted(_ year: Int, _ name: String) throws -> Int? {
        try archive.connection.scalar("""
            SELECT loops_completed FROM entry JOIN runner ON runner.id = runner_id JOIN edition ON edition.id = edition_id
            WHERE year = ? AND runner.name = ?
            """, [year, name], as: Int.self)
    }

    func loopTime(_ year: Int, _ name: String, loop: Int) throws -> String? { try sampleData.loopTime(year, name, loop: loop) }

    @Test("2011: every name of Mahoney's partial loop-1 list (runningafterdaylight) is an entrant, with its time")
    func mahoneyList2011() throws {
        // The 25 names under "Loop 1 (20 miles, cutoff 13:20)", as joined to one runner each.
        let list = ["Alan Abbs", "Brett Maune", "Carl Laniak", "Henry Wakley", "Travis Wildeboer", "Byron Backer",
                    "Blake Wood", "Rob Youngren", "DeWayne Satterfield", "Timothy Dine", "Ed Furtaw", "Abi Meadows",
                    "Bill Losey", "Mike Bur", "Christian Mauduit", "Jason Barringer", "Marco", "Steve Durbin",
                    "Charles Raffensburger", "Allan Holtz", "Bob Haugh", "Joe Ninke", "Cheryl Lager", "Mike O'Melia",
                    "Stuart Gleman"]
        #expect(Set(list).subtracting(try runnerNames(2011)).isEmpty)
        #expect(try loopTime(2011, "Henry Wakley", loop: 1) == "9:18:47")
        #expect(try loopTime(2011, "Christian Mauduit", loop: 1) == "13:07:50")
        #expect(try loopTime(2011, "Bill Losey", loop: 1) == "12:37")  // to the minute in the list
        #expect(try loopTime(2011, "Alan Abbs", loop: 1) == "9:14:13")
        #expect(try loopTime(2011, "Alan Abbs", loop: 2) == "19:24")
        // Seven "missed cutoff", O'Melia "quit at top of Rat Jaw", Gleman "first to quit, 4 hrs".
        for name in ["Steve Durbin", "Charles Raffensburger", "Allan Holtz", "Bob Haugh", "Joe Ninke", "Cheryl Lager",
                     "Mike O'Melia", "Stuart Gleman"] {
            #expect(try loopsCompleted(2011, name) == 0, "\(name)")
        }
        // Guerra: "two men progressed to loop 4 - Brett and Carl. Brett alone began loop 5".
        #expect(try storedCounts(2011) == ["4:2/-", "5:1/1"])
    }

    @Test("2006: Gracie's 33 / 22 / 5 and the five on loop 3; 2013: VHTRC's Knipling and Bur")
    func sleepmonstersAndVHTRC() throws {
        #expect(try storedCounts(2006) == ["1:33/22", "2:-/5", "3:5/-"])
        #expect(try loopsCompleted(2006, "Jim Nelson") == 1)  // "as darkness fell Jim ... decided to stop"
        #expect(try runnerNames(2006).contains("Todd Holmes"))
        #expect(try loopsCompleted(2013, "Keith Knipling") == 1)  // "1.5 loops"
        #expect(try loopsCompleted(2013, "Mike Bur") == 1)  // missed the two-loop cutoff
    }

    @Test("2023: the fellrunner forum's loop-3 names and the two over the loop-2 limit; Canadian Running's loop-4 times")
    func fellrunnerAndLoop5Report2023() throws {
        let names = try runnerNames(2023)
        #expect(names.isSuperset(of: ["Piotr Chadovich", "Johan Steene", "Nicky Spinks", "Eoin Keith"]))
        #expect(try loopsCompleted(2023, "Nicky Spinks") == 1)
        #expect(try loopsCompleted(2023, "Eoin Keith") == 1)
        #expect(try loopTime(2023, "John Kelly", loop: 4) == "45:50:23")
        #expect(try loopTime(2023, "Aurélien Sanchez", loop: 4) == "45:57:09")
        #expect(try loopTime(2023, "Karel Sabbe", loop: 4) == "46:36:57")
        // Loop-3 starters stay at the count Trail Runner and Canadian Running give, not the forum's 15.
        #expect(try storedCounts(2023).contains("3:13/-"))
    }
}
