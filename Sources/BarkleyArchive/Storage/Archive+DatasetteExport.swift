import Foundation
import SQLiteLayer

extension Archive {
    /// Writes the archive for Datasette into `directory` (created when missing): the archive
    /// file, `barkley.sqlite` (``DatasetteMetadata/fileName``), as of one consistent moment, and
    /// its `metadata.json` (``DatasetteMetadata``). Serve them with
    /// `datasette serve DIR/barkley.sqlite --metadata DIR/metadata.json`.
    ///
    /// Files of the same name are replaced whole: each is written under a hidden name beside it
    /// and renamed into place, so a failed export leaves the previous files as they were.
    ///
    /// - Returns: the files written: the archive, then the metadata.
    /// - Throws: a file system error or `SQLiteError` when a file cannot be written.
    @discardableResult
    public func exportForDatasette(to directory: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let database = directory.appendingPathComponent(DatasetteMetadata.fileName)
        let metadata = directory.appendingPathComponent("metadata.json")
        let aside = directory.appendingPathComponent(".\(DatasetteMetadata.fileName).\(UUID().uuidString).tmp")
        // The backup writes a new, synced file and refuses an existing one; renaming it over the
        // old export replaces that in one step (rename(2) is atomic within a directory).
        try connection.backup(toNewFile: aside.path)
        guard rename(aside.path, database.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: aside)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: database.path,
                                                           NSLocalizedDescriptionKey: "cannot write \(database.path): \(String(cString: strerror(code)))"])
        }
        try DatasetteMetadata.json().write(to: metadata, options: .atomic)
        return [database, metadata]
    }
}
