import BarkleyArchive
import Testing

@Suite("YAML 1.1 pitfalls cannot change a value")
struct YAMLPitfallTests {
    @Test("an unquoted 59:58:21 stays a time, not the base-60 number 215901")
    func sexagesimalTime() throws {
        let text = Sample.edition2024.replacingOccurrences(of: #""59:58:21""#, with: "59:58:21")
        #expect(text.contains("elapsed: 59:58:21}"))
        let parsed = try EditionFileReader.read(text: text, fileName: "2024.yaml")
        #expect(parsed.edition.entrants[0].times[0].elapsed == RaceTime(hours: 59, minutes: 58, seconds: 21))
    }

    @Test("an unquoted country code NO stays Norway, not false")
    func norway() throws {
        let text = Sample.edition2024.replacingOccurrences(of: #"country: "CAN""#, with: "country: NOR")
            .replacingOccurrences(of: #"country: "FRA""#, with: "country: NO")
        let parsed = try EditionFileReader.read(text: text, fileName: "2024.yaml")
        #expect(parsed.edition.entrants[1].country == "NOR")
        #expect(parsed.edition.entrants[2].country == "NO")  // read as written; the validator then refuses it
        #expect(EditionValidator.problems(in: parsed).map(\.rule) == [.unknownCountry])
    }

    @Test("the writer quotes times and codes so other YAML tools read them right")
    func writerQuotes() throws {
        let edition = try EditionFileReader.read(text: Sample.edition2024, fileName: "2024.yaml").edition
        let text = try EditionFileWriter.text(of: edition)
        #expect(text.contains(#"elapsed: "59:58:21""#))
        #expect(text.contains(#"country: "GBR""#))
    }
}
