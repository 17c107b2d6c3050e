// swift-tools-version:6.1
import PackageDescription

// libFuzzer harness for the readers and loaders (docs/fuzzing.md). A package of its own so that the root package's
// `swift build` / `swift test` never see a target without `main`. Build and run through `scripts/fuzz.sh`, which
// passes `-sanitize=fuzzer,address -parse-as-library`; the root package is instrumented along with it.
let package = Package(
    name: "PostulatyFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Postulaty", path: "..")],
    targets: [
        // The entry point SwiftPM expects, calling libFuzzer's driver (see FuzzMain.c).
        .target(name: "FuzzMain"),
        .executableTarget(name: "postulaty-fuzz", dependencies: [
            "FuzzMain",
            .product(name: "Corpus", package: "Postulaty"),
            .product(name: "Themes", package: "Postulaty"),
            .product(name: "Similarity", package: "Postulaty"),
            .product(name: "PolishText", package: "Postulaty"),
        ], swiftSettings: [.swiftLanguageMode(.v5)]),  // a single-threaded harness: globals and stderr are fine
    ]
)
