// swift-tools-version:6.1
import PackageDescription

// Dependency direction (one way): postulaty → Reporting → Themes/Similarity → Corpus/PolishText → ICUText → CICU;
// Corpus and PolishText also see Messages (the run's message language), which depends on nothing.
// ICU's C module is seen only by ICUText, which never imports Foundation (see docs/architecture.md).
let package = Package(
    name: "Postulaty",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "postulaty", targets: ["postulaty"]),
        .library(name: "PolishText", targets: ["PolishText"]),
        .library(name: "Corpus", targets: ["Corpus"]),
        .library(name: "Themes", targets: ["Themes"]),
        .library(name: "Similarity", targets: ["Similarity"]),
        .library(name: "Reporting", targets: ["Reporting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(name: "CICU", path: "Sources/CICU", pkgConfig: "icu-i18n",
                       providers: [.apt(["libicu-dev", "pkg-config"])]),
        // Foundation-free: the only target that sees ICU's C module.
        .target(name: "ICUText", dependencies: ["CICU"]),
        // The run's message language (tr, counted): Foundation-free, no dependencies; Corpus re-exports it.
        .target(name: "Messages"),
        .target(name: "PolishText", dependencies: ["Messages", "ICUText", "ZIPFoundation"]),
        .target(name: "Corpus", dependencies: ["Messages"]),
        .target(name: "Themes", dependencies: ["PolishText", "Corpus"]),
        .target(name: "Similarity", dependencies: ["PolishText", "Corpus"]),
        .target(name: "Reporting", dependencies: ["Themes", "Similarity", "Corpus", "PolishText"]),
        // The staff review store (SQLite through GRDB): postulates, reviews, audit trail.
        .target(name: "Store", dependencies: ["Corpus", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Service", dependencies: [
            "PolishText", "Corpus", "Themes", "Similarity", "Reporting", "Store",
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .executableTarget(name: "postulaty", dependencies: [
            "PolishText", "Corpus", "Themes", "Similarity", "Reporting", "Service", "Store",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "postulaty-bench", dependencies: ["PolishText", "Corpus", "Themes", "Similarity"],
                          path: "Benchmarks/postulaty-bench"),
        .testTarget(name: "ICUTextTests", dependencies: ["ICUText"]),
        .testTarget(name: "PolishTextTests", dependencies: ["PolishText"]),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus"]),
        .testTarget(name: "ThemesTests", dependencies: ["Themes", "Corpus", "PolishText"]),
        .testTarget(name: "SimilarityTests", dependencies: ["Similarity", "Corpus", "PolishText"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Themes", "Similarity", "Corpus"]),
        .testTarget(name: "ServiceTests", dependencies: [
            "Service", "Corpus",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Corpus", .product(name: "GRDB", package: "GRDB.swift")]),
        // Fixtures and Expected hold the contract tests' inputs and expected outputs (docs/testing.md).
        .testTarget(name: "CLITests", dependencies: ["postulaty", "Store", "Corpus", .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Fixtures", "Expected"]),
    ]
)
