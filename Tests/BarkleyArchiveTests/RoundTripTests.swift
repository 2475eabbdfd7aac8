import BarkleyArchive
import Foundation
import SeededRandom
import Testing

/// Generates valid editions with Unicode names, any durations and every optional field.
final class EditionGenerator {
    var random: SplitMix64
    /// Whether to give the fields of issue 15 (reasons, DQ and DNS, unofficial loops, race
    /// category, course facts, external ids), which the entrant CSV form does not carry.
    var issue15Fields: Bool
    init(random: SplitMix64, issue15Fields: Bool = true) {
        self.random = random
        self.issue15Fields = issue15Fields
    }
    static let alphabets: [[Character]] = [
        Array("abcdefghijklmnopqrstuvwxyz"), Array("éèêëáàâäíïóöúüçñøåæœ"), Array("ŁłŚśŻżĆćŃńĘęĄą"),
        Array("АБВГДЕЖЗИКЛМНОПабвгдежзиклмноп"), Array("αβγδεζηθικλμνξοπ"), Array("山田太郎花子鈴木一"),
        Array("محمدعلي"), Array("🏃🌲⛰️"), Array("'-. "),
    ]

    func name() -> String {
        var words: [String] = []
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let alphabet = Self.alphabets[Int.random(in: 0..<Self.alphabets.count, using: &random)]
            let word = String((0..<Int.random(in: 1...8, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            words.append(word.trimmingCharacters(in: .whitespaces))
        }
        // As the door keeps names: one space between words.
        let name = words.joined(separator: " ").split(separator: " ").joined(separator: " ")
        return name.isEmpty ? "X" : name
    }

    /// Runner names given so far (their ``NameKey/fold(_:)`` and ``NameKey/identity(_:)``).
    private var runners: [(key: String, identity: String)] = []

    /// A name for an entrant: a runner already named, or one no import would take for another
    /// (not near any earlier runner's; see ``NearNames``).
    func runnerName() -> String {
        while true {
            let name = name()
            let key = NameKey.fold(name), identity = NameKey.identity(name)
            if runners.contains(where: { $0.key == key }) { return name }
            if runners.contains(where: { NearNames.distance($0.identity, identity) != nil }) { continue }
            runners.append((key, identity))
            return name
        }
    }

    func maybe<T>(_ value: @autoclosure () -> T) -> T? { Bool.random(using: &random) ? value() : nil }

    func edition(year: Int) -> Edition {
        let format = RaceFormat(loops: 5, timeLimit: RaceTime(hours: 60, minutes: 0), funRunLoops: 3,
                                funRunTimeLimit: RaceTime(hours: 40, minutes: 0),
                                cutoffs: Bool.random(using: &random) ? [1: RaceTime(hours: 13, minutes: 20)] : [:])
        var edition = Edition(year: year, format: format, entrantList: .partial)
        edition.sources = [SourceReference(key: "s1", citation: "https://example.org/\(year)/résultats"),
                           SourceReference(key: "s2", citation: "Printed results, \(name())")]
        edition.cited = Bool.random(using: &random) ? ["s2", "s1"] : ["s1"]
        edition.notes = maybe("\(name())\nsecond line: \(name()) \"quoted\" # not a comment")
        edition.startTime = maybe(String(format: "%02d:%02d", Int.random(in: 0..<24, using: &random), Int.random(in: 0..<60, using: &random)))
        var used = Set<String>()
        for _ in 0..<Int.random(in: 0...12, using: &random) {
            let name = runnerName()
            guard used.insert(NameKey.identity(name)).inserted else { continue }
            var entrant = Entrant(name: name, country: maybe(["GBR", "USA", "NOR", "CHE", "JPN"].randomElement(using: &random)!),
                                  sex: maybe(Sex.allCases.randomElement(using: &random)!), firstAttempt: maybe(Bool.random(using: &random)))
            let loops = Int.random(in: 0...5, using: &random)
            entrant.loopsCompleted = maybe(loops)
            var elapsed = 0
            for loop in 1...max(1, loops) where loops > 0 {
                elapsed += Int.random(in: 7 * 3600...13 * 3600, using: &random)
                guard Bool.random(using: &random) else { continue }
                let precision: RaceTime.Precision = Bool.random(using: &random) ? .exact : .approximate
                let seconds = precision == .exact ? elapsed : elapsed - elapsed % 60
                entrant.times.append(LoopTime(loop: loop, elapsed: RaceTime(seconds: seconds, precision: precision),
                                              direction: maybe(Direction.allCases.randomElement(using: &random)!),
                                              cited: Bool.random(using: &random) ? ["s1"] : [], note: maybe(self.name())))
            }
            if entrant.loopsCompleted == nil, !entrant.times.isEmpty { entrant.loopsCompleted = entrant.times.last!.loop }
            entrant.cited = Bool.random(using: &random) ? ["s2"] : []
            entrant.note = maybe("“\(self.name())” — 100% sourced: yes/no")
            if issue15Fields { addReasonsAndIDs(to: &entrant, format: format, lastElapsed: elapsed) }
            edition.entrants.append(entrant)
        }
        if issue15Fields {
            edition.category = maybe(.hundredMile)
            edition.course = maybe(CourseFacts(loopMiles: maybe([20, 26.2, 15.5].randomElement(using: &random)!),
                                               books: maybe(Int.random(in: 9...16, using: &random)),
                                               climbFeet: Int.random(in: 10_000...16_000, using: &random),
                                               changes: maybe("\(self.name()) added"), cited: ["s1"]))
        }
        addDisputes(to: &edition)
        return edition
    }

    /// Disputes at every level (and citations of cutoffs and loop counts), each value unlike the preferred one.
    func addDisputes(to edition: inout Edition) {
        func alternative(_ value: String) -> Alternative {
            Alternative(value: value, cited: Bool.random(using: &random) ? ["s1"] : ["s2", "s1"], note: maybe("\(name()): \"quoted\""))
        }
        if let time = edition.startTime, Bool.random(using: &random) {
            edition.disputed.append(Dispute(field: .startTime, alternatives: [alternative(time == "07:54" ? "06:54" : "07:54")]))
        }
        if Bool.random(using: &random) {
            edition.starters = 40
            edition.disputed.append(Dispute(field: .starters, alternatives: [alternative("38"), alternative("34")]))
        }
        if edition.format.cutoffs[1] != nil, Bool.random(using: &random) {
            edition.cutoffSources[1] = CutoffSources(cited: ["s2"], disputed: maybe([Dispute(field: .time, alternatives: [alternative("13:40:00")])]) ?? [])
        }
        if Bool.random(using: &random) {
            var count = LoopCount(loop: 1, started: 40, completed: 30)
            count.cited = maybe(["s1", "s2"]) ?? []
            count.disputed = [Dispute(field: .completed, alternatives: [alternative("27")])]
            edition.loopCounts = [count]
        }
        for index in edition.entrants.indices where Bool.random(using: &random) {
            var entrant = edition.entrants[index]
            if let country = entrant.country {
                entrant.disputed.append(Dispute(field: .country, alternatives: [alternative(country == "USA" ? "CAN" : "USA")]))
            }
            if Bool.random(using: &random) { entrant.disputed.append(Dispute(field: .entered, alternatives: [alternative("false")])) }
            if let last = entrant.times.indices.last {
                let elapsed = entrant.times[last].elapsed
                entrant.times[last].disputed = [Dispute(field: .elapsed, alternatives: [alternative(RaceTime(seconds: elapsed.seconds + 180).description)])]
            }
            edition.entrants[index] = entrant
        }
    }

    /// A DQ or DNS now and then, a reason for a non-finisher, an unofficial loop after the
    /// last completed one, and external ids: every field issue 15 adds to an entrant.
    private func addReasonsAndIDs(to entrant: inout Entrant, format: RaceFormat, lastElapsed: Int) {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: entrant.statedOutcome = .disqualified
        case 1 where entrant.times.isEmpty && (entrant.loopsCompleted ?? 0) == 0: entrant.statedOutcome = .didNotStart
        default: break
        }
        if let completed = entrant.loopsCompleted, completed < 5, entrant.statedOutcome != .didNotStart, Bool.random(using: &random) {
            let elapsed = max(lastElapsed, entrant.times.last?.elapsed.seconds ?? 0) + Int.random(in: 7 * 3600...13 * 3600, using: &random)
            entrant.times.append(LoopTime(loop: completed + 1, elapsed: RaceTime(seconds: elapsed),
                                          unofficial: [.offCourse, .wrongDirection].randomElement(using: &random)!))
        }
        if entrant.outcome(under: format) != .finish {
            entrant.reason = maybe(DropReason.allCases.randomElement(using: &random)!)
            entrant.reasonNote = maybe("\(self.name()): skipped a section")
        }
        entrant.externalIDs = ExternalIDs(wikidata: maybe("Q\(Int.random(in: 1...99_999_999, using: &random))"),
                                          duv: maybe("\(Int.random(in: 1...999_999, using: &random))"),
                                          ultrasignup: maybe("\(self.name()) \(Int.random(in: 1...999, using: &random))"))
    }
}

@Suite("Export gives back the canonical file")
struct RoundTripTests {
    @Test("import then export of a canonical file is byte-identical, every field of issue 15 included (seeded, 40 editions, Unicode names)")
    func roundTrip() throws {
        let generator = EditionGenerator(random: SplitMix64(seed: 0xBA4C_1E7))
        let fixture = try TemporaryArchive()
        var files: [String: String] = [:]
        for year in 1986...2025 {
            let text = try EditionFileWriter.text(of: generator.edition(year: year))
            files["\(year).yaml"] = text
            _ = try fixture.file("\(year).yaml", text)
        }
        try fixture.archive.importFiles(files.keys.sorted().map { fixture.directory.appendingPathComponent($0) })

        let exported = try fixture.archive.exportEditions(to: fixture.directory.appendingPathComponent("export"))
        #expect(exported.count == files.count)
        for url in exported {
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text == files[url.lastPathComponent], "\(url.lastPathComponent) changed on the way through")
        }
    }

    @Test("the real SampleData files are canonical: export reproduces them")
    func sampleDataIsCanonical() throws {
        let fixture = try TemporaryArchive()
        let files = try SampleDataFiles.urls()
        try fixture.archive.importFiles(files)
        let exported = try fixture.archive.exportEditions(to: fixture.directory.appendingPathComponent("export"))
        #expect(exported.map(\.lastPathComponent) == files.map(\.lastPathComponent))
        for (original, copy) in zip(files, exported) {
            #expect(try Data(contentsOf: original) == Data(contentsOf: copy), "\(original.lastPathComponent)")
        }
    }

    @Test("the CSV form of an edition's entrants reads back to the same entrants")
    func csvRoundTrip() throws {
        let generator = EditionGenerator(random: SplitMix64(seed: 42), issue15Fields: false)
        for year in 2000..<2010 {
            let edition = generator.edition(year: year)
            let csv = try EntrantCSV.text(of: edition)
            var base = edition
            base.entrants = []
            let parsed = try EntrantCSV.read(data: Data(csv.utf8), fileName: "\(year).csv", into: base)
            let withoutTimeDetail = edition.entrants.map { entrant -> Entrant in
                var copy = entrant
                copy.times = entrant.times.map { LoopTime(loop: $0.loop, elapsed: $0.elapsed) }
                copy.disputed = []  // like a time's detail, disputes are kept by edition files, not the CSV's columns
                return copy
            }
            #expect(parsed.edition.entrants == withoutTimeDetail)
        }
    }
}

/// The files of the top-level SampleData folder of this checkout.
enum SampleDataFiles {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SampleData")
    }

    static func urls() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
