import Foundation

extension Archive {
    /// Writes every stored edition as a canonical edition file into `directory`, creating it
    /// when missing: `YEAR.yaml` for the Barkley, `RACE-YEAR.yaml` for other races (see
    /// ``EditionFileName``).
    ///
    /// Every edition is read and every file name chosen before the first file is written, so an
    /// export that cannot give each edition a file of its own writes nothing.
    ///
    /// - Returns: the files written, oldest edition first.
    /// - Throws: ``ExportError`` (before writing anything) when two editions would share a file
    ///   name; a file system error when the directory or a file cannot be written.
    @discardableResult
    public func exportEditions(to directory: URL) throws -> [URL] {
        var editions: [Edition] = []
        for key in try editionKeys() {
            if let edition = try edition(year: key.year, race: key.race) { editions.append(edition) }
        }
        let names = try EditionFileName.names(for: editions)
        let texts = try editions.map(EditionFileWriter.text(of:))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var written: [URL] = []
        for (name, text) in zip(names, texts) {
            let url = directory.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            written.append(url)
        }
        return written
    }

    /// The file name of `edition` on its own: `2024.yaml` for the Barkley; other races get a
    /// prefix made of their name. An export may add a suffix where two races would meet (see
    /// ``EditionFileName/names(for:)``).
    public static func fileName(for edition: Edition) -> String {
        EditionFileName.base(for: edition).name
    }
}
