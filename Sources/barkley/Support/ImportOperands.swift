/// The edition files of `barkley import`, carried past ArgumentParser as one argument.
///
/// ArgumentParser 1.8.2 parses n positional values in time quadratic in n: after parsing a
/// command it removes each used input from its list one at a time, shifting the rest
/// (`SplitArguments.removeAll(in:)`), and each value appended to an array argument copies the
/// array's growing set of input positions (`ParsedValues.update`). `barkley import --db FILE
/// editions/*/*.yaml` on a history of 25,000 files spent 24 s there (118.7 s against 94.9 s for
/// the `Archive.importFiles` call it makes); perf on 2,500 arguments puts 93% of a debug run in
/// those two places. So `main` joins the edition files into one argument before parsing, and
/// ``Barkley/Import`` splits them again: a file list costs what reading it costs.
///
/// Files are joined with NUL, which no command-line argument can contain. Only `import`'s
/// operands ending in `.yaml` or `.yml` are joined; option values (``valueOptions``), other
/// arguments and everything after `--` pass through as given, so usage errors read the same.
enum ImportOperands {
    static let separator: Character = "\0"

    /// The options of `import` that take a value: the argument after one is never a file.
    /// (`ImportOperandsTests` checks this against the options `import` declares.)
    static let valueOptions: Set<String> = ["--db", "--year"]

    /// `arguments` (without the program name) with the edition files of an `import` joined
    /// into one argument where the first of them was; any other command's arguments unchanged.
    static func joined(_ arguments: [String]) -> [String] {
        guard arguments.first == "import" else { return arguments }
        var result: [String] = []
        result.reserveCapacity(8)
        var files: [String] = []
        var filesAt: Int?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                result += arguments[index...]
                break
            }
            if index > 0, !argument.hasPrefix("-"), isEditionFile(argument) {
                if filesAt == nil {
                    filesAt = result.count
                    result.append("")
                }
                files.append(argument)
            } else {
                result.append(argument)
                if valueOptions.contains(argument), index + 1 < arguments.count {
                    result.append(arguments[index + 1])
                    index += 1
                }
            }
            index += 1
        }
        if let filesAt { result[filesAt] = files.joined(separator: String(separator)) }
        return result
    }

    /// The file paths `import` was given: each argument split where ``joined(_:)`` joined it.
    static func split(_ arguments: [String]) -> [String] {
        arguments.flatMap { $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init) }
    }

    private static func isEditionFile(_ argument: String) -> Bool {
        let lower = argument.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
    }
}
