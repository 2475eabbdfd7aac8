import Foundation

extension QueryError: LocalizedError {
    /// The message the `barkley` CLI prints: `no runner named 'Jared Campbel'; did you mean Jared Campbell?`.
    public var errorDescription: String? { description }

    /// What to try instead: the close names of ``noRunner(name:suggestions:)``, one of the
    /// candidates of ``ambiguousRunner(name:candidates:)``; nil when there is nothing to suggest.
    public var recoverySuggestion: String? {
        switch self {
        case .noRunner(_, let suggestions) where !suggestions.isEmpty:
            "Did you mean \(suggestions.joined(separator: " or "))?"
        case .ambiguousRunner:
            "Give the full name of one of them."
        default:
            nil
        }
    }
}
