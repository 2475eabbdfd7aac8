import Foundation

/// `barkley --db X finishers`: the options every reading command takes, typed before the command.
///
/// ArgumentParser 1.8.2 parses a command's options only after the command's name: before it,
/// `--db X` goes to the root command, which has no options of its own, so the default command
/// (the overview) takes it and then refuses `finishers` as an unexpected argument. ArgumentParser's
/// own way round this (the root declaring the options in an `@OptionGroup` that each command
/// inherits) would make `--format` and `--db` options of every command, `import` and `backup`
/// included, and change every command's help. So `main` moves them instead: the options of
/// ``movableOptions``, given before the first argument, go after the command's name when that
/// argument names a command; the command then parses them as if typed there, and refuses them
/// with its own message if it does not take them. Anything else before a command is refused by
/// ArgumentParser as before, with ``hint(for:)`` showing the order that works.
enum GlobalOptionOrder {
    /// The options every reading command takes, each with a value (`--db PATH`, `--db=PATH`).
    static let movableOptions: Set<String> = ["--db", "--format", "--race"]

    /// The names of the root command's subcommands (and ArgumentParser's `help`): ``DidYouMean/commandNames``.
    static var commandNames: Set<String> { Set(DidYouMean.commandNames) }

    /// `arguments` (without the program name) with the leading ``movableOptions`` moved after
    /// the command's name; unchanged when they are not followed by a command's name.
    static func reordered(_ arguments: [String], commands: Set<String> = commandNames) -> [String] {
        let count = leadingOptionCount(arguments)
        guard count > 0, count < arguments.count, commands.contains(arguments[count]) else { return arguments }
        return [arguments[count]] + arguments[..<count] + arguments[(count + 1)...]
    }

    /// A line for a usage error whose arguments put an option before the command
    /// (`barkley --limit 3 most finishes`): the same arguments in the order that works. Nil when
    /// the arguments do not start with an option, name no command, or were already reordered.
    static func hint(for arguments: [String], commands: Set<String> = commandNames) -> String? {
        guard let first = arguments.first, first.hasPrefix("-"), first != "--", !["-h", "--help", "--version"].contains(first),
              let command = arguments.firstIndex(where: { commands.contains($0) }),
              // Moved by `reordered`: the command itself refused the option, and said so.
              reordered(arguments, commands: commands) == arguments else { return nil }
        let before = arguments[..<command], after = arguments[(command + 1)...]
        let terminator = after.firstIndex(of: "--") ?? after.endIndex
        let ordered = [arguments[command]] + after[..<terminator] + before + after[terminator...]
        return "Options go after the command: barkley " + ordered.map(quotedIfNeeded).joined(separator: " ")
    }

    /// How many leading arguments are options of `known` with their values: the one walk over
    /// the options before a command, for ``reordered(_:commands:)`` (``movableOptions``) and
    /// for ``DidYouMean/unknownCommand(in:)`` (the overview's options).
    ///
    /// An option of `takingValues` takes the next word as its value, unless written with `=`
    /// (`--db=PATH`). The walk stops at the first word that is not a known option: a command's
    /// name, an unknown option, `--`. Never more than `arguments.count`.
    static func leadingOptionCount(_ arguments: [String], known: Set<String> = movableOptions,
                                   takingValues: Set<String> = movableOptions) -> Int {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            guard known.contains(name) else { break }
            index += !argument.contains("=") && takingValues.contains(name) ? 2 : 1
        }
        return min(index, arguments.count)
    }

    /// An argument as a shell needs it typed: in single quotes when it holds anything but
    /// letters, digits and `-_./:=,@%+`.
    private static func quotedIfNeeded(_ argument: String) -> String {
        let plain = !argument.isEmpty && argument.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_./:=,@%+".unicodeScalars.contains(scalar)
        }
        return plain ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
