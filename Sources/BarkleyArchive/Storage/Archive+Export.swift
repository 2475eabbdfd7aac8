import Foundation

extension Archive {
    /// Writes every stored edition as a canonical edition file (`YEAR.yaml`, or
    /// `RACE-YEAR.yaml` for other races) into `directory`, creating it when missing.
    ///
    /// - Returns: the files written, oldest edition first.
    @discardableResult
    public func exportEditions(to directory: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var written: [URL] = []
        for key in try editionKeys() {
            guard let edition = try edition(year: key.year, race: key.race) else { continue }
            let url = directory.appendingPathComponent(Self.fileName(for: edition))
            try EditionFileWriter.text(of: edition).write(to: url, atomically: true, encoding: .utf8)
            written.append(url)
        }
        return written
    }

    /// `2024.yaml` for the Barkley; other races get a prefix made of their name.
    public static func fileName(for edition: Edition) -> String {
        guard edition.race != Edition.barkley else { return "\(edition.year).yaml" }
        let slug = NameKey.fold(edition.race).map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return "\(String(slug))-\(edition.year).yaml"
    }
}
