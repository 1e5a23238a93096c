// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Haven",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "haven", targets: ["haven"]),
        .library(name: "HavenKit", targets: ["HavenKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        // cmark-gfm from the system (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [
                .apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]),
                .brew(["cmark-gfm"]),
            ]
        ),
        .target(
            name: "HavenKit",
            dependencies: [
                "CMarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The word lists are embedded by scripts/embed-resources.py (Generated/EmbeddedFiles.swift).
            exclude: ["Resources"]
        ),
        .executableTarget(
            name: "haven",
            dependencies: [
                "HavenKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "HavenKitTests",
            dependencies: ["HavenKit"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
