import Foundation

/// Every runner's URL slug: readable (`jasmin-paris`), stable, and unique even when two names
/// fold to the same letters (`José Díaz` and `Jose Diaz` become `jose-diaz` and `jose-diaz-2`,
/// the earlier first appearance keeping the plain slug).
public struct RunnerDirectory: Sendable {
    /// Runner name → slug.
    public private(set) var slugs: [String: String] = [:]
    /// Names in the order slugs were given: first year, then name.
    public private(set) var names: [String] = []

    /// - Parameter firstYears: each runner's name and the first year the archive has them.
    public init(firstYears: [String: Int]) {
        var taken: Set<String> = []
        for (name, _) in firstYears.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
            let base = Self.slug(name)
            var slug = base
            var suffix = 2
            while taken.contains(slug) {
                slug = "\(base)-\(suffix)"
                suffix += 1
            }
            taken.insert(slug)
            slugs[name] = slug
            names.append(name)
        }
    }

    /// Lower-case ASCII letters and digits joined by single hyphens; accents folded away.
    public static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)) {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else if scalar != "'" && scalar != "’" {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "runner" : slug.lowercased()
    }
}
