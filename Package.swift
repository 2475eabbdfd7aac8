// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "BarkleyArchive",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "SQLiteLayer", targets: ["SQLiteLayer"]),
        .library(name: "BarkleyArchive", targets: ["BarkleyArchive"]),
        .library(name: "BarkleyQueries", targets: ["BarkleyQueries"]),
        .library(name: "BarkleyBuiltInArchive", targets: ["BarkleyBuiltInArchive"]),
        .executable(name: "barkley", targets: ["barkley"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // The static site's HTML, from template files (SiteTemplates/).
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // `swift package generate-documentation` (scripts/check-docs); a command plugin, never linked.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // The only place C enters: SQLite, found by pkg-config.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // A seeded generator shared by the property tests, the fuzzers and the benchmarks.
        .target(name: "SeededRandom"),
        // A thin, safe Swift layer over SQLite; general, nothing Barkley-specific.
        .target(name: "SQLiteLayer", dependencies: ["CSQLite"]),

        // Embeds Migrations/*.sql and SampleData/*.yaml into the library at build time, so the
        // shipped schema and built-in archive are the files themselves, with no run-time paths.
        .executableTarget(name: "EmbedFilesTool"),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["EmbedFilesTool"]),

        // The repository layer: schema, domain model, edition files (import, validate, export).
        .target(
            name: "BarkleyArchive",
            dependencies: [
                "SQLiteLayer",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            plugins: ["EmbedFiles"]
        ),
        // The real history from SampleData/, built into the library.
        .target(name: "BarkleyBuiltInArchive", dependencies: ["BarkleyArchive"], plugins: ["EmbedFiles"]),
        // Answers to historical questions, as typed results.
        .target(name: "BarkleyQueries", dependencies: ["BarkleyArchive"]),
        // How a time, an unknown, a partial answer reads: one decision for the CLI and the site.
        .target(name: "BarkleyPresentation", dependencies: ["BarkleyQueries"]),
        // The site's charts as inline SVG: the project's own, with no dependency.
        .target(name: "BarkleyCharts"),
        // `barkley site DIR`: the archive as a static website; templates embedded from SiteTemplates/.
        .target(
            name: "BarkleySite",
            dependencies: ["BarkleyQueries", "BarkleyPresentation", "BarkleyCharts", .product(name: "Mustache", package: "swift-mustache")],
            plugins: ["EmbedFiles"]
        ),
        // The `barkley` command-line tool.
        .executableTarget(
            name: "barkley",
            dependencies: [
                "BarkleyQueries", "BarkleyPresentation", "BarkleySite", "BarkleyBuiltInArchive", "SQLiteLayer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // Benchmarks: `swift run -c release barkley-bench` (never part of the tests).
        .executableTarget(name: "barkley-bench", dependencies: ["BarkleyArchive", "BarkleyQueries", "BarkleySite", "SQLiteLayer", "CSQLite", "SeededRandom"], exclude: ["README.md"]),

        .testTarget(name: "SQLiteLayerTests", dependencies: ["SQLiteLayer", "SeededRandom"]),
        .testTarget(name: "BarkleyArchiveTests", dependencies: ["BarkleyArchive", "BarkleyBuiltInArchive", "SeededRandom"]),
        .testTarget(name: "BarkleyChartsTests", dependencies: ["BarkleyCharts"]),
        // Golden/ holds expected pages; the browser test runs Debian's chromium (scripts/bootstrap).
        // Golden files (expected output compared exactly), shared by the CLI's and the site's tests.
        .target(name: "GoldenFiles", path: "Tests/GoldenFiles"),
        .testTarget(name: "BarkleySiteTests", dependencies: ["BarkleySite", "BarkleyQueries", "BarkleyBuiltInArchive", "GoldenFiles"], exclude: ["Golden"]),
        .testTarget(name: "BarkleyQueriesTests", dependencies: ["BarkleyQueries", "BarkleyBuiltInArchive", "SeededRandom"]),
        // Golden/ holds the expected output of the `barkley` binary, read by path from the tests.
        .testTarget(name: "BarkleyCLITests", dependencies: ["barkley", "BarkleyArchive", "BarkleyQueries", "BarkleyBuiltInArchive", "SeededRandom", "GoldenFiles"], exclude: ["Golden"]),
    ]
)
