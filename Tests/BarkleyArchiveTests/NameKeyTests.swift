@testable import BarkleyArchive
import SeededRandom
import Testing

@Suite("Name keys")
struct NameKeyTests {
    @Test("case, accents and spacing fold away")
    func folding() {
        #expect(NameKey.fold("  Aurélien   SANCHEZ ") == "aurelien sanchez")
        #expect(NameKey.fold("Aurelien Sanchez") == NameKey.fold("aurélien sánchez"))
        #expect(NameKey.fold("ＪＡＳＭＩＮ") == "jasmin")
    }

    @Test("the ASCII fast path folds exactly as the general one (seeded, 2,000 strings)")
    func asciiFastPath() {
        var random = SplitMix64(seed: 0xA5C11)
        let alphabet = Array("aZ09 \t\n\r-'.,_~QqXx  ".unicodeScalars)
        for _ in 0..<2_000 {
            let text = String(String.UnicodeScalarView((0..<random.int(in: 0...24)).map { _ in alphabet[random.int(in: 0...(alphabet.count - 1))] }))
            #expect(NameKey.fold(text) == NameKey.foldUnicode(text), "\(text.debugDescription)")
        }
    }
}
