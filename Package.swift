// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Kizuna",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kizuna", targets: ["kizuna"]),
        .library(name: "KizunaCore", targets: ["KizunaCore"]),
        .library(name: "KizunaQR", targets: ["KizunaQR"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // MeCab is loaded at run time where it is installed (see Style/MeCab.swift): building needs none of it.
        .target(name: "CMeCab", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(name: "CFileSystem"),
        // QR codes (ISO/IEC 18004), written here in pure Swift as no QR library is at hand.
        .target(name: "KizunaQR"),
        .target(
            name: "KizunaCore",
            dependencies: [
                "CLibXML2",
                "CMeCab",
                "CFileSystem",
                "KizunaQR",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // `kizuna serve`: the live preview server, kept out of the core so the compiler needs no networking.
        .target(
            name: "KizunaServer",
            dependencies: [
                "KizunaCore",
                "CFileSystem",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "kizuna",
            dependencies: [
                "KizunaCore",
                "KizunaServer",
                "KizunaQR",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "KizunaCoreTests",
            dependencies: [
                "KizunaCore",
                "KizunaServer",
                // So that `swift test` builds the binary the command-line tests run.
                "kizuna",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures", "Snapshots"]
        ),
        .testTarget(name: "KizunaQRTests", dependencies: ["KizunaQR"]),
    ],
    swiftLanguageModes: [.v6]
)
