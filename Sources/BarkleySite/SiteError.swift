import Foundation

/// Why `barkley site` could not write the site.
public enum SiteError: Error, Equatable, LocalizedError {
    /// A file or folder under the output directory could not be written; `reason` is the system's.
    case cannotWrite(path: String, reason: String)
    /// A template in SiteTemplates/ failed to parse or is missing (a build defect, not bad data).
    case template(name: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .template(let name, let reason): "site template \(name): \(reason)"
        }
    }
}
