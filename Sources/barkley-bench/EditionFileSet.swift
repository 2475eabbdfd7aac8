import BarkleyArchive
import Foundation

/// A synthetic history written to disk as edition files: one directory per race
/// (`editions/race-0000/1986.yaml`, `editions/race-0001/synthetic-0001-1986.yaml`…), so that
/// one race is one batch for an import.
enum EditionFileSet {
    struct Summary: Codable {
        var directory: String
        var races = 0
        var editions = 0
        var entries = 0
        var loopTimes = 0
        var files = 0
        var bytes = 0
        var seconds = 0.0
        /// A few editions written in the entrant CSV form too (not used for timing).
        var csvFiles: [String] = []
    }

    /// Writes `history` under `directory` (emptied first), race by race, file by file, and a
    /// sample of `csvSample` editions of the first race in the CSV form beside them.
    static func write(_ history: SyntheticHistory, to directory: URL, csvSample: Int = 3) throws -> Summary {
        let files = FileManager.default
        try? files.removeItem(at: directory)
        let editionsDirectory = directory.appendingPathComponent("editions")
        let csvDirectory = directory.appendingPathComponent("csv")
        try files.createDirectory(at: csvDirectory, withIntermediateDirectories: true)
        var summary = Summary(directory: directory.path)
        let clock = ContinuousClock()
        let start = clock.now
        for race in history.races() {
            let raceDirectory = editionsDirectory.appendingPathComponent(raceDirectoryName(race.index))
            try files.createDirectory(at: raceDirectory, withIntermediateDirectories: true)
            for edition in race.editions {
                let text = try EditionFileWriter.text(of: edition)
                try text.write(to: raceDirectory.appendingPathComponent(Archive.fileName(for: edition)), atomically: false, encoding: .utf8)
                summary.files += 1
                summary.bytes += text.utf8.count
                summary.editions += 1
                summary.entries += edition.entrants.count
                summary.loopTimes += edition.entrants.reduce(0) { $0 + $1.times.count }
                if race.index == 0, edition.held, summary.csvFiles.count < csvSample {
                    let name = Archive.fileName(for: edition).replacingOccurrences(of: ".yaml", with: ".csv")
                    try EntrantCSV.text(of: edition).write(to: csvDirectory.appendingPathComponent(name), atomically: false, encoding: .utf8)
                    summary.csvFiles.append("csv/" + name)
                }
            }
            summary.races += 1
        }
        summary.seconds = (clock.now - start).seconds
        return summary
    }

    /// The files to import, one batch per race, each in year order.
    static func batches(in directory: URL) throws -> [[URL]] {
        let files = FileManager.default
        let editionsDirectory = directory.appendingPathComponent("editions")
        return try files.contentsOfDirectory(atPath: editionsDirectory.path).sorted().map { race in
            let raceDirectory = editionsDirectory.appendingPathComponent(race)
            return try files.contentsOfDirectory(atPath: raceDirectory.path).filter { $0.hasSuffix(".yaml") }.sorted()
                .map { raceDirectory.appendingPathComponent($0) }
        }
    }

    static func raceDirectoryName(_ index: Int) -> String {
        let digits = String(index)
        return "race-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
    var milliseconds: Double { seconds * 1_000 }
}
