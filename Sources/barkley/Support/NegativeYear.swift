import BarkleyArchive

/// `barkley edition -1`: ArgumentParser reads `-1` as an option, not as the year, and reports
/// "Missing expected argument '<year>'", as if no year had been given. This says the year given
/// is invalid instead; the rest of ArgumentParser's message (the usage) is kept, exit 64.
enum NegativeYear {
    /// The message for `error` when a `<year>` went missing and a negative number was given;
    /// nil otherwise.
    static func message(for error: any Error, arguments: [String]) -> String? {
        let message = Barkley.fullMessage(for: error)
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, first.contains("Missing expected argument '<year>'"),
              let number = arguments.first(where: { $0.wholeMatch(of: /-[0-9]+/) != nil }) else { return nil }
        lines[0] = "Error: '\(number)' is not a valid year: give a year from \(EditionValidator.firstYear) on, such as 2024."
        return lines.joined(separator: "\n")
    }
}
