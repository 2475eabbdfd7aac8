extension Presentation {
    /// Notes as edition files hold them, hard-wrapped near 90 columns, as paragraphs: the lines
    /// up to a blank line joined with single spaces, each line's own leading and trailing spaces
    /// dropped. `"The loop count and\ntime limit.\n\nSecond."` gives
    /// `["The loop count and time limit.", "Second."]`; blank or empty text gives `[]`.
    ///
    /// The site writes one `<p>` per paragraph and a narrow terminal rewraps each one, so a
    /// line break the file needed for its own width never shows mid-sentence.
    public static func paragraphs(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = line.drop(while: \.isWhitespace)
            let end = line.lastIndex { !$0.isWhitespace }
            if let end {
                current.append(line[...end])
            } else {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs
    }
}
