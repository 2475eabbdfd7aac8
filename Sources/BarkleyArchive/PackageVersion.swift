/// The version of the Barkley Archive package, the one place it is written.
///
/// It is the latest release heading of `CHANGELOG.md` (`## 0.12.0 — 2026-12-01`), which a test
/// checks, and what `barkley --version` prints. Releases are tagged with the same number, so
/// `.package(url: …, from: "0.12.0")` resolves to the code this constant belongs to.
public enum PackageVersion {
    /// `MAJOR.MINOR.PATCH`, as in semantic versioning.
    public static let current = "0.12.0"
}
