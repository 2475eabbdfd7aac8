/// One thing wrong with an input file: where it is, which rule it breaks, and what to do.
public struct ImportProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The rules an edition file can break; tests and tools branch on these, not on wording.
    public enum Rule: String, Sendable, Hashable {
        case syntax, unknownField, duplicateField, missingField, invalidValue
        case unparsableTime, timesNotIncreasing, loopAfterUnfinished, finishOverLimit
        case outcomeContradicted, duplicateRunner, ambiguousRunner, unknownCountry
        case yearOutOfRange, unknownSourceKey, countMismatch, duplicateEdition
        /// A character that may not be in the value (invisible, control, a line break outside notes).
        case forbiddenCharacter
        /// A new runner whose name is near an existing runner's: same person, or another?
        case similarRunner
        /// A time no Barkley could produce (faster than the loops allow, a spreadsheet's 24-hour wrap).
        case implausibleTime
        /// An external id (Wikidata, DUV, UltraSignup) differing from the one another edition gives the runner.
        case conflictingID
        /// A schema constraint SQLite refused that no earlier rule caught (a gap in the checks).
        case schemaRule
    }

    public var file: String
    /// 1-based line, when the problem has one.
    public var line: Int?
    /// The field, as a path: `entrants[2].times[0].elapsed`.
    public var field: String
    public var rule: Rule
    public var message: String

    public init(file: String, line: Int?, field: String, rule: Rule, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.rule = rule
        self.message = message
    }

    /// `2024.yaml:41: entrants[2].times[0].elapsed: …`, the shape compilers use, so editors link to it.
    public var description: String {
        "\(file):\(line.map(String.init) ?? "-"): \(field): \(message)"
    }
}

/// A file that cannot be imported, with every problem found in it.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var problems: [ImportProblem]

    public init(problems: [ImportProblem]) { self.problems = problems }

    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return "\(count); nothing was written:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}
