import Foundation
import Testing

/// More of the door's kinds through `barkley import`, each with exit 65 and FILE:LINE: FIELD,
/// in `--dry-run` and for real, the archive unchanged (the checks of ``ImportDoorTests``).
extension ImportDoorTests {
    static let siblingCases: [DoorCase] = [
        DoorCase(name: "a variation selector after a name", fileName: "2025.yaml",
                 text: edition2025.replacingOccurrences(of: "John Kelly", with: "\"John Kelly\\uFE0F\""), location: "2025.yaml:4: entrants[0].name:"),
        DoorCase(name: "a Hangul filler between the words of a name", fileName: "2025.yaml",
                 text: edition2025.replacingOccurrences(of: "John Kelly", with: "\"John\\u3164 Kelly\""), location: "2025.yaml:4: entrants[0].name:"),
        DoorCase(name: "a lone loop-4 time wrapped above the floor", fileName: "2025.yaml",
                 text: edition2025.replacingOccurrences(of: "loops_completed: 3", with: "loops_completed: 4\n  times:\n  - {loop: 4, elapsed: \"22:16:27\"}"),
                 location: "2025.yaml:7: entrants[0].times[0].elapsed:"),
        DoorCase(name: "a spreadsheet's loop-4 column wrapped above the floor", fileName: "entrants-2024.csv",
                 text: "name,loops_completed,loop_4\nJasmin Paris,5,\nDamian Hall,4,22:16:27\n", location: "entrants-2024.csv:3: loop_4:", year: "2024"),
        DoorCase(name: "a spreadsheet saved with ';' between columns", fileName: "entrants.csv",
                 text: "name;loops_completed\nJohn Kelly;3\n", location: "entrants.csv:1: -:", year: "2025"),
        DoorCase(name: "--year disagreeing with the year in the file name", fileName: "entrants-2024.csv",
                 text: "name,loops_completed\nJohn Kelly,3\n", location: "entrants-2024.csv:-: year:", year: "2025"),
    ]

    @Test("more kinds refused with exit 65 and FILE:LINE: FIELD, the archive unchanged, in --dry-run too", arguments: siblingCases)
    func siblingsRefusedAtTheDoor(_ bad: DoorCase) throws {
        try refusedAtTheDoor(bad)
    }
}
