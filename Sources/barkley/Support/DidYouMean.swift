import ArgumentParser

/// A usage error for a mistyped command or option, with the closest real one suggested.
///
/// ArgumentParser reports `barkley finshers` as an unexpected argument to the default command
/// (the overview), with no suggestion, and `barkley finshers --year 2024` as the overview's
/// unknown option `--year`; it suggests a close option only among the options of the
/// command it parsed, and only within 3 edits. Its message is kept
/// as it is written; this adds "Did you mean …?" to its first line (a mistyped command's message
/// also names it as a command, and points at `barkley --help` instead of the overview's usage).
/// The exit code stays ArgumentParser's usage code, 64.
enum DidYouMean {
    /// ArgumentParser's message for `error`, with a suggestion when the argument that failed is
    /// within a few edits of a command or an option; nil when there is nothing to suggest.
    static func message(for error: any Error, arguments: [String]) -> String? {
        let message = Barkley.fullMessage(for: error)
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first else { return nil }
        // A word where the command goes that names none is a mistyped command, whatever follows it:
        // ArgumentParser reads it as the overview's, and fails on the next word instead.
        let afterOptions = arguments.dropFirst(overviewOptionCount(arguments))
        if let word = unknownCommand(in: arguments) {
            let suggestion = closest(to: word, in: commandNames).map { " Did you mean '\($0)'?" } ?? ""
            return "Error: Unknown command '\(word)'.\(suggestion)\n  See 'barkley --help' for the commands."
        }
        // ArgumentParser suggests an option itself when one is close; this adds one only where it did not.
        if let option = quoted(in: first, after: "Unknown option '"), !first.contains("Did you mean") {
            let command = afterOptions.first.flatMap { name in Barkley.configuration.subcommands.first { $0._commandName == name } }
            let help = Barkley.helpMessage(for: command ?? Barkley.Overview.self)
            let spelled = option.split(separator: "=", maxSplits: 1).first.map(String.init) ?? option
            guard let suggestion = closest(to: spelled, in: optionNames(in: optionsSection(of: help))) else { return nil }
            lines[0] = first + ". Did you mean '\(suggestion)'?"
            return lines.joined(separator: "\n")
        }
        return nil
    }

    /// Every command's name, ArgumentParser's own `help` included.
    static var commandNames: [String] { Barkley.configuration.subcommands.map { $0._commandName } + ["help"] }

    /// The first word of `arguments` that is neither an option (nor an option's value) nor a
    /// command, when no command comes before it; nil when the command line starts with a command.
    static func unknownCommand(in arguments: [String]) -> String? {
        let index = overviewOptionCount(arguments)
        // An unknown option may take the next word as its value (`--yaer 2024`): the option is the mistake.
        guard index < arguments.count, !arguments[index].hasPrefix("-") else { return nil }
        return commandNames.contains(arguments[index]) ? nil : arguments[index]
    }

    /// How many leading arguments are options typed before the command, with their values.
    /// They are the overview's (the default command), so which of them take a value is read
    /// from its help (`--db <path>`).
    private static func overviewOptionCount(_ arguments: [String]) -> Int {
        let overviewOptions = optionsSection(of: Barkley.helpMessage(for: Barkley.Overview.self))
        return GlobalOptionOrder.leadingOptionCount(
            arguments, known: Set(optionNames(in: overviewOptions)).union(["-h", "--help", "--version"]),
            takingValues: Set(optionNames(in: overviewOptions, takingValues: true)))
    }

    /// The OPTIONS part of a help text: its discussion's examples name other commands' options.
    static func optionsSection(of help: String) -> String {
        guard let start = help.range(of: "\nOPTIONS:") else { return help }
        return String(help[start.upperBound...])
    }

    /// The text between `prefix` and the next `'` on the line.
    private static func quoted(in line: String, after prefix: String) -> String? {
        guard let start = line.range(of: prefix) else { return nil }
        let rest = line[start.upperBound...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<end])
    }

    /// Every `--long-name` a help text mentions; with `takingValues`, only those followed by a
    /// `<value>` (`--db <path>`).
    static func optionNames(in help: String, takingValues: Bool = false) -> [String] {
        var names: [String] = [], seen = Set<String>()
        for match in help.matches(of: /(--[a-z][a-z0-9-]*)( <)?/) where !takingValues || match.output.2 != nil {
            let name = String(match.output.1)
            if seen.insert(name).inserted { names.append(name) }
        }
        return names
    }

    /// The candidate nearest to `word` (case ignored), when it is at most a third of the word's
    /// length away (at least 1, at most 3 edits); the first such on a tie.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let word = word.lowercased()
        let allowed = min(3, max(1, word.count / 3))
        let scored = candidates.map { ($0, editDistance(word, $0.lowercased())) }.filter { $0.1 <= allowed }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance, with a swap of two neighbouring letters counted as one edit
    /// (`finsihers`): the commonest typing slip.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
