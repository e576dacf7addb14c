// swift-tools-version:6.0
// The "Yams compose" baseline of scripts/bench.py (issue 7): how long Yams alone takes to compose every .yaml file
// of a corpus into nodes, with no validation, merging or rendering. A package of its own so that the main package
// never builds it; build with
//   swift build -c release --package-path Benchmarks --scratch-path .build-bench
import PackageDescription

let package = Package(
    name: "KizunaBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2")
    ],
    targets: [
        .executableTarget(
            name: "yams-compose",
            dependencies: [.product(name: "Yams", package: "Yams")]
        )
    ],
    swiftLanguageModes: [.v6]
)
