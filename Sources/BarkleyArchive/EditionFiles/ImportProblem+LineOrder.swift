/// Problems as a person fixes them: top of the file to the bottom.
extension ImportProblem {
    /// `problems` sorted by line, the file's own problems (without a line) first; problems on
    /// one line keep the order they were found in (the field read first, first).
    static func inLineOrder(_ problems: [ImportProblem]) -> [ImportProblem] {
        problems.enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
    }
}

extension Edition {
    /// This edition with a stand-in under `sources:` for each key in `refused` that is not
    /// there: a source whose entry was refused (and reported) is still one the file meant to cite,
    /// so checking its citations would only report it again, once per citation. For checking a
    /// file that failed only; never stored.
    func citingRefusedSources(_ refused: Set<String>) -> Edition {
        let present = Set(sources.map(\.key))
        var edition = self
        for key in refused.sorted() where !present.contains(key) {
            edition.sources.append(SourceReference(key: key, citation: "(refused above)"))
        }
        return edition
    }
}
