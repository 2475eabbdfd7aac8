#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What a path given on the command line names, so that each command takes only what it can use.
///
/// A path is a path: never an SQLite URI, never `:memory:`. A directory, a FIFO (which would
/// block a reader forever), a device or a socket is refused with exit 66 and a message, before
/// anything opens it.
enum PathKind: Equatable {
    case missing
    case regularFile
    case directory
    /// A symbolic link whose target does not exist: neither a file to read nor a name to create.
    case danglingSymbolicLink
    /// A FIFO, a device or a socket, in words.
    case special(String)

    /// What `path` names, following symbolic links.
    init(of path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            var linkInfo = stat()
            self = lstat(path, &linkInfo) == 0 ? .danglingSymbolicLink : .missing
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .regularFile
        case S_IFDIR: self = .directory
        case S_IFIFO: self = .special("a FIFO (named pipe)")
        case S_IFCHR, S_IFBLK: self = .special("a device")
        case S_IFSOCK: self = .special("a socket")
        default: self = .special("not a regular file")
        }
    }

    /// The refusal (exit 66) for a path that is not a regular file, or nil when it is usable.
    ///
    /// - Parameters:
    ///   - role: what the path should name, for the message ("an archive file").
    ///   - mayBeMissing: true where a missing path is fine (a file to create).
    static func refusal(for path: String, role: String, mayBeMissing: Bool) -> CLIError? {
        switch PathKind(of: path) {
        case .regularFile: return nil
        case .missing: return mayBeMissing ? nil : CLIError(.missingInput, "no file at \(path) (\(role) was expected)", hint: "Check the path.")
        case .directory: return CLIError(.missingInput, "\(path) is a directory, not \(role)", hint: "Give the path of a file.")
        case .danglingSymbolicLink:
            return CLIError(.missingInput, "\(path) is a symbolic link to a file that does not exist", hint: "Give the path of a file, or remove the link.")
        case .special(let kind): return CLIError(.missingInput, "\(path) is \(kind), not \(role)", hint: "Give the path of a regular file.")
        }
    }
}
