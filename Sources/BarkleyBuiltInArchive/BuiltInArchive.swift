import BarkleyArchive

/// The real history of the Barkley Marathons, from the edition files in `SampleData/`,
/// built into the library: no set-up, no files, no network.
///
/// The files are embedded at build time (see the `EmbedFiles` plugin), so this archive is
/// always exactly what `SampleData/` holds.
public enum BuiltInArchive {
    /// The embedded edition files, by name.
    public static var files: [(name: String, contents: String)] { EmbeddedEditionFiles.files }

    /// A fresh in-memory archive holding every built-in edition.
    ///
    /// - Throws: `ImportError` if an embedded file is invalid (a test guards against it).
    public static func open() throws -> Archive {
        let archive = try Archive.inMemory()
        let editions = try files.map { try EditionFileReader.read(text: $0.contents, fileName: $0.name) }
        try archive.importEditions(editions)
        return archive
    }
}
