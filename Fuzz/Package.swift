// swift-tools-version:6.0
// libFuzzer targets for KizunaCore. A package of its own, so that `swift build` and `swift test` at the root
// never try to link an executable without a `main` (libFuzzer provides it). Build and run with
// `scripts/fuzz.sh manuscript|markup SECONDS`; see the comment at the top of that script.
import PackageDescription

let package = Package(
    name: "KizunaFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Kizuna", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "FuzzManuscript",
            dependencies: [.product(name: "KizunaCore", package: "Kizuna")],
            // Library-style code: libFuzzer's `main` calls `LLVMFuzzerTestOneInput`.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "FuzzMarkup",
            dependencies: [.product(name: "KizunaCore", package: "Kizuna")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
