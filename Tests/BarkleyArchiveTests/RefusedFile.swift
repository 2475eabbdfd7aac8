import BarkleyArchive
import Foundation
import Testing

extension TemporaryArchive {
    /// Imports `text` as the file `name`, which the door must refuse whole: a problem `rule` on
    /// `field`, at the line holding `lineText`, its message holding `message` (when given); the
    /// dry run reports the same problems; SQLite never saw the file (no `schemaRule` problem);
    /// the archive is exactly as it was.
    ///
    /// - Throws: what writing the file or reading the archive throws; an issue is recorded
    ///   (and the test stops) when the import is not refused so.
    func expectRefused(_ text: String, as name: String, rule: ImportProblem.Rule, field: String, lineText: String,
                       message: String = "", sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try snapshot()
        let url = try file(name, text)
        let dryRun = try #require(throws: ImportError.self, sourceLocation: sourceLocation) { try archive.importFiles([url], dryRun: true) }
        let error = try #require(throws: ImportError.self, sourceLocation: sourceLocation) { try archive.importFiles([url]) }
        #expect(dryRun.problems == error.problems, sourceLocation: sourceLocation)
        let problem = try #require(error.problems.first { $0.rule == rule && $0.field == field }, "\(error)", sourceLocation: sourceLocation)
        #expect(problem.file == name, sourceLocation: sourceLocation)
        #expect(problem.line == Sample.line(of: lineText, in: text), "\(problem)", sourceLocation: sourceLocation)
        if !message.isEmpty { #expect(problem.message.contains(message), "\(problem)", sourceLocation: sourceLocation) }
        #expect(!error.problems.contains { $0.rule == .schemaRule }, "SQLite saw it: \(error)", sourceLocation: sourceLocation)
        #expect(try snapshot() == before, sourceLocation: sourceLocation)
    }
}
