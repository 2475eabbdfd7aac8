#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes the site's files under its folder as they are made, counting the bytes it writes itself.
///
/// Each file is opened, written whole and closed, with no `fsync`: a site is output the archive
/// makes again at will, not data to keep through a power cut. Foundation's `Data.write(to:)`
/// syncs every file to the disk, which made writing the built-in archive's 294 pages take
/// four to five times its CPU time on a busy machine (298 `fsync` calls). A file of the same
/// name is replaced; other files in the folder are left alone.
///
/// Folders are made on the thread that owns this value (``place(_:)``); the file itself may
/// then be written on any thread (``writeFile(_:to:)``), which is how ``PagePool`` writes pages.
struct SiteFiles {
    /// The site's folder, as a path.
    let directory: String
    private(set) var bytes = 0
    /// Folders known to exist, so each is made (or found) once.
    private var made: Set<String> = []

    init(directory: URL) {
        self.directory = directory.path
    }

    /// - Throws: ``SiteError/cannotWrite(path:reason:)``.
    mutating func write(_ text: String, to path: String) throws {
        bytes += try Self.writeFile(text, to: place(path))
    }

    /// - Throws: ``SiteError/cannotWrite(path:reason:)``.
    mutating func write(_ data: Data, to path: String) throws {
        let file = try place(path)
        if let failure = data.withUnsafeBytes({ Self.writeWhole($0, to: file) }) { throw SiteError.cannotWrite(path: file, reason: failure) }
        bytes += data.count
    }

    /// The file of `path` (relative to the site's folder), its folder made when missing.
    /// - Throws: ``SiteError/cannotWrite(path:reason:)`` naming the file when its folder cannot be made.
    mutating func place(_ path: String) throws -> String {
        let file = directory + "/" + path
        if let slash = file.lastIndex(of: "/") {
            let folder = String(file[..<slash])
            if !made.contains(folder) {
                if let failure = Self.makeFolder(folder) { throw SiteError.cannotWrite(path: file, reason: failure) }
                made.insert(folder)
            }
        }
        return file
    }

    /// Writes `text` as UTF-8 to `file`, whose folder exists (``place(_:)``); safe on any thread.
    /// - Returns: the bytes written.
    /// - Throws: ``SiteError/cannotWrite(path:reason:)``.
    static func writeFile(_ text: String, to file: String) throws -> Int {
        var text = text
        if let failure = text.withUTF8({ writeWhole(UnsafeRawBufferPointer($0), to: file) }) {
            throw SiteError.cannotWrite(path: file, reason: failure)
        }
        return text.utf8.count
    }

    /// Makes `folder` and any missing parents; nil when it exists afterwards, else the system's reason.
    private static func makeFolder(_ folder: String) -> String? {
        if mkdir(folder, 0o777) == 0 || errno == EEXIST { return nil }
        guard errno == ENOENT, let slash = folder.lastIndex(of: "/"), slash != folder.startIndex else { return reason() }
        if let failure = makeFolder(String(folder[..<slash])) { return failure }
        return mkdir(folder, 0o777) == 0 || errno == EEXIST ? nil : reason()
    }

    /// Creates or truncates `file` and writes `bytes` to it; nil on success, else the system's reason.
    private static func writeWhole(_ bytes: UnsafeRawBufferPointer, to file: String) -> String? {
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return reason() }
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                let failure = reason()
                close(descriptor)
                return failure
            }
            offset += written
        }
        // close reports a write the file system could not complete (a full disk on NFS).
        return close(descriptor) == 0 ? nil : reason()
    }

    private static func reason() -> String { String(cString: strerror(errno)) }
}

/// The C library's `write`, named apart from ``SiteFiles``' own `write` methods.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
