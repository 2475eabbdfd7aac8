import BarkleyArchive
import BarkleyBuiltInArchive
import Foundation
import Testing

@Suite("The built-in archive")
struct SampleDataImportTests {
    @Test("every SampleData file imports cleanly into a fresh archive")
    func everyFileImports() throws {
        do {
            let archive = try BuiltInArchive.open()
            #expect(try archive.editionKeys().count == 40)
        } catch let error as ImportError {
            Issue.record("\(error)")
        }
    }
}
